//! Parse: one source file in, its [`FileFacts`] out.
//!
//! Each language's query (see [`crate::lang`]) tags the nodes that matter with capture
//! names this module understands:
//!
//! | capture | meaning |
//! |---|---|
//! | `@module` | package / namespace declared by the file |
//! | `@import` | an import path or a whole import declaration (normalised per language) |
//! | `@import.name` | a name imported from `@import` that may itself be a module (Python) |
//! | `@import.mod` | a Rust `mod x;` item (a child module file) |
//! | `@import.path` | a file path included at run time (PHP `require`) |
//! | `@import.call` | the callee of a call-style import (`require`, `require_relative`) |
//! | `@definition.<kind>` + `@name` | a type or function declaration; kind is class, interface, struct, trait, enum, module, function or method |
//! | `@base` | a base class / implemented interface of the enclosing `@definition` |
//! | `@impl.trait` + `@impl.type` | an implementation declared apart from the type (Rust `impl T for X`, Ruby `include M`) |
//! | `@annotation` (+ `@annotation.arg`) | an annotation, decorator or attribute, with its first string argument |
//! | `@call.name` + `@call.arg` | a call whose first argument is a string literal |
//! | `@string` | any string literal (kept only when it is SQL) |
//! | `@construct` | the class of an object constructed (`new X`, `X(...)`, `X.new`, `&X{}`, `pkg.NewX`); kept when the function chooses between classes |
//!
//! Syntax trees are dropped as soon as the facts are extracted so memory stays flat.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use schemars::JsonSchema;
use serde::Serialize;
use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, Parser, Query, QueryCursor};

use crate::lang::{LanguageSpec, LANGUAGES};

/// Longest string kept from a literal, in characters.
const MAX_LITERAL_CHARS: usize = 200;
/// Most architecture literals kept per file: a data file full of SQL must not bloat the report.
const MAX_LITERALS_PER_FILE: usize = 100;

/// What one source file contributes to the analysis.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, JsonSchema, PartialEq)]
#[serde(default)]
pub struct FileFacts {
    /// Path relative to the analysed root, `/`-separated.
    pub path: String,
    /// Language id (see [`crate::lang::LANGUAGES`]).
    pub language: String,
    /// Size and line counts.
    pub lines: LineCounts,
    /// Package or namespace the file declares (Go, Java, Kotlin, C#, PHP).
    pub module: Option<String>,
    /// Imports as written (normalised), in source order.
    pub imports: Vec<Import>,
    /// Declared types with their bases.
    pub types: Vec<TypeDecl>,
    /// Implementations declared apart from their type (Rust `impl Trait for Type`, Ruby `include`).
    pub implementations: Vec<Implementation>,
    /// Functions and methods.
    pub functions: Vec<Function>,
    /// Annotations, decorators and attributes.
    pub annotations: Vec<Annotation>,
    /// String literals that matter for architecture: routes, SQL, topics and queues.
    pub literals: Vec<Literal>,
    /// Instances created once for the whole program: module-level variables (Python,
    /// JavaScript/TypeScript, Go) and static fields (Java, C#) initialised with a constructor
    /// call, and Rust statics. The raw material of the singleton pattern.
    pub shared: Vec<SharedInstance>,
    /// Names of the functions and methods this file calls, each once with its first line
    /// (`use`, `UseExceptionHandler`, `before_action`, `subscribe`): how middleware and
    /// listeners are wired. At most [`MAX_CALLS`] per file.
    pub calls: Vec<Call>,
    /// Functions that construct one of several classes depending on a condition (a switch
    /// on a setting returning `S3Store` or `FsStore`): the raw material of factories and
    /// strategies. At most [`MAX_CHOICES`] per file.
    pub choices: Vec<Choice>,
    /// Functions that add what they are given to a list of listeners, callbacks, hooks or
    /// subscribers (`on(event, cb) { this.listeners.push(cb) }`): a subscription API written
    /// by hand, the raw material of the observer pattern. At most [`MAX_SUBSCRIPTIONS`] per
    /// file.
    pub subscriptions: Vec<Subscription>,
    /// Number of syntax-error regions tree-sitter recovered from.
    pub syntax_errors: u32,
}

/// Line statistics of a file, in the spirit of tokei: blank, comment and code lines.
#[derive(Debug, Clone, Copy, Default, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct LineCounts {
    /// Bytes in the file.
    pub bytes: u64,
    /// All lines.
    pub lines: u64,
    /// Lines holding code (not blank, not only comment).
    pub code: u64,
    /// Lines holding only a comment.
    pub comments: u64,
    /// Blank lines.
    pub blanks: u64,
}

/// One import.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Import {
    /// The imported path, normalised: `a.b.c`, `./x`, `crate::a::b`, `App\Models\User`.
    pub path: String,
    /// Names imported from it that may be modules themselves (Python `from a import b`).
    #[serde(default)]
    pub names: Vec<String>,
    /// How it is imported.
    pub kind: ImportKind,
    /// 1-based line.
    pub line: u32,
}

/// The syntactic form of an import, which decides how it resolves.
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// A module or package import (`use`, `import`, `using`).
    Module,
    /// A Rust `mod x;` child module.
    ChildModule,
    /// A path relative to the importing file (`require_relative`, PHP `require`).
    RelativeFile,
}

/// The kind of a declared type.
#[derive(
    Debug,
    Clone,
    Copy,
    Serialize,
    serde::Deserialize,
    JsonSchema,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum TypeKind {
    /// A class (or Kotlin object).
    Class,
    /// An interface (Go, Java, C#, TS, PHP, Kotlin).
    Interface,
    /// A struct or record.
    Struct,
    /// A trait (Rust, PHP).
    Trait,
    /// An enum.
    Enum,
    /// A Ruby module.
    Module,
}

/// A type declaration.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct TypeDecl {
    /// The declared name.
    pub name: String,
    /// What kind of type it is.
    pub kind: TypeKind,
    /// Base classes, implemented interfaces, embedded types or supertraits, as written.
    pub bases: Vec<String>,
    /// 1-based line of the declaration.
    pub line: u32,
    /// Method names, kept for Go only, where a type satisfies an interface by its method set
    /// rather than by declaring it: an interface's methods, and the methods a file declares on
    /// its own types.
    pub methods: Vec<String>,
    /// Types the type holds: its fields' and its constructors' parameter types, without type
    /// arguments, references or smart pointers (`io.Writer`, `Handler`, `Box<dyn Store>` →
    /// `Store`); primitives left out, at most [`MAX_FIELDS`]. A type holding what it
    /// implements is a decorator (or a proxy) around it. Left out of the report when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

/// Most held types kept per type.
pub const MAX_FIELDS: usize = 12;

/// An implementation declared apart from its type.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Implementation {
    /// The implementing type, as written.
    pub type_name: String,
    /// The implemented trait / mixin, as written.
    pub trait_name: String,
    /// 1-based line.
    pub line: u32,
}

/// Whether a function is free-standing or belongs to a type.
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FunctionKind {
    /// A free function.
    Function,
    /// A method of a type.
    Method,
}

/// A function or method declaration.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Function {
    /// The declared name.
    pub name: String,
    /// Function or method.
    pub kind: FunctionKind,
    /// 1-based line.
    pub line: u32,
    /// The handler type returned when the function also takes a handler (`func HSTS(h
    /// http.Handler) http.Handler`, `withAuth(handler: NextApiHandler): NextApiHandler`):
    /// middleware written by hand, one handler wrapped in another. Left out of the report
    /// when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wraps: Option<String>,
    /// A chainable step: a method returning its receiver or its own type (Rust `fn
    /// with_prompt(mut self, …) -> Self`, TypeScript `title(t: string): this`, Java `JwtBuilder
    /// subject(…)`, `return this` / `$this` / `self`, Go `func (b *B) Name(…) *B`, C#
    /// extension methods returning the builder they extend), what a builder is made of. Left
    /// out of the report when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fluent: bool,
    /// Declared on the type rather than its instances: `static` (C#, Java, PHP, JS/TS), a
    /// Kotlin `object` or companion member, Ruby `def self.x`, a Python `@classmethod` /
    /// `@staticmethod`, a Rust associated function without `self`. Free functions are
    /// [`FunctionKind::Function`] instead. What a shared-instance accessor is. Left out of the
    /// report when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub class_level: bool,
}

/// An annotation, decorator or attribute.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Annotation {
    /// Its name as written, e.g. `RestController`, `app.get`, `derive`, `HttpGet`.
    pub name: String,
    /// Its first string argument, if any (bounded).
    pub argument: Option<String>,
    /// 1-based line.
    pub line: u32,
}

/// What an architecture literal is.
#[derive(
    Debug,
    Clone,
    Copy,
    Serialize,
    serde::Deserialize,
    JsonSchema,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum LiteralKind {
    /// An HTTP route given to a routing call or annotation.
    Route,
    /// A SQL statement.
    Sql,
    /// A topic, queue, exchange or channel name given to a messaging call or annotation.
    Topic,
    /// A hand-written SQL condition given to an ORM query call (GORM `Where("api_key = ?")`,
    /// ActiveRecord `where("case_number ILIKE ?")`).
    SqlFragment,
}

/// Distinct call names kept per file.
pub const MAX_CALLS: usize = 300;

/// The call recorded for an instance of a class named by a variable (PHP `new $class(…)`),
/// a name no function can have.
pub const DYNAMIC_NEW: &str = "new $class";

/// A function or method name called in a file.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Call {
    /// The name called (the last segment: `app.use(…)` is `use`).
    pub name: String,
    /// 1-based line of its first call.
    pub line: u32,
}

/// Most choices kept per file, and most classes kept per choice.
pub const MAX_CHOICES: usize = 20;

/// A function that constructs different classes in different branches (or returns them),
/// such as `get_backend(name)` returning `PipBackend()` or `UvBackend()`.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Choice {
    /// The function or method (empty for an anonymous function).
    pub function: String,
    /// 1-based line of the function.
    pub line: u32,
    /// The classes constructed, as written without type arguments (`S3Store`,
    /// `storage.NewS3` in Go), sorted; at least two.
    pub classes: Vec<String>,
}

/// Most subscriptions kept per file.
pub const MAX_SUBSCRIPTIONS: usize = 10;

/// A function that adds its own argument to a list of listeners (see
/// [`FileFacts::subscriptions`]).
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Subscription {
    /// The function or method (empty for an anonymous function).
    pub function: String,
    /// The list, as its last name segment reads (`userDeletedCallbacks`, `@listeners`).
    pub list: String,
    /// 1-based line of the addition.
    pub line: u32,
}

/// A variable holding one instance for the whole program.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct SharedInstance {
    /// The variable or field.
    pub name: String,
    /// What it holds, as written: the class constructed or called (`_PathContext`,
    /// `create_engine`, `LazyLock<Regex>`). A Kotlin `object` holding state is its own one
    /// instance: name and class are both the object's name.
    pub class: String,
    /// 1-based line.
    pub line: u32,
    /// Built on first use by a function that assigns the module's global (Python `global
    /// _client` then `_client = Client()`): a lazy global, whatever it holds. Left out of
    /// the report when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lazy: bool,
}

/// A string literal that matters for architecture.
#[derive(Debug, Clone, Serialize, serde::Deserialize, JsonSchema, PartialEq, Eq)]
pub struct Literal {
    /// Route, SQL or topic.
    pub kind: LiteralKind,
    /// The string, truncated to 200 characters.
    pub value: String,
    /// The call or annotation it was given to, when there is one.
    pub context: Option<String>,
    /// 1-based line.
    pub line: u32,
}

/// Why a file could not be parsed at all.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The grammar's ABI does not match the linked tree-sitter runtime (a build problem).
    #[error("the {0} grammar could not be loaded: {1}")]
    Grammar(&'static str, String),
    /// Tree-sitter gave up on the file.
    #[error("tree-sitter could not parse the file")]
    NoTree,
}

struct CompiledQuery {
    query: Query,
    /// Capture index → what it means, resolved once per language.
    roles: Vec<Role>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Module,
    Import,
    ImportName,
    ImportMod,
    ImportPath,
    ImportCall,
    Definition(DefKind),
    Name,
    Base,
    ImplTrait,
    ImplType,
    ImplMethod,
    TypeMethod,
    TypeField,
    TypeParam,
    ImplBound,
    FunctionTakes,
    FunctionReturns,
    Annotation,
    AnnotationArg,
    CallName,
    CallArg,
    SharedName,
    SharedClass,
    SharedGlobal,
    SharedLate,
    Fluent,
    /// A function declared on its type, not its instances ([`Function::class_level`]).
    ClassLevel,
    CallAny,
    /// `new $class(…)`: recorded as a call named [`DYNAMIC_NEW`].
    CallDynamicNew,
    Construct,
    SubscribeList,
    SubscribeItem,
    Str,
    Ignored,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DefKind {
    Type(TypeKind),
    Function(FunctionKind),
}

fn role_for(capture: &str) -> Role {
    match capture {
        "module" => Role::Module,
        "import" => Role::Import,
        "import.name" => Role::ImportName,
        "import.mod" => Role::ImportMod,
        "import.path" => Role::ImportPath,
        "import.call" => Role::ImportCall,
        "definition.class" => Role::Definition(DefKind::Type(TypeKind::Class)),
        "definition.interface" => Role::Definition(DefKind::Type(TypeKind::Interface)),
        "definition.struct" => Role::Definition(DefKind::Type(TypeKind::Struct)),
        "definition.trait" => Role::Definition(DefKind::Type(TypeKind::Trait)),
        "definition.enum" => Role::Definition(DefKind::Type(TypeKind::Enum)),
        "definition.module" => Role::Definition(DefKind::Type(TypeKind::Module)),
        "definition.function" => Role::Definition(DefKind::Function(FunctionKind::Function)),
        "definition.method" => Role::Definition(DefKind::Function(FunctionKind::Method)),
        "name" => Role::Name,
        "base" => Role::Base,
        "impl.trait" => Role::ImplTrait,
        "impl.type" => Role::ImplType,
        "impl.method" => Role::ImplMethod,
        "type.method" => Role::TypeMethod,
        "type.field" => Role::TypeField,
        "type.param" => Role::TypeParam,
        "impl.bound" => Role::ImplBound,
        "function.takes" => Role::FunctionTakes,
        "function.returns" => Role::FunctionReturns,
        "annotation" => Role::Annotation,
        "annotation.arg" => Role::AnnotationArg,
        "call.name" => Role::CallName,
        "call.arg" => Role::CallArg,
        "shared.name" => Role::SharedName,
        "call.any" => Role::CallAny,
        "call.dynamic_new" => Role::CallDynamicNew,
        "shared.class" => Role::SharedClass,
        "shared.global" => Role::SharedGlobal,
        "shared.late" => Role::SharedLate,
        "construct" => Role::Construct,
        "subscribe.list" => Role::SubscribeList,
        "subscribe.item" => Role::SubscribeItem,
        "fluent" => Role::Fluent,
        "class_level" => Role::ClassLevel,
        "string" => Role::Str,
        _ => Role::Ignored,
    }
}

fn compiled(spec: &'static LanguageSpec) -> Result<&'static CompiledQuery, ParseError> {
    // Compiled on first use per language: a one-language repository pays for one query.
    static QUERIES: OnceLock<Vec<OnceLock<Result<CompiledQuery, String>>>> = OnceLock::new();
    let slots = QUERIES.get_or_init(|| LANGUAGES.iter().map(|_| OnceLock::new()).collect());
    let index = LANGUAGES
        .iter()
        .position(|l| std::ptr::eq(l, spec))
        .ok_or(ParseError::Grammar(spec.id, "not registered".into()))?;
    slots[index]
        .get_or_init(|| {
            let language: tree_sitter::Language = spec.grammar.into();
            Query::new(&language, spec.query)
                .map(|query| {
                    let roles = query.capture_names().iter().map(|c| role_for(c)).collect();
                    CompiledQuery { query, roles }
                })
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| ParseError::Grammar(spec.id, e.clone()))
}

thread_local! {
    /// Parsers are reused per thread and language: creating one per file costs more than parsing small files.
    static PARSERS: RefCell<HashMap<&'static str, Parser>> = RefCell::new(HashMap::new());
}

/// Parses `source` as `spec`'s language and extracts its facts.
pub fn parse_file(
    spec: &'static LanguageSpec,
    path: &str,
    source: &[u8],
) -> Result<FileFacts, ParseError> {
    let compiled = compiled(spec)?;
    let tree = PARSERS.with(|parsers| {
        let mut parsers = parsers.borrow_mut();
        let parser = match parsers.entry(spec.id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let mut parser = Parser::new();
                parser
                    .set_language(&spec.grammar.into())
                    .map_err(|e| ParseError::Grammar(spec.id, e.to_string()))?;
                v.insert(parser)
            }
        };
        parser.parse(source, None).ok_or(ParseError::NoTree)
    })?;

    let mut facts = FileFacts {
        path: path.to_string(),
        language: spec.id.to_string(),
        lines: count_lines(spec, source),
        ..FileFacts::default()
    };
    let root = tree.root_node();
    if root.has_error() {
        facts.syntax_errors = count_errors(root);
    }
    Extractor::new(spec, compiled, source).run(root, &mut facts);
    if spec.id == "rust" {
        drop_test_modules(&mut facts, &rust_test_modules(root, source));
    }
    Ok(facts)
}

/// Lines (first, last; 1-based) of Rust test modules, `#[cfg(test)] mod tests { … }`: unit
/// tests live in the file they test, and their mock servers, fixtures and test-only imports
/// (`wiremock`'s `path("/redirect")`) are not the application's.
fn rust_test_modules(root: Node, source: &[u8]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.kind() == "mod_item" && node.child_by_field_name("body").is_some() {
            let mut test = false;
            let mut before = node.prev_named_sibling();
            while let Some(sibling) = before.filter(|b| {
                matches!(
                    b.kind(),
                    "attribute_item" | "line_comment" | "block_comment"
                )
            }) {
                test |= sibling.kind() == "attribute_item"
                    && sibling
                        .utf8_text(source)
                        .is_ok_and(|t| t.replace(' ', "").contains("cfg(test)"));
                before = sibling.prev_named_sibling();
            }
            if test {
                out.push((line_of(node), node.end_position().row as u32 + 1));
                continue;
            }
        }
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor));
    }
    out
}

/// Drops what `facts` recorded inside the `ranges` of lines (test modules).
fn drop_test_modules(facts: &mut FileFacts, ranges: &[(u32, u32)]) {
    if ranges.is_empty() {
        return;
    }
    let outside = |line: u32| !ranges.iter().any(|(a, b)| (*a..=*b).contains(&line));
    facts.imports.retain(|x| outside(x.line));
    facts.types.retain(|x| outside(x.line));
    facts.implementations.retain(|x| outside(x.line));
    facts.functions.retain(|x| outside(x.line));
    facts.annotations.retain(|x| outside(x.line));
    facts.literals.retain(|x| outside(x.line));
    facts.shared.retain(|x| outside(x.line));
    facts.calls.retain(|x| outside(x.line));
    facts.choices.retain(|x| outside(x.line));
    facts.subscriptions.retain(|x| outside(x.line));
}

fn count_errors(root: Node) -> u32 {
    let mut count = 0;
    let mut cursor = root.walk();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.is_error() || node.is_missing() {
            count += 1;
            continue;
        }
        if node.has_error() {
            stack.extend(node.children(&mut cursor));
        }
    }
    count
}

struct Extractor<'a> {
    spec: &'static LanguageSpec,
    compiled: &'static CompiledQuery,
    source: &'a [u8],
}

/// A definition seen in one or more matches; patterns for bases repeat the definition.
struct PendingDef {
    kind: DefKind,
    name: String,
    line: u32,
    bases: Vec<String>,
    methods: Vec<String>,
    fields: Vec<String>,
    wraps: Option<String>,
}

impl<'a> Extractor<'a> {
    fn new(
        spec: &'static LanguageSpec,
        compiled: &'static CompiledQuery,
        source: &'a [u8],
    ) -> Self {
        Self {
            spec,
            compiled,
            source,
        }
    }

    /// Whether the field whose type is `type_node` is static (`private static IResolver
    /// Current`): a class-wide slot, not something an instance wraps.
    fn declared_static(&self, type_node: Node) -> bool {
        let mut current = type_node;
        for _ in 0..3 {
            let Some(parent) = current.parent() else {
                return false;
            };
            if matches!(
                parent.kind(),
                "field_declaration" | "property_declaration" | "public_field_definition"
            ) {
                let before = &self.source[parent.start_byte()..type_node.start_byte()];
                return before
                    .split(|b: &u8| !b.is_ascii_alphanumeric())
                    .any(|w| w == b"static");
            }
            current = parent;
        }
        false
    }

    fn text(&self, node: Node) -> &'a str {
        std::str::from_utf8(&self.source[node.byte_range()]).unwrap_or("")
    }

    fn run(&self, root: Node, facts: &mut FileFacts) {
        let mut cursor = QueryCursor::new();
        let mut matches = cursor.matches(&self.compiled.query, root, self.source);
        // Keyed by node id so that several patterns describing one declaration merge.
        let mut defs: Vec<(usize, PendingDef)> = Vec::new();
        let mut def_index: HashMap<usize, usize> = HashMap::new();
        let mut annotations: Vec<Annotation> = Vec::new();
        let mut literal_keys = std::collections::HashSet::new();
        // Go: receiver type → methods declared on it in this file.
        let mut receiver_methods: HashMap<String, Vec<String>> = HashMap::new();
        // Rust: generic type → the traits it implements for a parameter bound by the same
        // trait (`impl<W: Write> Write for Counter<W>`): what it holds, as a field would say.
        let mut wrapped_bounds: HashMap<String, Vec<String>> = HashMap::new();
        let mut constructed: Vec<Node> = Vec::new();
        // (list, item) of additions to a list of listeners, kept when the item is a parameter.
        let mut subscribed: Vec<(Node, Node)> = Vec::new();
        // Call names kept so far: every call matches, so a scan of the list would be quadratic.
        let mut seen_calls: std::collections::HashSet<&str> = std::collections::HashSet::new();
        // Field types and constructor parameter types, with whether they are parameters.
        let mut held_nodes: Vec<(Node, bool)> = Vec::new();
        // Methods returning their receiver (chainable setters), by node.
        let mut fluent: std::collections::HashSet<usize> = std::collections::HashSet::new();
        let mut class_level: std::collections::HashSet<usize> = std::collections::HashSet::new();
        // PHP `use App\Contracts\Releases as ReleasesContract;`: a class that `implements
        // ReleasesContract` implements `Releases`, the name the rest of the code declares.
        let mut aliases: HashMap<String, String> = HashMap::new();
        // Names a function declared global (Python `global _client`), for lazy globals.
        let mut globals: std::collections::HashSet<&str> = std::collections::HashSet::new();

        while let Some(m) = matches.next() {
            let mut module = None;
            let mut import = None;
            let mut import_names = Vec::new();
            let mut import_kind = ImportKind::Module;
            let mut import_call = None;
            let mut def: Option<(Node, DefKind)> = None;
            let mut name = None;
            let mut bases = Vec::new();
            let mut impl_trait = None;
            let mut impl_type = None;
            let mut impl_method = None;
            let mut type_method = None;
            let mut impl_bound = None;
            let mut takes = None;
            let mut returns = None;
            let mut annotation = None;
            let mut annotation_arg = None;
            let mut call_name = None;
            let mut call_arg = None;
            let mut shared_name = None;
            let mut shared_class = None;
            let mut lazy = false;
            let mut string = None;
            let mut subscribe_list = None;
            let mut subscribe_item = None;

            for capture in m.captures() {
                let node = capture.node;
                match self.compiled.roles[capture.index as usize] {
                    Role::Module => module = Some(node),
                    Role::Import => import = Some(node),
                    Role::ImportName => import_names.push(self.text(node).to_string()),
                    Role::ImportMod => {
                        import = Some(node);
                        import_kind = ImportKind::ChildModule;
                    }
                    Role::ImportPath => {
                        import = Some(node);
                        import_kind = ImportKind::RelativeFile;
                    }
                    Role::ImportCall => import_call = Some(self.text(node)),
                    Role::Definition(kind) => match def {
                        // A method pattern is more specific than a function pattern on the same node.
                        Some((_, DefKind::Function(FunctionKind::Method))) => {}
                        _ => def = Some((node, kind)),
                    },
                    Role::Name => name = Some(node),
                    Role::Base => bases.push(compact(self.text(node))),
                    Role::ImplTrait => impl_trait = Some(node),
                    Role::ImplType => impl_type = Some(node),
                    Role::ImplMethod => impl_method = Some(node),
                    Role::TypeMethod => type_method = Some(node),
                    // Resolved to their type once every declaration is known.
                    Role::TypeField => held_nodes.push((node, false)),
                    Role::TypeParam => held_nodes.push((node, true)),
                    Role::ImplBound => impl_bound = Some(node),
                    Role::FunctionTakes => takes = Some(node),
                    Role::FunctionReturns => returns = Some(node),
                    Role::Annotation => annotation = Some(node),
                    Role::AnnotationArg => annotation_arg = Some(node),
                    Role::CallName => call_name = Some(node),
                    Role::CallArg => call_arg = Some(node),
                    Role::SharedName => shared_name = Some(node),
                    Role::SharedClass => shared_class = Some(node),
                    Role::SharedGlobal => {
                        globals.insert(self.text(node));
                    }
                    Role::SharedLate => {
                        // Kept only for a name the function declared global earlier.
                        if globals.contains(self.text(node)) {
                            shared_name = Some(node);
                            lazy = true;
                        }
                    }
                    role @ (Role::CallAny | Role::CallDynamicNew) => {
                        let name = if role == Role::CallDynamicNew {
                            DYNAMIC_NEW
                        } else {
                            self.text(node)
                        };
                        if facts.calls.len() < MAX_CALLS
                            && !name.is_empty()
                            && name.len() <= 64
                            && seen_calls.insert(name)
                        {
                            facts.calls.push(Call {
                                name: name.to_string(),
                                line: line_of(node),
                            });
                        }
                    }
                    Role::Construct => constructed.push(node),
                    Role::SubscribeList => subscribe_list = Some(node),
                    Role::SubscribeItem => subscribe_item = Some(node),
                    Role::Fluent => {
                        fluent.insert(node.id());
                    }
                    Role::ClassLevel => {
                        class_level.insert(node.id());
                    }
                    Role::Str => string = Some(node),
                    Role::Ignored => {}
                }
            }

            if let (Some(list), Some(item)) = (subscribe_list, subscribe_item) {
                subscribed.push((list, item));
            }
            // `new(T)` and `make(…)` name what they build in their arguments (another pattern).
            let shared_class = shared_class.filter(|c| !matches!(self.text(*c), "new" | "make"));
            if let (Some(name), Some(class)) = (shared_name, shared_class) {
                let line = line_of(name);
                let shared = compact(self.text(name));
                if !facts
                    .shared
                    .iter()
                    .any(|s| s.line == line && s.name == shared)
                {
                    facts.shared.push(SharedInstance {
                        name: shared,
                        class: bounded(&compact(self.text(class))),
                        line,
                        lazy,
                    });
                }
            }
            if let Some(node) = module {
                if facts.module.is_none() {
                    facts.module = Some(compact(self.text(node)));
                }
            }
            if let Some(node) = import {
                if let Some(call) = import_call {
                    if call == "require_relative" {
                        import_kind = ImportKind::RelativeFile;
                    }
                }
                let line = line_of(node);
                if self.spec.imports == crate::lang::ImportStyle::Php {
                    aliases.extend(php_aliases(self.text(node)));
                }
                for path in normalize_import(self.spec, self.text(node)) {
                    // `from a import b, c` matches once per name: fold them into one import.
                    if let Some(existing) = facts
                        .imports
                        .iter_mut()
                        .rev()
                        .take_while(|i| i.line == line)
                        .find(|i| i.path == path && i.kind == import_kind)
                    {
                        for name in &import_names {
                            if !existing.names.contains(name) {
                                existing.names.push(name.clone());
                            }
                        }
                        continue;
                    }
                    facts.imports.push(Import {
                        path,
                        names: import_names.clone(),
                        kind: import_kind,
                        line,
                    });
                }
            }
            if let Some((node, kind)) = def {
                let entry = *def_index.entry(node.id()).or_insert_with(|| {
                    defs.push((
                        node.id(),
                        PendingDef {
                            kind,
                            name: name.map(|n| compact(self.text(n))).unwrap_or_default(),
                            line: line_of(node),
                            bases: Vec::new(),
                            methods: Vec::new(),
                            fields: Vec::new(),
                            wraps: None,
                        },
                    ));
                    defs.len() - 1
                });
                let pending = &mut defs[entry].1;
                // More specific patterns win over the general one on the same node.
                if matches!(
                    kind,
                    DefKind::Function(FunctionKind::Method) | DefKind::Type(TypeKind::Interface)
                ) {
                    pending.kind = kind;
                }
                for base in bases {
                    if !pending.bases.contains(&base) {
                        pending.bases.push(base);
                    }
                }
                if let Some(method) = type_method {
                    let method = self.text(method).to_string();
                    if !pending.methods.contains(&method) {
                        pending.methods.push(method);
                    }
                }
                if let (Some(taken), Some(returned)) = (takes, returns) {
                    let handler = |node: Node| {
                        held_type(self.text(node)).filter(|t| {
                            let name = simple_name(t);
                            name.ends_with("Handler") || name.ends_with("HandlerFunc")
                        })
                    };
                    if let (Some(_), Some(returned)) = (handler(taken), handler(returned)) {
                        pending.wraps = Some(returned);
                    }
                }
            }
            if let (None, Some(type_node), Some(method)) = (impl_trait, impl_type, impl_method) {
                receiver_methods
                    .entry(self.text(type_node).to_string())
                    .or_default()
                    .push(self.text(method).to_string());
            }
            if let (Some(trait_node), Some(type_node), Some(bound)) =
                (impl_trait, impl_type, impl_bound)
            {
                let implemented = compact(self.text(trait_node));
                if simple_name(&compact(self.text(bound))) == simple_name(&implemented) {
                    let ty = compact(self.text(type_node));
                    let held = wrapped_bounds
                        .entry(simple_name(&ty).to_string())
                        .or_default();
                    if !held.contains(&implemented) {
                        held.push(implemented);
                    }
                }
                continue;
            }
            if let (Some(trait_node), Some(type_node)) = (impl_trait, impl_type) {
                let type_name = if type_node.kind() == "call" {
                    // Ruby `include M` inside a class: the type is the enclosing class.
                    enclosing_ruby_class(type_node, self)
                } else {
                    Some(compact(self.text(type_node)))
                };
                if let Some(type_name) = type_name {
                    facts.implementations.push(Implementation {
                        type_name,
                        trait_name: compact(self.text(trait_node)),
                        line: line_of(trait_node),
                    });
                }
            }
            if let Some(node) = annotation {
                let name = compact(self.text(node));
                let argument = annotation_arg.map(|a| bounded(&unquote(self.text(a))));
                let line = line_of(node);
                if let Some(arg) = &argument {
                    self.classify_literal(facts, &mut literal_keys, &name, arg, line, true);
                }
                match annotations
                    .iter_mut()
                    .find(|a| a.line == line && a.name == name)
                {
                    Some(existing) if existing.argument.is_none() => existing.argument = argument,
                    Some(_) => {}
                    None => annotations.push(Annotation {
                        name,
                        argument,
                        line,
                    }),
                }
            }
            if let (Some(callee_node), Some(arg)) = (call_name, call_arg) {
                let callee = self.text(callee_node).to_string();
                let value = unquote(self.text(arg));
                // `client.post('/reset')`, `this.http.get('/api/x')`: a request this code
                // sends, not a route it serves.
                if !(is_route_callee(&callee) && self.called_on_http_client(callee_node)) {
                    self.classify_literal(
                        facts,
                        &mut literal_keys,
                        &callee,
                        &value,
                        line_of(arg),
                        false,
                    );
                }
            }
            if let Some(node) = string {
                let value = unquote(self.text(node));
                if looks_like_sql(&value) {
                    self.push_literal(
                        facts,
                        &mut literal_keys,
                        LiteralKind::Sql,
                        &value,
                        None,
                        line_of(node),
                    );
                }
            }
        }

        // Each held type belongs to the type declaration around it: directly for a field, past
        // the constructor for a parameter. A field met inside a function is a local.
        // (Matched on their own, not inside a class pattern: a pattern rooted at the class
        // would stay open across its whole body and slow every file down.)
        for (node, parameter) in held_nodes {
            if self.declared_static(node) {
                continue;
            }
            let Some(held) = held_type(self.text(node)) else {
                continue;
            };
            let mut functions = 0;
            let mut current = node;
            for _ in 0..8 {
                let Some(parent) = current.parent() else {
                    break;
                };
                current = parent;
                let Some(&entry) = def_index.get(&parent.id()) else {
                    continue;
                };
                match defs[entry].1.kind {
                    DefKind::Function(_) => {
                        functions += 1;
                        if functions > usize::from(parameter) {
                            break;
                        }
                    }
                    DefKind::Type(_) => {
                        let fields = &mut defs[entry].1.fields;
                        if fields.len() < MAX_FIELDS && !fields.contains(&held) {
                            fields.push(held);
                        }
                        break;
                    }
                }
            }
        }
        for (id, def) in defs {
            if def.name.is_empty() {
                continue;
            }
            match def.kind {
                DefKind::Type(kind) => {
                    let mut methods = def.methods;
                    if let Some(declared) = receiver_methods.get(&def.name) {
                        methods.extend(declared.iter().cloned());
                    }
                    methods.sort();
                    methods.dedup();
                    let mut fields = def.fields;
                    if let Some(held) = wrapped_bounds.get(&def.name) {
                        for h in held {
                            if fields.len() < MAX_FIELDS && !fields.contains(h) {
                                fields.push(h.clone());
                            }
                        }
                    }
                    fields.sort();
                    let bases = def
                        .bases
                        .into_iter()
                        .map(|b| aliases.get(&b).cloned().unwrap_or(b))
                        .collect();
                    facts.types.push(TypeDecl {
                        name: def.name,
                        kind,
                        bases,
                        line: def.line,
                        methods,
                        fields,
                    })
                }
                DefKind::Function(kind) => facts.functions.push(Function {
                    name: def.name,
                    kind,
                    line: def.line,
                    wraps: def.wraps,
                    fluent: fluent.contains(&id),
                    class_level: class_level.contains(&id),
                }),
            }
        }
        facts.choices = self.choices(root, constructed);
        facts.subscriptions = self.subscriptions(subscribed);
        facts.annotations = annotations;
        facts.imports.dedup();
        facts.types.sort_by_key(|t| t.line);
        facts.functions.sort_by_key(|f| f.line);
        facts
            .annotations
            .sort_by(|a, b| (a.line, &a.name).cmp(&(b.line, &b.name)));
        facts
            .literals
            .sort_by(|a, b| (a.line, a.kind, &a.value).cmp(&(b.line, b.kind, &b.value)));
        facts.implementations.sort_by_key(|i| i.line);
    }

    /// Keeps the additions to a list of listeners whose item is a parameter of the function
    /// making them: `on(cb) { callbacks.push(cb) }` subscribes `cb`, while
    /// `handlers = append(handlers, coreutils.Handler)` or pushing a local merely fills a
    /// list.
    fn subscriptions(&self, subscribed: Vec<(Node, Node)>) -> Vec<Subscription> {
        let mut out: Vec<Subscription> = Vec::new();
        for (list, item) in subscribed {
            if out.len() >= MAX_SUBSCRIPTIONS {
                break;
            }
            let mut scope = item.parent();
            while let Some(s) = scope {
                if self.spec.scopes.contains(&s.kind()) {
                    break;
                }
                scope = s.parent();
            }
            let Some(scope) = scope else { continue };
            // The parameters are in the head of the function: everything before its body
            // (or its first line where the grammar names no body).
            let end = scope
                .child_by_field_name("body")
                .map(|b| b.start_byte())
                .unwrap_or_else(|| {
                    let text = self.text(scope);
                    scope.start_byte() + text.find('\n').unwrap_or(text.len())
                });
            let head =
                std::str::from_utf8(&self.source[scope.start_byte()..end.max(scope.start_byte())])
                    .unwrap_or("");
            let item = self.text(item);
            if item.is_empty() || !has_word(head, item) {
                continue;
            }
            let function = scope
                .child_by_field_name("name")
                .map(|n| compact(self.text(n)))
                .unwrap_or_default();
            // `self.listeners[event]` reads as `listeners`.
            let list_name = compact(self.text(list));
            let list_name = list_name.split('[').next().unwrap_or_default();
            let list_name = list_name
                .rsplit(['.', '>'])
                .next()
                .unwrap_or_default()
                .to_string();
            if !out
                .iter()
                .any(|s| s.function == function && s.list == list_name)
            {
                out.push(Subscription {
                    function,
                    list: list_name,
                    line: line_of(list),
                });
            }
        }
        out
    }

    /// Gathers the constructions of a file into choices. The constructions are visited in
    /// source order with one stack of ancestors: `Node::parent` descends from the root on
    /// every call, which made a walk up from each construction quadratic in the depth.
    fn choices(&self, root: Node, mut constructed: Vec<Node>) -> Vec<Choice> {
        let mut constructions = Constructions::default();
        if constructed.is_empty() {
            return Vec::new();
        }
        constructed.sort_by_key(|n| (n.start_byte(), std::cmp::Reverse(n.end_byte())));
        constructed.dedup();
        let contains = |outer: Node, inner: Node| {
            outer.start_byte() <= inner.start_byte() && inner.end_byte() <= outer.end_byte()
        };
        let mut ancestors = vec![root];
        for node in constructed {
            while ancestors.len() > 1 && !contains(ancestors[ancestors.len() - 1], node) {
                ancestors.pop();
            }
            let mut current = ancestors[ancestors.len() - 1];
            while current != node {
                match current.child_with_descendant(node) {
                    Some(child) if child != node => {
                        ancestors.push(child);
                        current = child;
                    }
                    _ => break,
                }
            }
            self.note_construction(&ancestors, node, &mut constructions);
        }
        constructions.into_choices()
    }

    /// Records a construction whose object is the outcome of a choice, under the function that
    /// makes it: returned, assigned, or the value of a branch (a match arm, a ternary, a
    /// `let x = if …`). An object built and used inside a branch (`client := slack.New();
    /// client.Send()`) or passed along in a statement chooses nothing. `ancestors` runs from
    /// the root down to the construction's parent.
    fn note_construction(&self, ancestors: &[Node], node: Node, constructions: &mut Constructions) {
        const RETURNS: &[&str] = &["return_statement", "return_expression", "return"];
        // An exception thrown is not an object chosen.
        const THROWS: &[&str] = &["throw_statement", "throw_expression", "raise_statement"];
        #[rustfmt::skip]
        const ASSIGNMENTS: &[&str] = &[
            "assignment_expression", "assignment", "assignment_statement", "operator_assignment",
        ];
        #[rustfmt::skip]
        const DECLARATIONS: &[&str] = &[
            "short_var_declaration", "var_declaration", "local_variable_declaration",
            "variable_declarator", "lexical_declaration", "let_declaration",
            "property_declaration", "local_declaration_statement", "variable_declaration",
        ];
        let mut branched = false;
        let mut valued = false;
        let mut returned = false;
        // A local declared in a branch (`up, err := s3.New(o)`): chosen only when the branch
        // hands it back.
        let mut declared: Option<Node> = None;
        let mut scope = None;
        for (i, &p) in ancestors.iter().enumerate().rev() {
            let grandparent = i.checked_sub(1).map(|g| ancestors[g]);
            let kind = p.kind();
            if self.spec.scopes.contains(&kind) {
                scope = Some(p);
                break;
            }
            if THROWS.contains(&kind) {
                return;
            }
            let branch = self.spec.branches.contains(&kind);
            if let (Some(declaration), true) = (declared, branch) {
                if !self.hands_back(declaration, p) {
                    return;
                }
                declared = None;
                valued = true;
            }
            returned |= RETURNS.contains(&kind);
            if !valued && declared.is_none() {
                if RETURNS.contains(&kind) || ASSIGNMENTS.contains(&kind) || branch {
                    valued = true;
                } else if DECLARATIONS.contains(&kind) {
                    // `let x = if c { A::new() } else { B::new() }` chose before declaring.
                    if branched {
                        valued = true;
                    } else {
                        declared = Some(p);
                    }
                } else if kind == "expression_statement"
                    // Java `case "a" -> new A();` is an arm of a switch expression.
                    && grandparent.is_none_or(|g| g.kind() != "switch_rule")
                {
                    return;
                }
            }
            branched |= branch;
        }
        // Outside a branch only what the function returns takes part in its choice: a default
        // assigned before the `if` is often just another collaborator.
        if !(valued && (branched || returned)) {
            return;
        }
        let class = self.text(node);
        // Type arguments and Go generics do not make another class.
        let class = class.split(['<', '[', '(']).next().unwrap_or(class);
        let class = compact(class);
        if class.is_empty() || class.len() > 80 {
            return;
        }
        let (key, function, line) = match scope {
            Some(s) => (
                s.id(),
                s.child_by_field_name("name")
                    .map(|n| compact(self.text(n)))
                    .unwrap_or_default(),
                line_of(s),
            ),
            None => (0, String::new(), 1),
        };
        let group = constructions
            .by_scope
            .entry(key)
            .or_insert_with(|| ConstructionGroup {
                function,
                line,
                branched: false,
                classes: Vec::new(),
            });
        group.branched |= branched;
        if !group.classes.contains(&class) && group.classes.len() < MAX_CHOICES {
            group.classes.push(class);
        }
    }

    /// Whether `branch` hands back a local that `declaration` introduced: it returns it
    /// (`return up`) or ends with it (Rust `Box::new(s)`, Ruby's last line).
    fn hands_back(&self, declaration: Node, branch: Node) -> bool {
        const KEYWORDS: &[&str] = &["let", "mut", "var", "val", "const", "final", "auto"];
        let text = self.text(declaration);
        let target = text.split(['=', ':']).next().unwrap_or("");
        let names: Vec<&str> = target
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty() && !KEYWORDS.contains(w))
            .collect();
        let after = &self.source[declaration.end_byte()..branch.end_byte()];
        let after = std::str::from_utf8(after).unwrap_or("");
        let last_line = after
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.chars().all(|c| "}]);,".contains(c)))
            .unwrap_or("");
        let mentions = |line: &str, name: &str| {
            line.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|w| w == name)
        };
        // Only Rust, Ruby and Kotlin hand back their last expression; a call on the local
        // (`client.send()`) hands back its result, not the local.
        let ends_with = |name: &str| {
            matches!(self.spec.id, "rust" | "ruby" | "kotlin")
                && !last_line.ends_with(';')
                && mentions(last_line, name)
                && !last_line.contains(&format!("{name}."))
        };
        names.iter().any(|name| {
            ends_with(name)
                || after
                    .lines()
                    .map(str::trim)
                    .filter(|l| l.starts_with("return "))
                    .any(|l| mentions(l, name))
        })
    }

    /// Whether a call's receiver is an HTTP client (`client`, `axios`, `restTemplate`,
    /// Guzzle, Faraday; `http` in JavaScript, where servers never route on it).
    fn called_on_http_client(&self, name: Node) -> bool {
        const CLIENTS: &[&str] = &[
            "client",
            "axios",
            "guzzle",
            "resttemplate",
            "webclient",
            "faraday",
            "httparty",
            "supertest",
            "superagent",
            "got",
            "ky",
            "fetcher",
        ];
        let Some(parent) = name.parent() else {
            return false;
        };
        let whole = self.text(parent);
        let Some(at) = whole.rfind(self.text(name)) else {
            return false;
        };
        let receiver = whole[..at].to_ascii_lowercase();
        let words: Vec<&str> = receiver
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .collect();
        let Some(last) = words.last() else {
            return false;
        };
        let javascript = matches!(self.spec.id, "javascript" | "typescript" | "tsx");
        CLIENTS.iter().any(|c| last.ends_with(c)) || (javascript && last.contains("http"))
    }

    fn classify_literal(
        &self,
        facts: &mut FileFacts,
        keys: &mut std::collections::HashSet<(u32, LiteralKind, String)>,
        context: &str,
        value: &str,
        line: u32,
        annotation: bool,
    ) {
        let callee = context.rsplit(['.', ':', '\\']).next().unwrap_or(context);
        // Go 1.22 patterns carry the method: `HandleFunc("POST /signup", …)`.
        let value = match value.split_once(' ') {
            Some((method, path))
                if path.starts_with('/')
                    && ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
                        .contains(&method) =>
            {
                path
            }
            _ => value,
        };
        // `@commands.group("patreon")` names a chat-bot command (discord.py), not a route.
        let bot_command = context.starts_with("commands.") || context.starts_with("app_commands.");
        let kind = if is_route_callee(callee)
            && !bot_command
            && looks_like_route(callee, value, annotation)
        {
            Some(LiteralKind::Route)
        } else if is_topic_callee(callee) && looks_like_topic(value) {
            Some(LiteralKind::Topic)
        } else if matches!(self.spec.id, "go" | "ruby")
            && is_condition_callee(callee)
            && looks_like_sql_condition(value)
        {
            Some(LiteralKind::SqlFragment)
        } else {
            None
        };
        if let Some(kind) = kind {
            self.push_literal(facts, keys, kind, value, Some(context), line);
        }
    }

    fn push_literal(
        &self,
        facts: &mut FileFacts,
        keys: &mut std::collections::HashSet<(u32, LiteralKind, String)>,
        kind: LiteralKind,
        value: &str,
        context: Option<&str>,
        line: u32,
    ) {
        if facts.literals.len() >= MAX_LITERALS_PER_FILE {
            return;
        }
        let value = bounded(value.trim());
        if keys.insert((line, kind, value.clone())) {
            facts.literals.push(Literal {
                kind,
                value,
                context: context.map(bounded),
                line,
            });
        }
    }
}

/// Constructions gathered per enclosing function while a file's matches are read.
#[derive(Default)]
struct Constructions {
    by_scope: HashMap<usize, ConstructionGroup>,
}

struct ConstructionGroup {
    function: String,
    line: u32,
    /// Whether at least one construction sits in a branch (returns alone are not a choice).
    branched: bool,
    classes: Vec<String>,
}

impl Constructions {
    /// The functions that choose (a branch, two classes or more), in source order.
    fn into_choices(self) -> Vec<Choice> {
        let mut choices: Vec<Choice> = self
            .by_scope
            .into_values()
            .filter(|g| g.branched && g.classes.len() >= 2)
            .map(|mut g| {
                g.classes.sort();
                Choice {
                    function: g.function,
                    line: g.line,
                    classes: g.classes,
                }
            })
            .collect();
        choices.sort_by(|a, b| {
            (a.line, &a.function, &a.classes).cmp(&(b.line, &b.function, &b.classes))
        });
        choices.truncate(MAX_CHOICES);
        choices
    }
}

fn enclosing_ruby_class(node: Node, ex: &Extractor) -> Option<String> {
    let mut current = node.parent();
    while let Some(n) = current {
        if n.kind() == "class" || n.kind() == "module" {
            return n.child_by_field_name("name").map(|c| compact(ex.text(c)));
        }
        current = n.parent();
    }
    None
}

/// Whether `word` occurs in `text` with no identifier character on either side.
fn has_word(text: &str, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(ident)
            && !text[i + word.len()..].chars().next().is_some_and(ident)
    })
}

fn line_of(node: Node) -> u32 {
    u32::try_from(node.start_position().row + 1).unwrap_or(u32::MAX)
}

/// Collapses whitespace so multi-line names read as one token.
/// The type a field or parameter holds, as [`TypeDecl::fields`] keeps it: `*io.Writer` →
/// `io.Writer`, `Box<dyn Store + Send>` → `Store`, `?LoggerInterface` → `LoggerInterface`,
/// `ArrayList<Handler>` → `ArrayList`; `None` for primitives, plain lists and arrays (many of a
/// kind, not one thing held), type parameters' one-letter names and anything that is not a
/// plain type name.
fn held_type(text: &str) -> Option<String> {
    // Wrappers that only change ownership or nullability, not what is held.
    const TRANSPARENT: &[&str] = &[
        "Box", "Arc", "Rc", "RefCell", "Mutex", "RwLock", "Option", "Optional", "Lazy", "Nullable",
        "Provider",
    ];
    const PRIMITIVES: &[&str] = &[
        "string",
        "String",
        "str",
        "int",
        "Integer",
        "long",
        "Long",
        "bool",
        "boolean",
        "Boolean",
        "float",
        "double",
        "Double",
        "byte",
        "char",
        "object",
        "Object",
        "any",
        "unknown",
        "void",
        "error",
        "array",
        "mixed",
        "callable",
        "Any",
        "dict",
        "list",
        "Dict",
        "List",
        "Vec",
        "usize",
        "isize",
        "u8",
        "u16",
        "u32",
        "u64",
        "i32",
        "i64",
        "f32",
        "f64",
        "int32",
        "int64",
        "uint",
        "uint32",
        "uint64",
        "float64",
        "rune",
        "decimal",
        "number",
        "self",
        "Self",
        "static",
        "interface{}",
        "Int",
        "Unit",
    ];
    // Keywords around the type (`&mut dyn Write`, `private readonly Store`) are not its name.
    let words = text.replace(['&', '*'], " ").replace('<', "< ");
    let mut t: String = words
        .split_whitespace()
        .filter(|w| {
            !w.starts_with('\'')
                && !matches!(*w, "mut" | "dyn" | "impl" | "readonly" | "final" | "const")
        })
        .collect();
    let t = loop {
        let trimmed = t
            .trim_start_matches([':', '?', '\\'])
            .trim_end_matches(['?', '!']);
        let head = trimmed.split(['<', '[']).next().unwrap_or(trimmed);
        let transparent = TRANSPARENT.contains(&head.rsplit(['.', ':']).next().unwrap_or(head));
        t = match (
            transparent,
            trimmed.find(['<', '[']),
            trimmed.rfind(['>', ']']),
        ) {
            (true, Some(open), Some(close)) if close > open => trimmed[open + 1..close].to_string(),
            // Not a wrapper, or a bare `Option` with nothing inside to unwrap.
            _ => break trimmed.to_string(),
        };
    };
    // `Store+Send` (Rust bounds), `Handler|null` (unions): the first type named.
    let t = t.split(['+', '|']).next().unwrap_or(&t);
    // `Handler[]`, `[]Handler`: many of a kind is a composite, not one thing wrapped.
    if t.contains("[]") {
        return None;
    }
    let t = t.split(['<', '[', '(']).next().unwrap_or(t);
    let simple = simple_name(t);
    let plain = !t.is_empty()
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | ':' | '\\'))
        && simple.chars().next().is_some_and(char::is_alphabetic);
    (plain
        && simple.len() > 1
        && !PRIMITIVES.contains(&simple)
        && !TRANSPARENT.contains(&simple)
        && !PRIMITIVES.contains(&t))
    .then(|| t.to_string())
}

/// The last segment of a qualified name, without generic arguments or call parentheses:
/// `io::Write` → `Write`, `List<Handler>` → `List`.
pub(crate) fn simple_name(name: &str) -> &str {
    let base = name.split(['<', '(', '[']).next().unwrap_or(name);
    base.rsplit(['.', ':', '\\', '/']).next().unwrap_or(base)
}

fn compact(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("")
}

fn bounded(text: &str) -> String {
    if text.chars().count() <= MAX_LITERAL_CHARS {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(MAX_LITERAL_CHARS).collect();
        s.push('…');
        s
    }
}

/// The content of a string literal: prefixes (`r`, `b`, `f`, `@`, `$`, `#`) and quotes removed.
pub fn unquote(literal: &str) -> String {
    let mut s = literal.trim();
    s = s.trim_start_matches(|c: char| "rRbBuUfF@$".contains(c));
    let hashes = s.len() - s.trim_start_matches('#').len();
    s = &s[hashes..];
    s = &s[..s.len()
        - s.len()
            .min(hashes)
            .min(s.len() - s.trim_end_matches('#').len())];
    for quote in ["\"\"\"", "'''", "\"", "'", "`"] {
        if s.len() >= 2 * quote.len() && s.starts_with(quote) && s.ends_with(quote) {
            return s[quote.len()..s.len() - quote.len()].to_string();
        }
    }
    s.to_string()
}

const ROUTE_CALLEES: &[&str] = &[
    "get",
    "post",
    "put",
    "delete",
    "patch",
    "head",
    "options",
    "all",
    "any",
    "route",
    "api_route",
    "add_url_rule",
    "path",
    "re_path",
    "url",
    "handle",
    "handlefunc",
    "handler",
    "group",
    "map",
    "mapget",
    "mappost",
    "mapput",
    "mapdelete",
    "mappatch",
    "mapgroup",
    "mapcontrollerroute",
    "getmapping",
    "postmapping",
    "putmapping",
    "deletemapping",
    "patchmapping",
    "requestmapping",
    "httpget",
    "httppost",
    "httpput",
    "httpdelete",
    "httppatch",
    "controller",
    "resource",
    "resources",
    "match",
    "websocket",
    "ws",
    "service",
    "scope",
    "nest",
    "routes",
    "mount",
    "use",
];

const TOPIC_CALLEES: &[&str] = &[
    "publish",
    "subscribe",
    "produce",
    "consume",
    "send_message",
    "sendmessage",
    "topic",
    "queue",
    "queue_declare",
    "queuedeclare",
    "exchange_declare",
    "exchangedeclare",
    "basic_publish",
    "basicpublish",
    "basic_consume",
    "basicconsume",
    "kafkalistener",
    "rabbitlistener",
    "sqslistener",
    "jmslistener",
    "streamlistener",
    "subscribetopic",
    "channel",
    "declare_queue",
    "create_topic",
    "createtopic",
    "get_queue_by_name",
    "queuesubscribe",
    "event_pattern",
    "eventpattern",
    "messagepattern",
    "from_topic",
];

fn is_route_callee(callee: &str) -> bool {
    let lower = callee.to_ascii_lowercase();
    ROUTE_CALLEES.contains(&lower.as_str())
}

/// ORM query calls that take a condition or clause written in SQL (GORM, ActiveRecord).
fn is_condition_callee(callee: &str) -> bool {
    matches!(
        callee,
        "Where" | "where" | "Or" | "or" | "Not" | "not" | "Having" | "having" | "Joins" | "joins"
    )
}

/// A SQL condition: a column compared with a bind parameter (`?`, `$1`), a list or NULL, or
/// a join clause: `api_key = ?`, `send_date <= ? AND processing = ?`, `case_number ILIKE ?`,
/// `JOIN users ON …`. A bare column name (`where("name", …)` in query builders that write the
/// SQL themselves) is not.
fn looks_like_sql_condition(value: &str) -> bool {
    static CONDITION: OnceLock<Regex> = OnceLock::new();
    let re = CONDITION.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(\(?\s*[a-z_][a-z0-9_.]*\s*(=|<>|!=|<=|>=|<|>|\bi?like\b|\bin\b|\bis\b)\s*(\?|\$\d|\(|null\b|not\b)|(inner |left |right |outer )*join\s+\w+)",
        )
        .expect("condition regex is valid")
    });
    re.is_match(value)
}

fn is_topic_callee(callee: &str) -> bool {
    let lower = callee.to_ascii_lowercase();
    TOPIC_CALLEES.contains(&lower.as_str())
}

/// A route is a URL path: `/users/{id}`, `/api/v1/:id`. Annotations (`@Controller('orders')`,
/// `[HttpGet("{id}")]`) may give a bare segment; calls must start with `/` (or be a Django
/// `path('admin/', …)`), since `get("name")` is usually a map or config lookup.
fn looks_like_route(callee: &str, value: &str, annotation: bool) -> bool {
    static ROUTE: OnceLock<Regex> = OnceLock::new();
    let re = ROUTE.get_or_init(|| {
        Regex::new(r"^/?[A-Za-z0-9_\-{}:<>.*\[\]$~@]*(/[A-Za-z0-9_\-{}:<>.*\[\]$~@?=&^]*)*/?$")
            .expect("route regex is valid")
    });
    // A full URL (`https://api.github.com/repos/…`) is an address the program calls, not a
    // route it serves.
    let shaped = !value.is_empty()
        && value.len() <= 200
        && !value.contains("://")
        && re.is_match(value)
        && !has_file_extension(value);
    if !shaped {
        return false;
    }
    if annotation {
        return true;
    }
    // `Path("/opt/pipx")` is pathlib (JAX-RS's @Path is an annotation), and file-system
    // locations are not URLs.
    const FILESYSTEM: &[&str] = &[
        "/usr/", "/opt/", "/etc/", "/var/", "/tmp/", "/home/", "/dev/", "/proc/", "/bin/",
        "/sbin/", "/lib/", "/mnt/", "/root/", "/sys/",
    ];
    if callee == "Path"
        || FILESYSTEM
            .iter()
            .any(|f| format!("{value}/").starts_with(f))
    {
        return false;
    }
    // Go's profiling and expvar endpoints (`/debug/pprof/`) are a diagnostics port mounted
    // by a program, not the HTTP interface it offers.
    if value.starts_with("/debug/pprof") || value == "/debug/vars" {
        return false;
    }
    let django = matches!(
        callee.to_ascii_lowercase().as_str(),
        "path" | "re_path" | "url"
    );
    value.starts_with('/') || (django && value.contains('/'))
}

fn has_file_extension(value: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        ".js", ".ts", ".py", ".rb", ".go", ".rs", ".php", ".java", ".json", ".yml", ".yaml",
        ".html", ".css", ".png", ".svg", ".md", ".txt", ".toml", ".lock",
    ];
    EXTENSIONS.iter().any(|ext| value.ends_with(ext))
}

fn looks_like_topic(value: &str) -> bool {
    static TOPIC: OnceLock<Regex> = OnceLock::new();
    let re = TOPIC.get_or_init(|| {
        Regex::new(r"^[A-Za-z][A-Za-z0-9_.\-:/*#>]{1,127}$").expect("topic regex is valid")
    });
    re.is_match(value)
}

/// SQL statements, recognised by their opening clause and a second keyword of the same
/// statement, so prose such as "select a file" is not taken for a query.
pub fn looks_like_sql(value: &str) -> bool {
    static SQL: OnceLock<Regex> = OnceLock::new();
    let re = SQL.get_or_init(|| {
        Regex::new(
            r"(?is)^\s*(select\s+.+?\s+from\s|insert\s+into\s|update\s+\S+\s+set\s|delete\s+from\s|create\s+(unique\s+)?(table|index|view)\s|alter\s+table\s|drop\s+(table|index)\s|with\s+\w+\s+as\s*\()",
        )
        .expect("sql regex is valid")
    });
    // A cheap look at the first word keeps the regex off the vast majority of strings.
    let first = value
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    if value.len() < 12
        || !matches!(
            first.to_ascii_lowercase().as_str(),
            "select" | "insert" | "update" | "delete" | "create" | "alter" | "drop" | "with"
        )
        || !re.is_match(value)
    {
        return false;
    }
    // Upper-case keywords are SQL by convention; lower-case ones must show SQL punctuation
    // or clauses, so "select a file from the list" stays prose.
    if first.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    let lower = value.to_ascii_lowercase();
    [
        "*",
        ",",
        "=",
        "?",
        "$1",
        " where ",
        " join ",
        " values",
        " limit ",
        " order by ",
        " group by ",
        "(",
        " set ",
    ]
    .iter()
    .any(|marker| lower.contains(marker))
}

/// Turns a captured import node's text into the import path(s) it names.
fn normalize_import(spec: &LanguageSpec, text: &str) -> Vec<String> {
    use crate::lang::ImportStyle;
    match spec.imports {
        ImportStyle::Rust => expand_use_tree(text),
        ImportStyle::JvmPackage => {
            let body = text.trim().trim_end_matches(';');
            let body = body.strip_prefix("import").unwrap_or(body).trim();
            let body = body.strip_prefix("static").unwrap_or(body).trim();
            // Kotlin `import a.b.C as D`.
            let body = body.split(" as ").next().unwrap_or(body);
            vec![compact(body)]
        }
        ImportStyle::CSharp => {
            let body = text.trim().trim_end_matches(';');
            let body = body.strip_prefix("global").unwrap_or(body).trim();
            let body = body.strip_prefix("using").unwrap_or(body).trim();
            let body = body.strip_prefix("static").unwrap_or(body).trim();
            let body = body.rsplit('=').next().unwrap_or(body);
            vec![compact(body)]
        }
        ImportStyle::Php => {
            let trimmed = text.trim();
            if !trimmed.starts_with("use") {
                return vec![unquote(trimmed)];
            }
            php_use_items(trimmed)
                .into_iter()
                .map(|(path, _)| path)
                .collect()
        }
        ImportStyle::Python => vec![compact(text)],
        ImportStyle::JavaScript | ImportStyle::Go | ImportStyle::Ruby => vec![unquote(text)],
    }
}

/// The aliases a PHP `use` statement declares, each with the simple name it stands for:
/// `use A\B\Releases as ReleasesContract;` gives (`ReleasesContract`, `Releases`), and a
/// group `use A\{B as C, D};` gives (`C`, `B`).
fn php_aliases(text: &str) -> Vec<(String, String)> {
    php_use_items(text)
        .into_iter()
        .filter_map(|(path, alias)| {
            let alias = alias?;
            let original = simple_name(&path).to_string();
            (!alias.is_empty() && alias != original).then_some((alias, original))
        })
        .collect()
}

fn compact_keep_as(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `A\B\{C, D as E}` → `A\B\C`, `A\B\D`; `A\B as C, D\E` → `A\B`, `D\E`.
/// What a PHP `use` statement imports, each path with the alias it is given: `use A\{B as
/// C, D};` gives (`A\B`, `C`) and (`A\D`, none); `use function` and `use const` alike.
fn php_use_items(text: &str) -> Vec<(String, Option<String>)> {
    let text = compact_keep_as(text.trim());
    let body = text.trim_end_matches(';');
    let body = body.strip_prefix("use").unwrap_or(body).trim();
    let body = body
        .strip_prefix("function ")
        .or_else(|| body.strip_prefix("const "))
        .unwrap_or(body);
    let item = |s: &str| -> (String, Option<String>) {
        let (path, alias) = match s.split_once(" as ") {
            Some((path, alias)) => (path, Some(alias.trim().to_string())),
            None => (s, None),
        };
        (path.trim().trim_start_matches('\\').to_string(), alias)
    };
    if let (Some(open), Some(close)) = (body.find('{'), body.rfind('}')) {
        let prefix = item(body[..open].trim().trim_end_matches('\\')).0;
        return body[open + 1..close]
            .split(',')
            .map(item)
            .filter(|(path, _)| !path.is_empty())
            .map(|(path, alias)| (format!("{prefix}\\{path}"), alias))
            .collect();
    }
    body.split(',')
        .map(item)
        .filter(|(path, _)| !path.is_empty())
        .collect()
}

/// Expands a Rust use tree: `crate::a::{b, c::{d, e}}` → `crate::a::b`, `crate::a::c::d`, …
pub fn expand_use_tree(tree: &str) -> Vec<String> {
    fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
        let tree = tree.trim();
        if let Some(open) = tree.find('{') {
            if tree.ends_with('}') {
                let head = tree[..open].trim().trim_end_matches("::").trim();
                let new_prefix = join(prefix, head);
                for part in split_top_level(&tree[open + 1..tree.len() - 1]) {
                    expand(&new_prefix, part, out);
                }
                return;
            }
        }
        let item = tree.split(" as ").next().unwrap_or(tree).trim();
        let item = item.trim_end_matches("::*");
        if item == "self" {
            out.push(prefix.to_string());
        } else if !item.is_empty() {
            out.push(join(prefix, item));
        }
    }
    fn join(prefix: &str, item: &str) -> String {
        match (prefix.is_empty(), item.is_empty()) {
            (true, _) => item.to_string(),
            (_, true) => prefix.to_string(),
            _ => format!("{prefix}::{item}"),
        }
    }
    fn split_top_level(s: &str) -> Vec<&str> {
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0usize, 0usize);
        for (i, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[start..]);
        parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
    }
    // Whitespace matters only around `as`; everywhere else it is layout.
    let tree = compact_keep_as(tree);
    let mut out = Vec::new();
    expand("", &tree, &mut out);
    out.into_iter().map(|s| s.replace(' ', "")).collect()
}

/// Counts blank, comment and code lines with the language's comment syntax. Strings that
/// contain comment markers can fool it, as they fool tokei's fast path; the totals are
/// for proportions, not for billing.
pub fn count_lines(spec: &LanguageSpec, source: &[u8]) -> LineCounts {
    let text = String::from_utf8_lossy(source);
    let mut counts = LineCounts {
        bytes: source.len() as u64,
        ..LineCounts::default()
    };
    let mut in_block = false;
    for line in text.lines() {
        counts.lines += 1;
        let trimmed = line.trim();
        if in_block {
            counts.comments += 1;
            if let Some((_, end)) = spec.block_comment {
                if trimmed.contains(end) {
                    in_block = false;
                    let after = trimmed.split_once(end).map(|(_, a)| a.trim()).unwrap_or("");
                    if !after.is_empty() && !is_line_comment(spec, after) {
                        counts.comments -= 1;
                        counts.code += 1;
                    }
                }
            }
            continue;
        }
        if trimmed.is_empty() {
            counts.blanks += 1;
        } else if is_line_comment(spec, trimmed) {
            counts.comments += 1;
        } else if let Some((start, end)) =
            spec.block_comment.filter(|(s, _)| trimmed.starts_with(s))
        {
            let rest = &trimmed[start.len()..];
            match rest.split_once(end) {
                Some((_, after)) if !after.trim().is_empty() => counts.code += 1,
                Some(_) => counts.comments += 1,
                None => {
                    counts.comments += 1;
                    in_block = true;
                }
            }
        } else {
            counts.code += 1;
            if let Some((start, end)) = spec.block_comment {
                if let Some(pos) = trimmed.rfind(start) {
                    if !trimmed[pos + start.len()..].contains(end) {
                        in_block = true;
                    }
                }
            }
        }
    }
    counts
}

fn is_line_comment(spec: &LanguageSpec, trimmed: &str) -> bool {
    spec.line_comments.iter().any(|m| trimmed.starts_with(m))
}

#[cfg(test)]
mod shared_instance_tests {
    use super::*;

    fn facts(language: &str, path: &str, source: &str) -> FileFacts {
        let spec = crate::lang::by_id(language).expect("registered");
        parse_file(spec, path, source.as_bytes()).expect("parses")
    }

    fn shared(language: &str, path: &str, source: &str) -> Vec<(String, String)> {
        let shared = facts(language, path, source).shared.into_iter();
        shared.map(|s| (s.name, s.class)).collect()
    }

    /// (name, fluent) of every function `source` declares.
    fn fluent(language: &str, path: &str, source: &str) -> Vec<(String, bool)> {
        let functions = facts(language, path, source).functions.into_iter();
        functions.map(|f| (f.name, f.fluent)).collect()
    }

    #[test]
    fn methods_returning_their_receiver_are_fluent_and_others_are_not() {
        let f = |n: &str, b: bool| (n.to_string(), b);
        assert_eq!(
            fluent(
                "rust",
                "a.rs",
                "struct P;\nimpl P {\n    fn new() -> Self { P }\n    fn title(mut self, t: &str) -> Self { self }\n    fn width(&mut self, w: usize) -> &mut Self { self }\n    fn get(&self) -> &Self { self }\n    fn build(self) -> String { String::new() }\n}\nimpl<'a> R<'a> {\n    fn level(&mut self, l: u8) -> &mut R<'a> { self }\n    fn copy(&self) -> R<'a> { R }\n}\n"
            ),
            vec![
                f("new", false),
                f("title", true),
                f("width", true),
                f("get", false),
                f("build", false),
                f("level", true),
                f("copy", false)
            ]
        );
        assert_eq!(
            fluent(
                "typescript",
                "a.ts",
                "class P {\n  title(t: string): this { return this; }\n  run(): void {}\n}\n"
            ),
            vec![f("title", true), f("run", false)]
        );
    }

    #[test]
    fn members_declared_on_the_type_are_class_level_in_every_language() {
        // (language, file, source, the functions declared on the type; every other is not)
        let cases: &[(&str, &str, &str, &[&str])] = &[
            (
                "csharp",
                "R.cs",
                "class R {\n  public static R Instance { get; } = new R();\n  public string Default { get; set; }\n  public static R Create() => new R();\n  public void Run() {}\n}\n",
                &["Instance", "Create"],
            ),
            (
                "java",
                "R.java",
                "class R {\n  private static R instance;\n  public static synchronized R getInstance() { return instance; }\n  public R current() { return this; }\n}\n",
                &["getInstance"],
            ),
            (
                "php",
                "R.php",
                "<?php\nclass R {\n  public static function getInstance(): self { return new self(); }\n  public function instance(): object { return $this->i; }\n}\n",
                &["getInstance"],
            ),
            (
                "javascript",
                "r.js",
                "class R {\n  static getInstance() { return R.i; }\n  static get current() { return R.c; }\n  instance() { return this.i; }\n}\n",
                &["getInstance", "current"],
            ),
            (
                "typescript",
                "r.ts",
                "export class R {\n  private static i: R;\n  public static getInstance(): R { return R.i; }\n  instance(): R { return this; }\n}\n",
                &["getInstance"],
            ),
            (
                "kotlin",
                "R.kt",
                "object Registry {\n  fun instance(): Registry = this\n}\nclass R {\n  companion object {\n    fun getInstance(): R = R()\n  }\n  fun current(): R = this\n}\n",
                &["instance", "getInstance"],
            ),
            (
                "python",
                "r.py",
                "class R:\n    @classmethod\n    def instance(cls):\n        return cls._i\n\n    @staticmethod\n    def default():\n        return R()\n\n    def current(self):\n        return self\n",
                &["instance", "default"],
            ),
            (
                "ruby",
                "r.rb",
                "class R\n  def self.instance\n    @instance ||= new\n  end\n\n  def instance\n    @instance ||= retrieve\n  end\nend\n",
                &["instance"],
            ),
            (
                "rust",
                "r.rs",
                "struct R;\nimpl R {\n    pub fn instance() -> &'static Self { &R }\n    pub fn current(&self) -> u8 { 0 }\n    fn boxed(self: Box<Self>) {}\n}\n",
                &["instance"],
            ),
        ];
        for (language, path, source, expected) in cases {
            let functions = facts(language, path, source).functions;
            let class_level: Vec<&str> = functions
                .iter()
                .filter(|f| f.class_level)
                .map(|f| f.name.as_str())
                .collect();
            assert_eq!(&class_level, expected, "{language}: {functions:?}");
        }
    }

    #[test]
    fn chainable_steps_are_fluent_in_every_language() {
        // (language, file, source, the functions that must be fluent; every other is not)
        let cases: &[(&str, &str, &str, &[&str])] = &[
            (
                "java",
                "B.java",
                "class B {\n  B name(String n) { this.n = n; return this; }\n  public static B create() { return new B(); }\n  B age(int a) { return new B(); }\n  String build() { return n; }\n}\ninterface J {\n  J subject(String s);\n  String compact();\n}\nclass C {\n  Other x() { return this; }\n}\n",
                &["name", "age", "subject", "x"],
            ),
            (
                "csharp",
                "B.cs",
                "class B {\n  public B Name(string n) { _n = n; return this; }\n  public static B Create(string n) => new B();\n  public string Build() { return _n; }\n}\ninterface IJ { IJ Subject(string s); string Compact(); }\nstatic class Ext {\n  public static IBus AddRabbit(this IBus bus) { return bus; }\n  public static IBus Make(IBus bus) { return bus; }\n  public static ISpec<T> Where<T>(this ISpec<T> spec) { return spec; }\n}\nclass C { public object X() { return this; } }\n",
                &["Name", "Subject", "AddRabbit", "Where", "X"],
            ),
            (
                "kotlin",
                "B.kt",
                "class B {\n  fun name(n: String): B { this.n = n; return this }\n  fun age(a: Int) = apply { this.a = a }\n  fun build(): String = n\n}\n",
                &["name", "age"],
            ),
            (
                "php",
                "B.php",
                "<?php\nclass B {\n  public function name(string $n): self { $this->n = $n; return $this; }\n  public function age(int $a): static { return clone $this; }\n  public function copy(): B { return new B(); }\n  public function tag($t) { $this->t = $t; return $this; }\n  public function with($w) { return new self($w); }\n  public function other() { return new Other(); }\n  public static function create(): self { return new B(); }\n  public function build(): string { return $this->n; }\n}\n",
                &["name", "age", "copy", "tag", "with"],
            ),
            (
                "go",
                "b.go",
                "package b\ntype B struct{ n string }\nfunc (b *B) Name(n string) *B { b.n = n; return b }\nfunc (b B) Copy() B { return b }\nfunc (b *B) Build() string { return b.n }\nfunc New() *B { return &B{} }\n",
                &["Name", "Copy"],
            ),
            (
                "python",
                "b.py",
                "class B:\n    def name(self, n):\n        self.n = n\n        return self\n    def build(self):\n        return self.n\n",
                &["name"],
            ),
            (
                "ruby",
                "b.rb",
                "class B\n  def name(n)\n    @n = n\n    self\n  end\n  def build\n    @n\n  end\nend\n",
                &["name"],
            ),
            (
                "javascript",
                "b.js",
                "class B {\n  name(n) { this.n = n; return this; }\n  build() { return this.n; }\n}\n",
                &["name"],
            ),
        ];
        for (language, path, source, expected) in cases {
            let found = fluent(language, path, source);
            let fluent: Vec<&str> = found
                .iter()
                .filter(|(_, fluent)| *fluent)
                .map(|(name, _)| name.as_str())
                .collect();
            assert_eq!(&fluent, expected, "{language}: {found:?}");
        }
    }

    #[test]
    fn rust_test_modules_are_not_the_application() {
        let facts = facts(
            "rust",
            "src/client.rs",
            "use reqwest::Client;\npub struct Checker;\n\n#[cfg(test)]\n// Mock server.\nmod tests {\n    use wiremock::matchers::path;\n    struct Fake;\n    fn t() { path(\"/redirect\"); }\n}\n",
        );
        let imports: Vec<&str> = facts.imports.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(imports, ["reqwest::Client"]);
        let types: Vec<&str> = facts.types.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(types, ["Checker"]);
        assert!(facts.functions.is_empty() && facts.calls.is_empty());
    }

    #[test]
    fn rust_types_record_the_serde_traits_they_derive() {
        let facts = facts(
            "rust",
            "src/server.rs",
            "#[derive(Debug, Clone, Serialize)]\nstruct ListItem { id: u64 }\n#[derive(serde::Deserialize, Deserialize)]\nenum Msg { Ping }\n",
        );
        let names: Vec<(&str, u32)> = facts
            .annotations
            .iter()
            .map(|a| (a.name.as_str(), a.line))
            .collect();
        assert_eq!(
            names,
            [
                ("Serialize", 1),
                ("derive", 1),
                ("Deserialize", 3),
                ("derive", 3)
            ]
        );
    }

    #[test]
    fn php_classes_implementing_an_aliased_import_name_the_original() {
        let facts = facts(
            "php",
            "app/Integrations/GitHub/Releases.php",
            "<?php\nnamespace App\\Integrations\\GitHub;\nuse App\\Integrations\\Contracts\\Releases as ReleasesContract;\nuse App\\Support\\{Base as SupportBase, Helper};\nclass Releases extends SupportBase implements ReleasesContract, Countable {}\n",
        );
        let bases: Vec<&str> = facts.types[0].bases.iter().map(String::as_str).collect();
        assert_eq!(bases, ["Base", "Releases", "Countable"]);
        assert_eq!(
            php_aliases("use A\\B\\C as D, E\\F;"),
            vec![("D".to_string(), "C".to_string())]
        );
    }

    #[test]
    fn python_globals_built_by_a_function_are_lazy_and_other_assignments_are_not() {
        let source = "_reader = None\n\ndef lookup(ip):\n    global _reader\n    local = Cache()\n    if _reader is None:\n        with lock:\n            _reader = geoip2.database.Reader(PATH)\n    return _reader.city(ip)\n\ndef other():\n    _reader = Reader(x)\n";
        let shared: Vec<(String, String, bool)> = facts("python", "a.py", source)
            .shared
            .into_iter()
            .map(|s| (s.name, s.class, s.lazy))
            .collect();
        // `local` is a function's own variable. The names are matched per file, so a later
        // function's local of the same name (`other`) is taken for the global too: rare
        // enough to accept for a query that cannot see scopes.
        assert_eq!(
            shared[0],
            (
                "_reader".to_string(),
                "geoip2.database.Reader".to_string(),
                true
            )
        );
        assert!(!shared.iter().any(|(name, _, _)| name == "local"));
    }

    #[test]
    fn module_level_and_static_instances_are_found_and_locals_are_not() {
        let pair = |n: &str, c: &str| (n.to_string(), c.to_string());
        assert_eq!(
            shared(
                "python",
                "a.py",
                "ctx = _PathContext()\nengine = create_engine('x')\ndef f():\n    y = Foo()\n"
            ),
            vec![pair("ctx", "_PathContext"), pair("engine", "create_engine")]
        );
        assert_eq!(
            shared(
                "typescript",
                "a.ts",
                "export const repo = new UserRepo(db);\nconst prisma = global.prisma || new PrismaClient();\nfunction f() { const z = new Z(); }\n"
            ),
            vec![pair("repo", "UserRepo"), pair("prisma", "PrismaClient")]
        );
        assert_eq!(
            shared(
                "go",
                "a.go",
                "package main\nvar once sync.Once\nvar client = &http.Client{}\nfunc main() { x := New() }\nvar Memstore ms\nvar (\n\tdb *SQLiteDB\n\tDefaultLoader Loader = new(StandardLoader)\n\tcount int\n\tready = make(chan bool)\n)\n"
            ),
            vec![
                pair("once", "sync.Once"),
                pair("client", "http.Client"),
                pair("Memstore", "ms"),
                pair("db", "SQLiteDB"),
                pair("DefaultLoader", "StandardLoader"),
            ]
        );
        assert_eq!(
            shared(
                "java",
                "V.java",
                "class V { private static Foo foo = new Foo(); private Bar bar = new Bar(); }\n"
            ),
            vec![pair("foo", "Foo")]
        );
        assert_eq!(
            shared(
                "javascript",
                "a.js",
                "var bus = new Bus();\nmodule.exports = new Sockets();\nexports.x = new X();\nfunction f() { var y = new Y(); }\n"
            ),
            vec![pair("bus", "Bus"), pair("module.exports", "Sockets")]
        );
        assert_eq!(
            shared("typescript", "s.ts", "export default new Store();\n"),
            vec![pair("default", "Store")]
        );
        assert_eq!(
            shared(
                "csharp",
                "C.cs",
                "class C { public static readonly C Default = new C(); static HttpClient client = new(); readonly Foo foo = new Foo(); static int n = 3; }\n"
            ),
            vec![pair("Default", "C"), pair("client", "HttpClient")]
        );
        assert_eq!(
            shared("rust", "a.rs", "static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(\"x\").unwrap());\nfn f() { let x = 1; }\n"),
            vec![pair("RE", "LazyLock<Regex>")]
        );
    }

    #[test]
    fn kotlin_objects_holding_state_are_their_one_instance() {
        let pair = |n: &str, c: &str| (n.to_string(), c.to_string());
        let source = "object Compiler {\n    private val factory = initFactory()\n}\n\
            object Flags {\n    var silent = false\n}\n\
            object Lazy {\n    private val names by lazy { load() }\n}\n\
            object Clients {\n    val http = HttpClient()\n}\n\
            object Headers {\n    const val ID = \"x-id\"\n    fun f() = 1\n}\n\
            object TimestampSerializer : KSerializer<Instant> {\n    private val delegate = ListSerializer(Track.serializer())\n}\n\
            object Adapters : Factory {\n    override val descriptor: Descriptor = PrimitiveDescriptor(\"x\")\n}\n\
            object Launcher {\n    private val log = LoggerFactory.getLogger(Launcher::class.java)\n    val start = System.currentTimeMillis()\n    private val re = Regex(\"x\")\n}\n";
        assert_eq!(
            shared("kotlin", "O.kt", source),
            vec![
                pair("Compiler", "Compiler"),
                pair("Flags", "Flags"),
                pair("Lazy", "Lazy"),
                pair("Clients", "Clients"),
            ]
        );
    }

    fn routes(language: &str, path: &str, source: &str) -> Vec<String> {
        let spec = crate::lang::by_id(language).expect("registered");
        parse_file(spec, path, source.as_bytes())
            .expect("parses")
            .literals
            .into_iter()
            .filter(|l| l.kind == LiteralKind::Route)
            .map(|l| l.value)
            .collect()
    }

    #[test]
    fn requests_sent_and_file_paths_are_not_routes() {
        assert_eq!(
            routes(
                "typescript",
                "a.ts",
                "router.get('/users', list);
this.http.get('/api/users');
await axios.post('/login', body);
apiClient.delete('/users/1');
"
            ),
            ["/users"]
        );
        assert_eq!(
            routes(
                "php",
                "a.php",
                "<?php
Route::post('/orders', [OrderController::class, 'store']);
$this->client->post('/reset');
"
            ),
            ["/orders"]
        );
        assert_eq!(
            routes(
                "python",
                "a.py",
                "urlpatterns = [path('admin/', admin.site.urls)]
HOME = Path('/opt/pipx')
BIN = Path('/usr/local/bin')
"
            ),
            ["admin/"]
        );
        assert_eq!(
            routes(
                "go",
                "main.go",
                "package main

func serve() {
	http.HandleFunc(\"/debug/pprof/\", pprof.Index)
	http.HandleFunc(\"/api/scan\", scan)
}
"
            ),
            ["/api/scan"]
        );
    }
}

#[cfg(test)]
mod subscription_tests {
    fn subscriptions(language: &str, path: &str, source: &str) -> Vec<(String, String)> {
        super::choice_tests::facts(language, path, source)
            .subscriptions
            .into_iter()
            .map(|s| (s.function, s.list))
            .collect()
    }

    fn one(function: &str, list: &str) -> Vec<(String, String)> {
        vec![(function.to_string(), list.to_string())]
    }

    #[test]
    fn functions_adding_their_argument_to_a_listener_list_subscribe() {
        assert_eq!(
            subscriptions(
                "javascript",
                "a.js",
                "class E { on(fn) { this.#listeners.add(fn) } }"
            ),
            one("on", "#listeners")
        );
        assert_eq!(
            subscriptions(
                "python",
                "a.py",
                "class H:\n    def register(self, name, fn):\n        self._hooks[name].append(fn)\n"
            ),
            one("register", "_hooks")
        );
        assert_eq!(
            subscriptions(
                "ruby",
                "a.rb",
                "class R\n  def on(name, &block)\n    listeners[name.to_sym] << block\n  end\nend\n"
            ),
            one("on", "listeners")
        );
        assert_eq!(
            subscriptions(
                "go",
                "a.go",
                "package a\nfunc (c *N) OnDeleted(cb func(uint) error) {\n\tc.deletedCallbacks = append(c.deletedCallbacks, cb)\n}\n"
            ),
            one("OnDeleted", "deletedCallbacks")
        );
        assert_eq!(
            subscriptions(
                "php",
                "a.php",
                "<?php\nclass D { function on($e, callable $listener) { $this->listeners[$e][] = $listener; } }\n"
            ),
            one("on", "listeners")
        );
        assert_eq!(
            subscriptions(
                "kotlin",
                "A.kt",
                "class A { fun addListener(l: L) { listeners.add(l) } }"
            ),
            one("addListener", "listeners")
        );
    }

    #[test]
    fn lists_filled_with_what_a_function_builds_are_not_subscriptions() {
        for (language, path, source) in [
            ("javascript", "a.js", "function run() { const p = spawn(); procs.push(p); }"),
            ("go", "a.go", "package a\nfunc hs() (handlers []H) {\n\thandlers = append(handlers, core.Handler)\n\treturn\n}\n"),
            ("python", "a.py", "def setup(level):\n    h = StreamHandler()\n    handlers.append(h)\n"),
            ("javascript", "a.js", "function on(fn) { this.items.push(fn) }"),
        ] {
            assert!(subscriptions(language, path, source).is_empty(), "{source}");
        }
    }
}

#[cfg(test)]
mod choice_tests {
    use super::*;

    /// The facts of one source text, for tests.
    pub(super) fn facts(language: &str, path: &str, source: &str) -> FileFacts {
        let spec = crate::lang::by_id(language).expect("registered");
        parse_file(spec, path, source.as_bytes()).expect("parses")
    }

    fn choices(language: &str, path: &str, source: &str) -> Vec<(String, Vec<String>)> {
        facts(language, path, source)
            .choices
            .into_iter()
            .map(|c| (c.function, c.classes))
            .collect()
    }

    fn one(function: &str, classes: &[&str]) -> Vec<(String, Vec<String>)> {
        vec![(
            function.to_string(),
            classes.iter().map(|c| c.to_string()).collect(),
        )]
    }

    #[test]
    fn constructions_chosen_by_a_condition_are_choices() {
        assert_eq!(
            choices(
                "python",
                "b.py",
                "def get_backend(name):\n    if name == 'uv':\n        return UvBackend()\n    return PipBackend()\n"
            ),
            one("get_backend", &["PipBackend", "UvBackend"])
        );
        assert_eq!(
            choices(
                "java",
                "F.java",
                "class F { Store make(String k) { return switch (k) { case \"a\" -> new AStore(); default -> new BStore<X>(); }; } }"
            ),
            one("make", &["AStore", "BStore"])
        );
        assert_eq!(
            choices(
                "rust",
                "s.rs",
                "fn run(k: Kind) { let e: Box<dyn Executor> = match k { Kind::Raw => Box::new(RawExecutor::new()), Kind::Shell => Box::new(ShellExecutor::new()) }; e.run(); }"
            ),
            one("run", &["Box", "RawExecutor", "ShellExecutor"])
        );
        // A local declared in a branch and returned from it.
        assert_eq!(
            choices(
                "go",
                "m.go",
                "package main\nfunc initStore(p string) Store {\n\tswitch p {\n\tcase \"s3\":\n\t\tup, err := s3.NewStore()\n\t\tcheck(err)\n\t\treturn up\n\tdefault:\n\t\treturn &FsStore{}\n\t}\n}\n"
            ),
            one("initStore", &["FsStore", "s3.NewStore"])
        );
        assert_eq!(
            choices(
                "ruby",
                "f.rb",
                "class X\n  def build(f)\n    case f\n    when :a then AFormatter.new\n    when :b then Fmt::BFormatter.new\n    end\n  end\nend\n"
            ),
            one("build", &["AFormatter", "Fmt::BFormatter"])
        );
    }

    #[test]
    fn full_urls_are_called_not_served() {
        assert!(looks_like_route("get", "/repos/{id}", false));
        assert!(!looks_like_route(
            "get",
            "https://api.github.com/repos/jagrosh/MusicBot/releases",
            false
        ));
    }

    #[test]
    fn classes_listed_in_a_table_by_key_are_a_choice() {
        assert_eq!(
            choices(
                "python",
                "t.py",
                "TRANSPORTS = {\"email\": Email, \"slack\": integrations.Slack, \"n\": 3}\n"
            ),
            one("", &["Email", "Slack"])
        );
        assert_eq!(
            choices(
                "ruby",
                "t.rb",
                "FORMATTERS = { json: Formatters::Json, csv: Formatters::Csv }\n"
            ),
            one("", &["Formatters::Csv", "Formatters::Json"])
        );
    }

    #[test]
    fn objects_built_and_used_or_thrown_in_branches_are_not_choices() {
        // Each client is built and used inside its own `if`.
        assert!(choices(
            "go",
            "n.go",
            "package n\nfunc Broadcast(s S) {\n\tif s.A {\n\t\tc := slack.NewClient(s.U)\n\t\tc.Send()\n\t}\n\tif s.B {\n\t\tc := discord.NewClient(s.H)\n\t\tc.Send()\n\t}\n}\n"
        )
        .is_empty());
        // Errors thrown are not objects chosen.
        assert!(choices(
            "typescript",
            "c.ts",
            "export function check(c: Card) { if (c.expired) { throw new ExpiredCard(); } if (!c.valid) { throw new InvalidCard(); } }"
        )
        .is_empty());
        assert!(choices(
            "python",
            "c.py",
            "def check(q):\n    if not q:\n        raise EmptyQuery()\n    if bad(q):\n        raise BadQuery()\n"
        )
        .is_empty());
        // Passed along in a statement.
        assert!(choices(
            "java",
            "L.java",
            "class L { void f(boolean x) { if (x) { items.add(new Apple()); } else { items.add(new Pear()); } } }"
        )
        .is_empty());
    }
}

#[cfg(test)]
mod held_type_tests {
    use super::*;

    fn fields(language: &str, path: &str, source: &str, ty: &str) -> Vec<String> {
        let spec = crate::lang::by_id(language).expect("registered");
        parse_file(spec, path, source.as_bytes())
            .expect("parses")
            .types
            .into_iter()
            .find(|t| t.name == ty)
            .map(|t| t.fields)
            .unwrap_or_default()
    }

    #[test]
    fn held_types_lose_references_pointers_and_primitives() {
        assert_eq!(held_type("*io.Writer").as_deref(), Some("io.Writer"));
        assert_eq!(held_type("Box<dyn Store + Send>").as_deref(), Some("Store"));
        assert_eq!(
            held_type("Option<Arc<dyn Cache>>").as_deref(),
            Some("Cache")
        );
        assert_eq!(held_type("&'a mut dyn Write").as_deref(), Some("Write"));
        assert_eq!(
            held_type("?LoggerInterface").as_deref(),
            Some("LoggerInterface")
        );
        assert_eq!(held_type(": Handler").as_deref(), Some("Handler"));
        assert_eq!(held_type("List<Handler>").as_deref(), None);
        assert_eq!(
            held_type("ArrayList<Handler>").as_deref(),
            Some("ArrayList")
        );
        assert_eq!(held_type("string"), None);
        assert_eq!(held_type("W"), None);
        assert_eq!(held_type("Option"), None);
        assert_eq!(held_type("Box<"), None);
        assert_eq!(held_type("[]byte"), None);
        assert_eq!(held_type("Handler[]"), None);
        assert_eq!(held_type("Optional[Store]").as_deref(), Some("Store"));
        assert_eq!(
            held_type("typing.Optional[Store]").as_deref(),
            Some("Store")
        );
    }

    #[test]
    fn fields_and_constructor_parameters_are_held_in_every_typed_language() {
        let held = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            fields(
                "java",
                "R.java",
                "class R implements Appendable { private final Appendable delegate; private static Resolver current; R(Appendable d, int n) {} }",
                "R"
            ),
            held(&["Appendable"])
        );
        assert_eq!(
            fields(
                "csharp",
                "C.cs",
                "class C(ILogger log) : IStore { private readonly IStore _inner; public C(IStore inner, string x) {} }",
                "C"
            ),
            held(&["ILogger", "IStore"])
        );
        assert_eq!(
            fields(
                "typescript",
                "c.ts",
                "class C implements Store { private other: Cache; constructor(private readonly inner: Store, n?: number) {} }",
                "C"
            ),
            held(&["Cache", "Store"])
        );
        assert_eq!(
            fields(
                "php",
                "C.php",
                "<?php class C implements WriterInterface { private ?Clock $clock; public function __construct(private WriterInterface $writer, string $x) {} }",
                "C"
            ),
            held(&["Clock", "WriterInterface"])
        );
        assert_eq!(
            fields(
                "python",
                "c.py",
                "class C(Store):\n    ttl: int\n    other: Cache\n    def __init__(self, inner: Store, n: int = 3):\n        pass\n",
                "C"
            ),
            held(&["Cache", "Store"])
        );
        assert_eq!(
            fields(
                "go",
                "w.go",
                "package w\ntype prefixWriter struct {\n\tw io.Writer\n\tprefix string\n\tsync.Mutex\n}\n",
                "prefixWriter"
            ),
            held(&["io.Writer"])
        );
        assert_eq!(
            fields(
                "kotlin",
                "A.kt",
                "class A(private val d: JsonAdapter<T>) : JsonAdapter<T>() { val n: Int = 0 }",
                "A"
            ),
            held(&["JsonAdapter"])
        );
        assert_eq!(
            fields(
                "rust",
                "c.rs",
                "struct Counter<W> { wtr: W, count: u64, sink: Box<dyn Sink> }\nimpl<W: io::Write> io::Write for Counter<W> { fn write(&mut self) {} }\nimpl<W> Clone for Counter<W> where W: Clone {}\n",
                "Counter"
            ),
            held(&["Clone", "Sink", "io::Write"])
        );
    }

    #[test]
    fn functions_taking_and_returning_handlers_wrap_them() {
        let wraps = |language: &str, path: &str, source: &str| -> Vec<(String, Option<String>)> {
            let spec = crate::lang::by_id(language).expect("registered");
            parse_file(spec, path, source.as_bytes())
                .expect("parses")
                .functions
                .into_iter()
                .map(|f| (f.name, f.wraps))
                .collect()
        };
        assert_eq!(
            wraps(
                "go",
                "m.go",
                "package m\nfunc HSTS(h http.Handler) http.Handler { return h }\nfunc (a *App) User(f userHandlerFunc, n int) http.HandlerFunc { return nil }\nfunc Route(p string) http.Handler { return nil }\nfunc Clean(p Path) Path { return p }\n"
            ),
            vec![
                ("HSTS".to_string(), Some("http.Handler".to_string())),
                ("User".to_string(), Some("http.HandlerFunc".to_string())),
                ("Route".to_string(), None),
                ("Clean".to_string(), None),
            ]
        );
        assert_eq!(
            wraps(
                "typescript",
                "w.ts",
                "export function withAuth(handler: NextApiHandler): NextApiHandler { return handler; }\nexport const withLog = (h: RequestHandler): RequestHandler => h;\n"
            ),
            vec![
                ("withAuth".to_string(), Some("NextApiHandler".to_string())),
                ("withLog".to_string(), Some("RequestHandler".to_string())),
            ]
        );
    }

    #[test]
    fn sql_conditions_need_an_operator_with_a_bind_parameter_or_a_join() {
        for sql in [
            "api_key = ?",
            "send_date <= ? AND processing = ?",
            "case_number ILIKE ?",
            "users.id IN (?)",
            "deleted_at IS NULL",
            "JOIN users ON users.id = posts.user_id",
            "LEFT JOIN teams ON teams.id = members.team_id",
        ] {
            assert!(looks_like_sql_condition(sql), "{sql}");
        }
        for not_sql in ["display_name", "name", "", "published", "status: active"] {
            assert!(!looks_like_sql_condition(not_sql), "{not_sql}");
        }
        assert!(is_condition_callee("Where") && is_condition_callee("joins"));
        assert!(!is_condition_callee("find"));
    }

    #[test]
    fn kotlin_delegation_is_a_base() {
        let spec = crate::lang::by_id("kotlin").expect("registered");
        let facts = parse_file(
            spec,
            "R.kt",
            "class R(private val inner: Reporter) : Reporter by inner".as_bytes(),
        )
        .expect("parses");
        let r = facts.types.iter().find(|t| t.name == "R").expect("R");
        assert_eq!(r.bases, vec!["Reporter".to_string()]);
        assert_eq!(r.fields, vec!["Reporter".to_string()]);
    }
}
