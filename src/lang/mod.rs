//! Languages as data: one [`LanguageSpec`] registration per language.
//!
//! A registration names the grammar, the file names it owns, the comment syntax used to
//! count code lines, how its imports resolve, and its tree-sitter query (a `.scm` file in
//! `queries/`). Adding a language is one entry in [`LANGUAGES`] plus its query file; the
//! capture names the extractor understands are documented in [`crate::parse`].

use tree_sitter_language::LanguageFn;

/// How a language's import strings map onto files of the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStyle {
    /// `mod x;`, `use crate::a::b`, workspace crates.
    Rust,
    /// Dotted modules below a source root, relative `from . import`.
    Python,
    /// Relative specifiers, tsconfig `paths`, workspace packages.
    JavaScript,
    /// Module paths below the `module` line of a `go.mod`.
    Go,
    /// Fully qualified names mapped through `package` declarations (Java, Kotlin).
    JvmPackage,
    /// `using` directives mapped through `namespace` declarations.
    CSharp,
    /// `require` / `require_relative` paths.
    Ruby,
    /// `use` of namespaces (PSR-4 from composer.json, then declared namespaces), `require`.
    Php,
}

/// One supported language.
pub struct LanguageSpec {
    /// Lowercase identifier used in reports (`rust`, `csharp`, `tsx`, …).
    pub id: &'static str,
    /// File extensions, without the dot, compared case-sensitively.
    pub extensions: &'static [&'static str],
    /// Whole file names that belong to the language regardless of extension.
    pub file_names: &'static [&'static str],
    /// The tree-sitter grammar.
    pub grammar: LanguageFn,
    /// The extraction query (see [`crate::parse`] for its capture names).
    pub query: &'static str,
    /// Line-comment markers, for code-line counts.
    pub line_comments: &'static [&'static str],
    /// Block-comment delimiters, for code-line counts.
    pub block_comment: Option<(&'static str, &'static str)>,
    /// How imports resolve to repository files.
    pub imports: ImportStyle,
    /// Syntax kinds whose parts are alternatives (if/else, switch cases, match arms,
    /// ternaries): a construction inside one is a choice.
    pub branches: &'static [&'static str],
    /// Syntax kinds that bound a function body (functions, methods, lambdas), the scope in
    /// which constructions are gathered into one choice.
    pub scopes: &'static [&'static str],
}

impl std::fmt::Debug for LanguageSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguageSpec")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

const JS_BRANCHES: &[&str] = &[
    "pair",
    "if_statement",
    "else_clause",
    "switch_case",
    "switch_default",
    "ternary_expression",
];
const JS_SCOPES: &[&str] = &[
    "function_declaration",
    "function_expression",
    "generator_function_declaration",
    "arrow_function",
    "method_definition",
];

const C_COMMENTS: (&[&str], Option<(&str, &str)>) = (&["//"], Some(("/*", "*/")));

/// Every language `arch` parses. Order is only for display; ids are unique.
pub static LANGUAGES: &[LanguageSpec] = &[
    LanguageSpec {
        id: "rust",
        extensions: &["rs"],
        file_names: &[],
        grammar: tree_sitter_rust::LANGUAGE,
        query: include_str!("queries/rust.scm"),
        line_comments: C_COMMENTS.0,
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::Rust,
        branches: &["if_expression", "else_clause", "match_arm"],
        scopes: &["function_item", "closure_expression"],
    },
    LanguageSpec {
        id: "python",
        extensions: &["py", "pyi"],
        file_names: &[],
        grammar: tree_sitter_python::LANGUAGE,
        query: include_str!("queries/python.scm"),
        line_comments: &["#"],
        block_comment: None,
        imports: ImportStyle::Python,
        branches: &[
            "if_statement",
            "elif_clause",
            "else_clause",
            "conditional_expression",
            "case_clause",
            "pair",
        ],
        scopes: &["function_definition", "lambda"],
    },
    LanguageSpec {
        id: "javascript",
        extensions: &["js", "jsx", "mjs", "cjs"],
        file_names: &[],
        grammar: tree_sitter_javascript::LANGUAGE,
        query: include_str!("queries/javascript.scm"),
        line_comments: C_COMMENTS.0,
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::JavaScript,
        branches: JS_BRANCHES,
        scopes: JS_SCOPES,
    },
    LanguageSpec {
        id: "typescript",
        extensions: &["ts", "mts", "cts"],
        file_names: &[],
        grammar: tree_sitter_typescript::LANGUAGE_TYPESCRIPT,
        query: include_str!("queries/typescript.scm"),
        line_comments: C_COMMENTS.0,
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::JavaScript,
        branches: JS_BRANCHES,
        scopes: JS_SCOPES,
    },
    LanguageSpec {
        id: "tsx",
        extensions: &["tsx"],
        file_names: &[],
        grammar: tree_sitter_typescript::LANGUAGE_TSX,
        query: include_str!("queries/typescript.scm"),
        line_comments: C_COMMENTS.0,
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::JavaScript,
        branches: JS_BRANCHES,
        scopes: JS_SCOPES,
    },
    LanguageSpec {
        id: "go",
        extensions: &["go"],
        file_names: &[],
        grammar: tree_sitter_go::LANGUAGE,
        query: include_str!("queries/go.scm"),
        line_comments: C_COMMENTS.0,
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::Go,
        branches: &[
            "if_statement",
            "expression_case",
            "default_case",
            "type_case",
        ],
        scopes: &["function_declaration", "method_declaration", "func_literal"],
    },
    LanguageSpec {
        id: "java",
        extensions: &["java"],
        file_names: &[],
        grammar: tree_sitter_java::LANGUAGE,
        query: include_str!("queries/java.scm"),
        line_comments: C_COMMENTS.0,
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::JvmPackage,
        branches: &[
            "if_statement",
            "switch_block_statement_group",
            "switch_rule",
            "ternary_expression",
        ],
        scopes: &[
            "method_declaration",
            "constructor_declaration",
            "lambda_expression",
        ],
    },
    LanguageSpec {
        id: "kotlin",
        extensions: &["kt", "kts"],
        file_names: &[],
        grammar: tree_sitter_kotlin_ng::LANGUAGE,
        query: include_str!("queries/kotlin.scm"),
        line_comments: C_COMMENTS.0,
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::JvmPackage,
        branches: &["if_expression", "when_entry"],
        scopes: &[
            "function_declaration",
            "anonymous_function",
            "lambda_literal",
        ],
    },
    LanguageSpec {
        id: "csharp",
        extensions: &["cs"],
        file_names: &[],
        grammar: tree_sitter_c_sharp::LANGUAGE,
        query: include_str!("queries/csharp.scm"),
        line_comments: C_COMMENTS.0,
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::CSharp,
        branches: &[
            "if_statement",
            "switch_section",
            "switch_expression_arm",
            "conditional_expression",
        ],
        scopes: &[
            "method_declaration",
            "constructor_declaration",
            "local_function_statement",
            "lambda_expression",
        ],
    },
    LanguageSpec {
        id: "ruby",
        extensions: &["rb", "rake", "gemspec"],
        file_names: &["Rakefile", "Gemfile"],
        grammar: tree_sitter_ruby::LANGUAGE,
        query: include_str!("queries/ruby.scm"),
        line_comments: &["#"],
        block_comment: Some(("=begin", "=end")),
        imports: ImportStyle::Ruby,
        branches: &[
            "if",
            "elsif",
            "else",
            "unless",
            "when",
            "conditional",
            "if_modifier",
            "unless_modifier",
            "pair",
        ],
        scopes: &["method", "singleton_method", "lambda", "block", "do_block"],
    },
    LanguageSpec {
        id: "php",
        extensions: &["php"],
        file_names: &[],
        grammar: tree_sitter_php::LANGUAGE_PHP,
        query: include_str!("queries/php.scm"),
        line_comments: &["//", "#"],
        block_comment: C_COMMENTS.1,
        imports: ImportStyle::Php,
        branches: &[
            "if_statement",
            "else_if_clause",
            "else_clause",
            "case_statement",
            "default_statement",
            "match_conditional_expression",
            "match_default_expression",
            "conditional_expression",
            "array_element_initializer",
        ],
        scopes: &[
            "method_declaration",
            "function_definition",
            "anonymous_function",
            "arrow_function",
        ],
    },
];

/// The language that owns `file_name`, if any.
pub fn for_file_name(file_name: &str) -> Option<&'static LanguageSpec> {
    if let Some(spec) = LANGUAGES.iter().find(|l| l.file_names.contains(&file_name)) {
        return Some(spec);
    }
    let (_, ext) = file_name.rsplit_once('.')?;
    // `.d.ts` declaration files describe other code; they carry no architecture of their own
    // but their imports still matter, so they stay TypeScript.
    LANGUAGES.iter().find(|l| l.extensions.contains(&ext))
}

/// The language registered under `id`.
pub fn by_id(id: &str) -> Option<&'static LanguageSpec> {
    LANGUAGES.iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_compiles_against_its_grammar() {
        for spec in LANGUAGES {
            let language: tree_sitter::Language = spec.grammar.into();
            if let Err(e) = tree_sitter::Query::new(&language, spec.query) {
                panic!("query for {} does not compile: {e}", spec.id);
            }
        }
    }

    #[test]
    fn ids_and_extensions_are_unique() {
        let mut ids = std::collections::HashSet::new();
        let mut extensions = std::collections::HashSet::new();
        for spec in LANGUAGES {
            assert!(ids.insert(spec.id), "duplicate id {}", spec.id);
            for ext in spec.extensions {
                assert!(extensions.insert(ext), "duplicate extension {ext}");
            }
        }
    }

    #[test]
    fn file_names_map_to_languages() {
        assert_eq!(for_file_name("main.rs").map(|l| l.id), Some("rust"));
        assert_eq!(for_file_name("App.tsx").map(|l| l.id), Some("tsx"));
        assert_eq!(for_file_name("Rakefile").map(|l| l.id), Some("ruby"));
        assert_eq!(for_file_name("README.md").map(|l| l.id), None);
        assert_eq!(for_file_name("Makefile").map(|l| l.id), None);
    }
}
