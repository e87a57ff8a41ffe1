//! Architecture statements: where a project's own README or architecture notes say which
//! style it follows ("This is an example of Clean Architecture in Go", "## Hexagonal
//! Architecture"). Labellers, and the architects reading a report, name a repository's
//! primary style the way its docs do; the code decides whether the style is there at all.
//!
//! Prose is where tools embarrass themselves (taxonomy hard cases), so only affirmative
//! statements count: a heading naming the style, or a sentence whose verb adopts it
//! ("based on", "follows", "implements", "example of"). A negation or contrast before the
//! term ("not", "instead of", "rather than", "vs") discards it.

use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use super::Statement;

/// Style ids and the phrases that name them. `monolith` and `event-driven` are left out:
/// READMEs use them for deployment and messaging ("a monolithic deployment model"), not as
/// the organising style.
const STYLE_TERMS: &[(&str, &str)] = &[
    ("clean", r"clean[ -]architecture|onion[ -]architecture"),
    (
        "hexagonal",
        r"hexagonal(?:[ -]architecture)?|ports[ -](?:and|&)[ -]adapters",
    ),
    ("cqrs", r"\bcqrs\b"),
    ("microservices", r"\bmicro-?services?\b"),
    ("modular-monolith", r"modular[ -]monolith"),
    // pretalx's developer docs: "model apps follow a strict layout and layering approach";
    // fastapi_best_architecture's README section "Three-tier architecture".
    (
        "layered",
        r"(?:n-tier|(?:two|three|3|multi)[ -]tier|layered|multi-layer)[ -]architecture|\blayer(?:ed|ing) approach",
    ),
    // Rails apps say it as "standard Rails conventions" / "a vanilla Rails approach": the
    // framework's controllers, models and views, which is what labellers call MVC.
    (
        "mvc",
        r"\bmvc\b|model[- ]view[- ]controller|(?:standard|vanilla|conventional) (?:ruby on )?rails\b|rails conventions|the rails way",
    ),
    ("plugin", r"plugin[- ]architecture"),
    // What the product is, not how it is organised: only where the README's title or a
    // sentence's subject says so ("miniserve is a small CLI tool", "A command-line
    // application that syncs…"), see [`SELF_DESCRIPTION`].
    (
        "cli",
        r"\b(?:cli|command[- ]?line)(?:[- ][a-z0-9]+){0,2}?[- ](?:tool|utility|app|application|program|interface|client)s?\b|\bcli (?:for|to)\b|\b(?:tool|utility)\b",
    ),
    // A package that calls itself a library, framework or toolkit ships code for others to
    // build with ("Moleculer is a … microservices framework", "a tool for building command
    // line utilities"), also self-described only.
    (
        "library",
        r"\b(?:library|framework|sdk|toolkit|gem|crate)\b|\b(?:tool|utility) (?:for|to) (?:build|creat|writ)\w*",
    ),
];

/// Styles a README states by describing the product itself, in its title or as the
/// subject of a sentence of its introduction, before the first section ("X is a …", "A …
/// tool that"), not through an adopting verb: "uses
/// the gh command-line tool" names a tool it runs, "a library for building CLI applications"
/// what its users build.
const SELF_DESCRIBED: &[&str] = &["cli", "library"];

/// The clause before a self-described term: an article opening the sentence or following
/// "is" ("use it as a command line application" is one use among others), with no word that makes the product a library or the term its users' work.
const SELF_DESCRIPTION: &str = r"(?:^|[.!?>*#]\s*|\bis\s+)an?\s[^.;:!?]{0,40}$";
const NOT_SELF: &str = r"\b(?:librar\w*|framework|toolkit|sdk|packages?|for|helps?|build\w*|creat\w*|writ\w*|making)\b|(?:^|\s)(?:of|in|to|with|from|by|on|into|over|around|uses?|using|via|like)\s";
/// A README's tagline, the first line of prose under its title, often names the product
/// without an article ("Python CLI utility and library for manipulating SQLite databases"):
/// the term within its first few words.
const TAGLINE: &str = r"^[^.;:!?]{0,30}$";
/// What follows a generic "tool" that makes it its users' work ("a tool for building
/// command line utilities" ships a library).
const TOOL_FOR_BUILDING: &str = r"^\s+(?:for|to)\s+(?:build|creat|writ)";

/// Verbs that adopt what follows, within the same clause.
const AFFIRMATIVE: &str = r"\b(?:(?:based on|(?:made|written) (?:with|using|following)|follows?|following|built (?:with|on|using|around)|implements?|implementing|implementation of|uses?|using|appl(?:y|ies|ying)|designed (?:with|around|using)|structured (?:with|as|around|using)|adheres? to|example of|demonstrat\w+|showcas\w+|sample of|template for|boilerplate for|organi[sz]ed (?:as|around|by|in)|favou?rs? an?)\b|is an? )[^.;:!?]{0,40}$";

/// Words that reject or contrast what follows, within the same clause.
const NEGATION: &str = r"\b(?:not|no|without|instead of|rather than|unlike|vs\.?|versus|isn't|aren't|don't|doesn't|avoid\w*|over|than)\b[^.;!?]{0,40}$";

/// Longest document read (bytes): READMEs and architecture notes are far smaller.
const MAX_DOC_BYTES: u64 = 256 * 1024;

/// Statements in the README, agent instructions and architecture notes ([`is_architecture_doc`]).
pub fn collect(root: &Path, paths: &[&str]) -> Vec<Statement> {
    let mut out = Vec::new();
    for path in paths.iter().filter(|p| is_architecture_doc(p)) {
        let full = root.join(path);
        if std::fs::metadata(&full).map_or(true, |m| m.len() > MAX_DOC_BYTES) {
            continue;
        }
        let Ok(bytes) = std::fs::read(&full) else {
            continue;
        };
        out.extend(statements_in(path, &String::from_utf8_lossy(&bytes)));
    }
    out
}

/// Decision records that adopt a style in their title ("Use modular monolith"), unless the
/// record was rejected, deprecated or superseded, or still only proposed.
pub fn from_decisions(adrs: &[super::Adr]) -> Vec<Statement> {
    adrs.iter()
        .filter(|adr| {
            adr.status.as_deref().is_none_or(|status| {
                !["rejected", "deprecated", "superseded", "proposed", "draft"]
                    .iter()
                    .any(|word| status.contains(word))
            })
        })
        // The title read as the heading it is: line 1 of the statement.
        .flat_map(|adr| statements_in(&adr.path, &format!("# {}", adr.title)))
        .collect()
}

/// The root README, a root or `docs/` / `doc/` page named for the architecture, design or
/// structure (at any depth: `docs/specs/4-architecture/backend.md`), the docs folder's own
/// README, and the instructions a repository keeps for coding agents and contributors
/// (`AGENTS.md`, `CLAUDE.md`, a root `STYLE.md`), which describe how the code is organised.
fn is_architecture_doc(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let (dir, name) = match lower.rsplit_once('/') {
        Some((dir, name)) => (dir, name),
        None => ("", lower.as_str()),
    };
    let (stem, ext) = name.split_once('.').unwrap_or((name, ""));
    if !["", "md", "markdown", "rst", "txt", "adoc"].contains(&ext) {
        return false;
    }
    let about_architecture = ["architect", "overview", "design", "structure"]
        .iter()
        .any(|w| stem.contains(w));
    if dir.is_empty() {
        return stem.starts_with("readme")
            || about_architecture
            || ["agents", "claude", "style"].contains(&stem);
    }
    let docs = dir
        .split('/')
        .next()
        .is_some_and(|top| matches!(top, "docs" | "doc"));
    docs && (about_architecture || (matches!(dir, "docs" | "doc") && stem == "readme"))
}

/// The compiled vocabulary: each style's terms, then the adopting and rejecting clauses.
struct Patterns {
    terms: Vec<(&'static str, Regex)>,
    affirmative: Regex,
    negation: Regex,
    self_description: Regex,
    not_self: Regex,
    tagline: Regex,
    tool_for_building: Regex,
}

/// Words that join two things or start a phrase: between "command-line" and "client" they
/// mean the line names more than the program ("a CLI and web application"). "Only" and
/// "just" name a limit, said of the tool a product improves on ("`smartd` is a command line
/// only tool" in scrutiny's README, a web UI).
const NOT_MODIFIERS: &[&str] = &[
    "and", "or", "for", "with", "to", "of", "the", "a", "an", "in", "on", "by", "from", "as",
    "that", "which", "is", "plus", "only", "just",
];

/// Whether the words between "command-line" (or "CLI") and its noun only say what kind of
/// program it is ("a command-line DNS client", "a command-line task management tool").
fn modifiers_only(id: &str, term: &str) -> bool {
    if id != "cli" {
        return true;
    }
    let words: Vec<&str> = term.split([' ', '-']).collect();
    // "command line" and "commandline" open the phrase as one or two words.
    let skip = if words.get(1) == Some(&"line") { 2 } else { 1 };
    let gap = words
        .get(skip..words.len().saturating_sub(1))
        .unwrap_or_default();
    !gap.iter().any(|w| NOT_MODIFIERS.contains(w))
}

/// Whether a command-line tool is named only by a generic noun ("a search tool").
fn generic_noun(id: &str, term: &str) -> bool {
    id == "cli" && matches!(term, "tool" | "utility")
}

/// The affirmative statements of one document.
fn statements_in(path: &str, text: &str) -> Vec<Statement> {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    let Patterns {
        terms,
        affirmative,
        negation,
        self_description,
        not_self,
        tagline,
        tool_for_building,
    } = PATTERNS.get_or_init(|| Patterns {
        terms: STYLE_TERMS
            .iter()
            .map(|(id, p)| (*id, Regex::new(p).expect("valid")))
            .collect(),
        affirmative: Regex::new(AFFIRMATIVE).expect("valid"),
        negation: Regex::new(NEGATION).expect("valid"),
        self_description: Regex::new(SELF_DESCRIPTION).expect("valid"),
        not_self: Regex::new(NOT_SELF).expect("valid"),
        tagline: Regex::new(TAGLINE).expect("valid"),
        tool_for_building: Regex::new(TOOL_FOR_BUILDING).expect("valid"),
    });
    let mut out = Vec::new();
    let mut in_code = false;
    let readme = !path.contains('/') && path.to_ascii_lowercase().starts_with("readme");
    // The title and the paragraphs before the first section: where a README says what the
    // product is ("A standalone command-line tool is available" further down is an extra).
    let mut intro = true;
    // Inside a section headed "Architecture" (or "Design"), a bullet that starts with a
    // style names one the project has ("## Architecture" / "- CQRS (immediate consistency)").
    let mut architecture_section = false;
    // Inside a section headed "Features", an item that starts with a style names what the
    // project offers ("## Features" / "- MVC Project Structure" in hackathon-starter); so does
    // an item of the README's introduction, before its first section ("# What we are doing
    // here ?" / "- Hexagonal (Clean) Architecture -> Port & Adapter Style").
    let mut features_section = false;
    // Whether the first line of prose under the title has been seen (see [`TAGLINE`]).
    let mut prose_seen = false;
    let lines: Vec<&str> = text.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        // Fenced code shows commands and trees, not claims.
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        // A setext heading: a line underlined with `===` (a title) or `---` (a section), as
        // older READMEs and reStructuredText write them.
        let underline = lines.get(index + 1).and_then(|next| {
            let next = next.trim();
            let plain = !trimmed.is_empty()
                && trimmed.len() <= 80
                && !trimmed.starts_with(['-', '*', '#', '|', '>', '=']);
            (plain && next.len() >= 3)
                .then(|| next.chars().next())
                .flatten()
                .filter(|c| matches!(c, '=' | '-') && next.chars().all(|x| x == *c))
        });
        let lower = line.to_lowercase();
        let heading = trimmed.starts_with('#') && trimmed.len() <= 80 || underline.is_some();
        // Level two and below: the first section.
        let section = trimmed.starts_with("##") || underline == Some('-');
        if section {
            intro = false;
        }
        if heading {
            architecture_section = lower.contains("architecture") || lower.contains("design");
            features_section = lower.contains("feature");
        }
        // Where the item's text starts, past the bullet and any emphasis: in an architecture
        // or features section any item, elsewhere only one that leads with a bold term and
        // a colon ("- **Clean Architecture**: clear separation of …"), how a README declares
        // what the project has; a reading list links its topics instead.
        let item_start = {
            let body = lower.trim_start();
            body.strip_prefix("- ")
                .or_else(|| body.strip_prefix("* "))
                .filter(|rest| {
                    architecture_section
                        || features_section
                        || readme && intro
                        || rest
                            .strip_prefix("**")
                            .and_then(|bold| bold.split_once("**"))
                            .is_some_and(|(_, after)| after.starts_with(':'))
                })
                .map(|rest| {
                    // In an architecture section a linked item names a style it combines
                    // ("such as: - [Hexagonal (Ports and Adapters) Architecture](…)").
                    let text = if architecture_section {
                        rest.trim_start_matches(['*', '_', ' ', '['])
                    } else {
                        rest.trim_start_matches(['*', '_', ' '])
                    };
                    lower.len() - text.len()
                })
        };
        // The first line of prose under the title: past badges, images and HTML.
        let tagline_line = readme
            && intro
            && !prose_seen
            && !heading
            && underline.is_none()
            && !trimmed.is_empty()
            && !trimmed.starts_with(['[', '!', '<', '|', '=', '-']);
        if tagline_line {
            prose_seen = true;
        }
        // Each style at the first place the line states it, in the order the line names
        // them ("A CLI tool and Python library": a command-line tool first).
        let mut said: Vec<(usize, &str, bool)> = Vec::new();
        for (id, term) in terms {
            let first = term.find_iter(&lower).find(|m| {
                let before = &lower[..m.start()];
                let mut start = before.len().saturating_sub(90);
                while !before.is_char_boundary(start) {
                    start += 1;
                }
                // A tagline centred in HTML is indented (`<p align="center">` then
                // "  A light-weight job scheduling library"): the clause starts at its text.
                let clause = before[start..].trim_start();
                if !modifiers_only(id, m.as_str()) {
                    return false;
                }
                if SELF_DESCRIBED.contains(id) {
                    // The README's title, not a section of it ("## CLI" in a web app's).
                    let title = heading && !section;
                    // "a tool for building command line utilities" ships a library; "a CLI
                    // tool for building sites" is still a command-line tool.
                    let tool_of_users = generic_noun(id, m.as_str())
                        && tool_for_building.is_match(&lower[m.end()..]);
                    return readme
                        && intro
                        && (title
                            || self_description.is_match(clause)
                            || tagline_line && tagline.is_match(before.trim_start()))
                        && !tool_of_users
                        && !not_self.is_match(clause)
                        && !negation.is_match(clause);
                }
                (heading || item_start == Some(m.start()) || affirmative.is_match(clause))
                    && !negation.is_match(clause)
            });
            if let Some(m) = first {
                let generic = generic_noun(id, m.as_str());
                said.push((m.start(), id, generic));
            }
        }
        said.sort();
        for (_, id, generic) in said {
            if !out
                .iter()
                .any(|s: &Statement| s.style == id && s.generic == generic)
            {
                out.push(Statement {
                    style: id.to_string(),
                    path: path.to_string(),
                    line: index as u32 + 1,
                    text: trimmed.chars().take(160).collect(),
                    generic,
                });
            }
        }
    }
    if readme {
        out.extend(usage_example(path, &lines));
    }
    out
}

/// Languages a README's code block is written in when it shows a program using the package.
#[rustfmt::skip]
const PROGRAM_LANGUAGES: &[&str] = &[
    "ruby", "rb", "python", "py", "python3", "pycon", "js", "javascript", "ts", "typescript",
    "jsx", "tsx", "mjs", "cjs", "go", "golang", "rust", "rs", "java", "kotlin", "kt", "csharp",
    "cs", "c#", "fsharp", "php", "elixir", "scala", "swift", "dart", "groovy",
];

/// Languages of a shell session.
#[rustfmt::skip]
const SHELL_LANGUAGES: &[&str] = &[
    "sh", "bash", "shell", "console", "shell-session", "shellsession", "zsh", "fish",
    "terminal", "cmd", "powershell", "ps1", "pwsh", "bat",
];

/// A line that installs or fetches the package rather than using it.
const INSTALL_LINE: &str = r"^[$%]?\s*(sudo\s+)?(gem|npm|yarn|pnpm|pip3?|pipx|uv|poetry|cargo|go|brew|composer|dotnet|nuget|Install-Package|bundle|apt|apt-get|choco|scoop|docker|git|cd|mkdir|export|source|curl|wget|conda|mvn|gradle|bun|deno|npx|rustup|make|dnf|yum|pacman|apk|winget|python3? -m pip)\b|^(gem|group|end)\b|^<dependency>";

/// A line of program text, for a code block that names no language.
const PROGRAM_LINE: &str = r"^(require|import|from\s+\S+\s+import|use\s|using\s|package\s|class\s|def\s|const\s|let\s|var\s|>>>)|=>|\bnew\s+[A-Z]|\w\.\w+\(";

/// The README's first usage example, when it is a program calling the package (`response =
/// HTTParty.get(…)`, `const knex = require('knex')`): a package that ships a command too is a
/// library first, as its README shows it. Installation lines are passed over; a first example
/// typed at a shell says nothing (it may start a server the library needs, or show a test
/// runner's help). Generic: it orders library before command-line tool, and is no evidence.
fn usage_example(path: &str, lines: &[&str]) -> Option<Statement> {
    static PATTERNS: OnceLock<(Regex, Regex)> = OnceLock::new();
    let (install, program) = PATTERNS.get_or_init(|| {
        (
            Regex::new(INSTALL_LINE).expect("valid"),
            Regex::new(PROGRAM_LINE).expect("valid"),
        )
    });
    let mut index = 0;
    // The level of the contributors' section being passed over, if any.
    let mut contributors: Option<usize> = None;
    // The first line that installs the package: (line index, text, whether it adds it to the
    // reader's own project rather than installing a program).
    let mut first_install: Option<(usize, &str, bool)> = None;
    while index < lines.len() {
        let fence = lines[index].trim_start();
        let Some(info) = fence
            .strip_prefix("```")
            .or_else(|| fence.strip_prefix("~~~"))
        else {
            // Code shown to contributors (debugging with pry, running the test suite) is how
            // the project is worked on, not how it is used: such a section is passed over
            // down to the next heading of its level or above (knex sets up development
            // before its examples).
            if fence.starts_with('#') {
                let level = fence.chars().take_while(|c| *c == '#').count();
                if contributors.is_some_and(|section| level <= section) {
                    contributors = None;
                }
                if contributors.is_none() && is_contributor_heading(fence) {
                    contributors = Some(level);
                }
            }
            index += 1;
            continue;
        };
        let language = info.trim().to_ascii_lowercase();
        let language = language.split([' ', ',', '{']).next().unwrap_or_default();
        let mut body = Vec::new();
        index += 1;
        while index < lines.len() {
            let line = lines[index].trim();
            if line.starts_with("```") || line.starts_with("~~~") {
                break;
            }
            if !line.is_empty() && !line.starts_with('#') && !line.starts_with("//") {
                body.push((index, line));
            }
            index += 1;
        }
        index += 1;
        if contributors.is_some() {
            continue;
        }
        if first_install.is_none() {
            first_install = body
                .iter()
                .find_map(|&(i, line)| install_kind(line).map(|dependency| (i, line, dependency)));
        }
        body.retain(|(_, line)| !install.is_match(line));
        let Some(&(first_index, first)) = body.first() else {
            continue;
        };
        let shell = SHELL_LANGUAGES.contains(&language) || first.starts_with(['$', '%']);
        if shell {
            return None;
        }
        let code = PROGRAM_LANGUAGES.contains(&language)
            || language.is_empty() && body.iter().any(|(_, line)| program.is_match(line));
        if !code {
            if language.is_empty() {
                return None;
            }
            // A configuration file or sample output (yaml, json, text): not an example of use.
            continue;
        }
        return Some(library_hint(
            path,
            first_index,
            "first usage example is code",
            first,
        ));
    }
    // No example of use at all: how the README installs the package says what it is. Added
    // to the reader's application (`gem 'shoryuken'` in its Gemfile, `cargo add`, `go get`),
    // it is a library that application calls; installed as a program (`gem install`,
    // `cargo install`, `npm install -g`) or as a development tool, it says nothing here.
    let (line, text, dependency) = first_install?;
    dependency.then(|| {
        library_hint(
            path,
            line,
            "installed as a dependency of the reader's project",
            text,
        )
    })
}

/// A generic statement that the README reads as a library's: `why`, then the line (0-based
/// `index`) it was read from, shortened.
fn library_hint(path: &str, index: usize, why: &str, line: &str) -> Statement {
    Statement {
        style: "library".to_string(),
        path: path.to_string(),
        line: index as u32 + 1,
        text: format!("{why}: {}", line.chars().take(120).collect::<String>()),
        generic: true,
    }
}

/// How an installation line installs the package: `Some(true)` when it adds it to the
/// reader's own project as a dependency (a Gemfile `gem` line, `bundle add`, `cargo add`,
/// `go get`, `npm install x`, `composer require`, `dotnet add package`, a Maven
/// `<dependency>`), `Some(false)` when it installs a program or a development tool (`gem
/// install`, `cargo install`, `go install`, `npm install -g`, `--save-dev`, `brew install`),
/// `None` when it cannot say (`pip install` serves both).
fn install_kind(line: &str) -> Option<bool> {
    let line = line.trim_start_matches(['$', '%', '>']).trim();
    let line = line.strip_prefix("sudo ").unwrap_or(line);
    let words: Vec<&str> = line.split_whitespace().collect();
    let flag = |names: &[&str]| words.iter().any(|w| names.contains(w));
    match words.as_slice() {
        // A Gemfile line; `require: false` keeps a tool (rubocop) out of the app's code.
        ["gem", name, ..] if name.starts_with(['\'', '"']) => {
            Some(!line.contains("require: false"))
        }
        ["gem", "install", ..]
        | ["cargo", "install", ..]
        | ["go", "install", ..]
        | ["brew", "install", ..]
        | ["pipx", "install", ..]
        | ["uv", "tool", "install", ..]
        | ["dotnet", "tool", "install", ..]
        | ["composer", "global", "require", ..] => Some(false),
        ["bundle", "add", ..] | ["cargo", "add", ..] | ["go", "get", ..] => Some(true),
        ["npm", "install" | "i" | "add", _, ..]
        | ["yarn", "add", ..]
        | ["pnpm", "add" | "install" | "i", _, ..]
        | ["bun", "add", ..] => Some(!flag(&["-g", "--global", "-D", "--save-dev", "--dev"])),
        ["composer", "require", ..] => Some(!flag(&["--dev"])),
        ["dotnet", "add", ..] | ["Install-Package", ..] => Some(true),
        _ if line.starts_with("<dependency>") => Some(true),
        _ => None,
    }
}

/// Headings of the sections a README keeps for the people working on the project.
fn is_contributor_heading(heading: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "contribut", "develop", "hacking", "help out", "debugging", "testing", "running tests",
        "running the tests", "license", "from source",
    ];
    let lower = heading.to_ascii_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(text: &str) -> Vec<String> {
        statements_in("README.md", text)
            .into_iter()
            .map(|s| s.style)
            .collect()
    }

    #[test]
    fn a_first_usage_example_in_code_orders_library_first() {
        let usage = |text: &str| {
            statements_in("README.md", text)
                .into_iter()
                .filter(|s| s.generic && s.text.starts_with("first usage example"))
                .map(|s| s.style)
                .collect::<Vec<_>>()
        };
        let code = "# fetchy\n\n```\ngem install fetchy\n```\n\n```ruby\nresponse = Fetchy.get(url)\n```\n";
        assert_eq!(usage(code), ["library"]);
        // The statement points at the example's first line of code.
        let example = statements_in("README.md", code);
        assert_eq!(example.iter().map(|s| s.line).collect::<Vec<_>>(), [8]);
        // Unlabelled blocks are read by their lines; installation alone is passed over.
        let unlabelled =
            "```\n$ npm install knex\n```\n```\nconst knex = require('knex')({})\n```\n";
        assert_eq!(usage(unlabelled), ["library"]);
        // A first example typed at a shell, or configuration before it, says nothing.
        assert!(
            usage("```sh\n$ redis-server\n```\n```python\nfrom rq import Queue\n```\n").is_empty()
        );
        assert!(
            usage("```\n$ fetchy https://example.com\n```\n```ruby\nFetchy.get(url)\n```\n")
                .is_empty()
        );
        assert_eq!(
            usage("```yaml\nport: 80\n```\n```go\nimport \"x\"\n```\n"),
            ["library"]
        );
        // Code for contributors (a debugger line under "I'm here to help out!") is not use;
        // the examples after such a section are.
        assert!(usage(
            "# danger\n\n## I'm here to help out!\n\n#### Debugging\n```ruby\nrequire 'pry'\nbinding.pry\n```\n"
        )
        .is_empty());
        assert_eq!(
            usage("# knex\n## Local Development Setup\n### Prerequisites\n```bash\n$ npm test\n```\n## Examples\n```js\nconst knex = require('knex')({})\n```\n"),
            ["library"]
        );
        // Without an example of use, installing it into the reader's project says library;
        // installing a program says nothing.
        let installed = |text: &str| {
            statements_in("README.md", text)
                .into_iter()
                .filter(|s| s.generic && s.text.starts_with("installed as a dependency"))
                .map(|s| (s.style, s.line))
                .collect::<Vec<_>>()
        };
        let shoryuken = "# shoryuken\n\n```ruby\ngem 'shoryuken'\n```\n\n```shell\n$ bundle\n```\n";
        assert_eq!(installed(shoryuken), [("library".to_string(), 4)]);
        let rubocop = "```\n$ gem install rubocop\n```\n```\ngem 'rubocop', require: false\n```\n";
        assert!(installed(rubocop).is_empty());
        assert!(installed("```sh\nnpm install --save-dev eslint\n```\n").is_empty());
        assert_eq!(installed("```sh\ncargo add tokio\n```\n").len(), 1);
        // An example of use still speaks first.
        assert!(installed(code).is_empty());
        // Only the root README shows how the package is used.
        assert!(statements_in("docs/README.md", code)
            .iter()
            .all(|s| !s.generic));
    }

    #[test]
    fn headings_and_adopting_sentences_count() {
        assert_eq!(styles("# Clean Architecture Solution Template"), ["clean"]);
        assert_eq!(
            styles("This is an example of implementation of Clean Architecture in Go."),
            ["clean"]
        );
        assert_eq!(
            styles("NestJS Boilerplate is based on Hexagonal Architecture."),
            ["hexagonal"]
        );
        assert_eq!(
            styles("Python DDD & Onion-Architecture Example and Techniques"),
            Vec::<String>::new()
        );
        assert_eq!(
            styles("# Python DDD & Onion-Architecture Example"),
            ["clean"]
        );
        // An adopting verb is a whole word: "useful" does not use what follows.
        assert!(
            styles("Integration events are particularly useful when building microservices.")
                .is_empty()
        );
        assert_eq!(
            styles("This project is a **Clean Architecture** template."),
            ["clean"]
        );
        assert_eq!(styles("## Three-tier architecture"), ["layered"]);
    }

    #[test]
    fn setext_headings_count() {
        let readme = "Welcome to CQRS in Practice\n=====================\n\nThe course's code.\n";
        assert_eq!(styles(readme), ["cqrs"]);
        let rst = "Overview\n--------\n\nA command-line tool for mail.\n";
        // Past the title: the self-description of a CLI belongs to the introduction.
        assert!(styles(rst).is_empty());
        // A rule below a paragraph line that is a list item is not a heading (past the
        // introduction, where an item leading with a style counts anyway).
        assert!(styles("## Notes\n- CQRS\n---\n").is_empty());
    }

    #[test]
    fn linked_items_of_an_architecture_section_name_its_styles() {
        let readme = "# Architecture\n\nThis combines several styles, such as:\n\n\
            - [Hexagonal (Ports and Adapters) Architecture](https://example.com/hex)\n\
            - [SOLID Principles](https://example.com/solid)\n";
        assert_eq!(styles(readme), ["hexagonal"]);
        // Elsewhere a linked item is a reading list's topic.
        assert!(styles("## Reading\n\n- [Hexagonal Architecture](https://example.com)").is_empty());
    }

    #[test]
    fn rails_conventions_name_mvc() {
        assert_eq!(
            styles("Danbooru follows standard Rails conventions. If you're unfamiliar"),
            ["mvc"]
        );
        assert_eq!(
            styles("This project follows a standard Ruby on Rails application structure"),
            ["mvc"]
        );
        assert_eq!(
            styles("In general, we favor a [vanilla Rails](https://example.com) approach"),
            ["mvc"]
        );
    }

    #[test]
    fn a_command_line_interface_or_client_is_a_command_line_tool() {
        assert_eq!(
            styles("signal-cli is a commandline interface for the Signal messenger."),
            ["cli"]
        );
        assert_eq!(styles("# x\n\nx is a CLI for managing feeds."), ["cli"]);
        assert_eq!(
            styles("A command-line client for the Matrix protocol."),
            ["cli"]
        );
        // Words between say what kind of client it is.
        assert_eq!(
            styles("**doggo** is a modern command-line DNS client."),
            ["cli"]
        );
        assert_eq!(
            styles("Pueue is a command-line task management tool for long-running tasks."),
            ["cli"]
        );
        // What the product offers besides, not what it is.
        assert!(styles("x is a web app with a command-line interface.").is_empty());
        assert!(styles("x is a CLI and web application for feeds.").is_empty());
        // A limit said of another program (the one a web UI improves on) is no description.
        assert!(styles("- `smartd` is a command line only tool. A web UI is better.").is_empty());
    }

    #[test]
    fn a_readme_describing_the_product_as_a_command_line_tool_states_cli() {
        assert_eq!(
            styles("# miniserve - a CLI tool to serve files and dirs over HTTP"),
            ["cli"]
        );
        assert_eq!(
            styles("**miniserve** is a small, self-contained cross-platform CLI tool that"),
            ["cli"]
        );
        assert_eq!(
            styles("A command-line application that will automatically synchronize settings"),
            ["cli"]
        );
        // What its users build is not what it ships: these are libraries.
        assert_eq!(
            styles("Cobra is a library for creating powerful modern CLI applications."),
            ["library"]
        );
        assert_eq!(
            styles("A Rust library for indicating progress in command line applications."),
            ["library"]
        );
        assert!(styles("It uses the gh command-line tool to open pull requests.").is_empty());
        assert!(styles("- CLI support (add images via [command-line tool](https://x))").is_empty());
        assert!(styles("## CLI tool\nThe server also ships a CLI tool.").is_empty());
        assert!(
            styles("# Whoogle\n## Usage\nA standalone command-line tool is available").is_empty()
        );
        assert!(
            styles("You can use it as a command line application or as a web application.")
                .is_empty()
        );
        assert!(statements_in("docs/overview.md", "# A CLI tool").is_empty());
    }

    #[test]
    fn a_package_that_ships_both_is_named_in_the_order_its_readme_says() {
        let said = |text: &str| -> Vec<(String, bool)> {
            statements_in("README.md", text)
                .into_iter()
                .map(|s| (s.style, s.generic))
                .collect()
        };
        // The tagline under the title, without an article.
        assert_eq!(
            styles("# sqlite-utils\n\n[![PyPI](https://x)](https://y)\n\nPython CLI utility and library for manipulating SQLite databases.\n"),
            ["cli", "library"]
        );
        // Centred in HTML, indented under its `<p>`.
        assert_eq!(
            styles("# Agenda\n\n<p align=\"center\">\n  A light-weight job scheduling library for Node.js\n</p>\n"),
            ["library"]
        );
        assert_eq!(
            styles("# LLM\n\nA CLI tool and Python library for interacting with models"),
            ["cli", "library"]
        );
        assert_eq!(
            styles("Moleculer is a fast, modern and powerful microservices framework for Node.js."),
            ["microservices", "library"]
        );
        assert_eq!(
            styles("Thor is a simple and efficient tool for building self-documenting command line utilities."),
            ["library"]
        );
        assert_eq!(
            styles("Hugo is a fast CLI tool for building websites."),
            ["cli", "library"]
        );
        // A generic "tool" orders the two but is no evidence of a command-line tool.
        assert_eq!(
            said("rga is a line-oriented search tool that allows you to look for a regex"),
            [("cli".to_string(), true)]
        );
        // Only the first line of prose is a tagline, and a noun after a preposition is
        // what the product works on.
        assert!(styles("# x\n\nFirst line.\nPython library bindings follow.").is_empty());
        assert!(styles(
            "# bundler-audit\n\nPatch-level verification. Checks for insecure gem sources."
        )
        .is_empty());
        assert!(styles("Phinx is about migrations without the bloat of a framework.").is_empty());
    }

    #[test]
    fn a_features_list_item_leading_with_a_style_counts() {
        let readme = "## Features\n- **Clean Architecture**: clear separation of layers\n\
                      - Learn about CQRS in the docs\n- [Hexagonal architecture](https://x)\n";
        assert_eq!(styles(readme), ["clean"]);
        // Under a "Features" heading a plain item is a feature; elsewhere a list item needs
        // the bold term and colon (a reading list names topics).
        assert_eq!(
            styles("## Features\n- CSRF protection\n- MVC Project Structure\n"),
            ["mvc"]
        );
        assert!(styles("## Further reading\n- MVC Project Structure\n").is_empty());
        // The README's introduction lists what the project is, under its title.
        assert_eq!(
            styles("# What we are doing here ?\n   - Hexagonal (Clean) Architecture -> Port & Adapter Style\n   - SAGA Pattern\n"),
            ["hexagonal"]
        );
        assert!(
            styles("# Shop\n## Reading\n- Hexagonal architecture by Alistair Cockburn\n")
                .is_empty()
        );
    }

    #[test]
    fn bullets_of_an_architecture_section_count() {
        let readme =
            "## Architecture:\n- Full separation of concerns\n- CQRS (immediate consistency)\n\
                      ## Roadmap\n- microservices some day\n";
        assert_eq!(styles(readme), ["cqrs"]);
        assert_eq!(
            styles("Todo application made with FastAPI and Hexagonal Architecture."),
            ["hexagonal"]
        );
        assert_eq!(
            styles("Model apps follow a strict layout and layering approach."),
            ["layered"]
        );
    }

    #[test]
    fn rejections_contrasts_and_code_blocks_do_not() {
        assert!(styles("We run one service instead of microservices.").is_empty());
        assert!(styles("Über-fast: it uses Kafka rather than CQRS.").is_empty());
        assert!(styles("This project does not use CQRS.").is_empty());
        assert!(styles("## Why not microservices?").is_empty());
        assert!(styles("```\nbased on hexagonal architecture\n```").is_empty());
        assert!(styles("Read more about clean architecture on the blog.").is_empty());
        assert!(styles("Unlike standard Rails apps, we keep logic in services.").is_empty());
    }

    #[test]
    fn accepted_decision_records_state_the_style_in_their_title() {
        let record = |path: &str, text: &str| super::super::adr::parse(path, text, false);
        let log = "docs/architecture_decision_log";
        assert!(super::super::adr::is_adr(&format!(
            "{log}/002_use_modular_monolith.md"
        )));
        let adrs = [
            record(
                &format!("{log}/002_use_modular_monolith.md"),
                "# 2. Use Modular Monolith System Architecture\n\nDate: 2021-05-01\n\n## Status\n\nAccepted\n",
            ),
            record(
                "docs/adr/0003-use-microservices.md",
                "# 3. Use microservices\n\n## Status\n\nRejected\n",
            ),
            record(
                "docs/adr/0004-cqrs.md",
                "# 4. Why not CQRS\n\nStatus: accepted\n",
            ),
        ];
        let stated: Vec<(String, String, u32)> = from_decisions(&adrs)
            .into_iter()
            .map(|s| (s.style, s.path, s.line))
            .collect();
        assert_eq!(
            stated,
            [(
                "modular-monolith".to_string(),
                format!("{log}/002_use_modular_monolith.md"),
                1
            )]
        );
    }

    #[test]
    fn only_the_readme_and_architecture_notes_are_read() {
        assert!(is_architecture_doc("README.md"));
        assert!(is_architecture_doc("docs/architecture.md"));
        assert!(is_architecture_doc("doc/DESIGN.rst"));
        assert!(is_architecture_doc(
            "docs/specs/4-architecture/backend-architecture.md"
        ));
        assert!(is_architecture_doc("docs/README.md"));
        assert!(is_architecture_doc("AGENTS.md"));
        assert!(!is_architecture_doc("docs/guides/README.md"));
        assert!(!is_architecture_doc("docs/style.md"));
        assert!(!is_architecture_doc("docs/install.md"));
        assert!(!is_architecture_doc("vendor/lib/README.md"));
        assert!(!is_architecture_doc("src/architecture.rs"));
    }
}
