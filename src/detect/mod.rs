//! Detect: from facts and the module graph to architecture [`Finding`]s and [`Decision`]s.
//!
//! Every finding is a taxonomy id (`../shared/docs/taxonomy.yaml`, mirrored in
//! [`TAXONOMY`]) with a confidence and the evidence behind it. Signals come from two
//! places: the rule table in `rules.yaml` (names, bases, annotations, imports, direct
//! dependencies, folders, artifacts, literals: data, not code) and the graph-shape
//! detectors of `styles` (layer direction, ports owned by the domain, deployable units).
//! Signals combine by noisy-OR, negative signals scale the result down:
//!
//! ```text
//! confidence = (1 - Π(1 - w) over positive w) × Π(1 + w) over negative w
//! ```
//!
//! Only the application's own code counts: tests, examples, docs, vendored, generated and
//! minified files never produce evidence, and prose (READMEs, ADR text) is never searched
//! for technology names. A rejected ADR can only count against a finding.

mod decisions;
mod rules;
pub(crate) mod styles;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;

use crate::analysis::Analysis;
pub use rules::Rule;

/// Findings at or above this confidence are asserted (see [`threshold`]).
pub const THRESHOLD: f64 = 0.5;
/// The bar for event-driven and pipeline styles, which products show in passing (a broker
/// client in one module, an events folder, a `Step` or `Processor` interface): between 0.5
/// and 0.6 they were wrong more often than right, on the development sets (event-driven 3
/// right, 9 wrong; pipeline from stage types alone 0 right, 3 wrong) and on blind sets
/// 20-28 at first sight (3 right, 3 wrong; 0 right, 6 wrong). The shapes that rank first (clean,
/// hexagonal, CQRS) keep 0.5: samples show them faintly and are right to (a higher bar cost
/// three primary styles on the development sets).
pub const FLOW_THRESHOLD: f64 = 0.6;

/// The confidence at which a finding of `kind` and `id` is asserted.
pub fn threshold(kind: FindingKind, id: &str) -> f64 {
    if kind == FindingKind::Style && matches!(id, "event-driven" | "pipeline") {
        FLOW_THRESHOLD
    } else {
        THRESHOLD
    }
}
/// Evidence items kept per signal.
const EVIDENCE_PER_SIGNAL: usize = 5;
/// Evidence items kept per finding.
const EVIDENCE_PER_FINDING: usize = 12;

/// The taxonomy: every id a finding may carry, by kind.
pub const TAXONOMY: &[(FindingKind, &[&str])] = &[
    (
        FindingKind::Style,
        &[
            "layered",
            "hexagonal",
            "clean",
            "mvc",
            "microservices",
            "modular-monolith",
            "event-driven",
            "cqrs",
            "plugin",
            "pipeline",
            "monolith",
            "library",
            "cli",
        ],
    ),
    (
        FindingKind::Design,
        &[
            "repository",
            "service-layer",
            "dto",
            "factory",
            "builder",
            "singleton",
            "strategy",
            "observer",
            "adapter",
            "decorator-middleware",
            "dependency-injection",
            "unit-of-work",
            "command",
        ],
    ),
    (
        FindingKind::Communication,
        &[
            "rest-http",
            "grpc",
            "graphql",
            "message-queue",
            "websocket",
            "cli",
        ],
    ),
    (
        FindingKind::Data,
        &[
            "orm",
            "migrations",
            "raw-sql",
            "nosql",
            "cache",
            "event-sourcing",
        ],
    ),
];

/// The four kinds of findings.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Architectural style.
    Style,
    /// Design pattern.
    Design,
    /// Communication.
    Communication,
    /// Data management.
    Data,
}

impl FindingKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Style => "style",
            FindingKind::Design => "design",
            FindingKind::Communication => "communication",
            FindingKind::Data => "data",
        }
    }
}

/// A place in the repository that supports a finding or a decision.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize, JsonSchema,
)]
pub struct Evidence {
    /// Path relative to the analysed root (a file or a directory).
    pub path: String,
    /// 1-based line, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Why this place counts.
    pub detail: String,
}

impl Evidence {
    pub(crate) fn at(path: &str, line: Option<u32>, detail: impl Into<String>) -> Self {
        Self {
            path: path.to_string(),
            line,
            detail: detail.into(),
        }
    }
}

/// An asserted finding.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, JsonSchema)]
pub struct Finding {
    /// style, design, communication or data.
    pub kind: FindingKind,
    /// The taxonomy id.
    pub id: String,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// The places that support it, strongest signal first.
    pub evidence: Vec<Evidence>,
}

/// Decision topics.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DecisionTopic {
    /// Main language(s) by code volume.
    Language,
    /// Web framework.
    WebFramework,
    /// Persistence technology and database engines.
    OrmDatabase,
    /// Build tool / package manager.
    Build,
    /// Container and deployment descriptors.
    Deploy,
    /// CI system.
    Ci,
    /// A recorded decision (ADR).
    Adr,
}

/// An architectural decision the repository made, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, JsonSchema)]
pub struct Decision {
    /// The topic.
    pub topic: DecisionTopic,
    /// What was chosen.
    pub choice: String,
    /// Where it shows.
    pub evidence: Vec<Evidence>,
}

/// One signal as evaluated for one id: what it looks for, its weight, what it found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    /// What the signal means.
    pub detail: String,
    /// Its weight: positive counts for, negative against.
    pub weight: f64,
    /// Whether it fired (enough hits).
    pub fired: bool,
    /// How many hits it had.
    pub hits: usize,
    /// The first hits.
    pub evidence: Vec<Evidence>,
}

/// Everything considered for one id, asserted or not: the material of `--explain`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The kind.
    pub kind: FindingKind,
    /// The id.
    pub id: String,
    /// Combined confidence.
    pub confidence: f64,
    /// Whether it is reported.
    pub asserted: bool,
    /// Every signal, fired or not, strongest first.
    pub signals: Vec<Signal>,
}

/// The result of detection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detection {
    /// Asserted findings: by kind, styles by [`style_rank`], then confidence (highest first), then id.
    pub findings: Vec<Finding>,
    /// Decisions, by topic then choice.
    pub decisions: Vec<Decision>,
    /// One assessment per taxonomy id (and kind), for `--explain`.
    pub assessments: Vec<Assessment>,
}

/// Combines signal weights into a confidence (see the module docs).
pub fn combine(signals: &[Signal]) -> f64 {
    let mut missing = 1.0;
    let mut damping = 1.0;
    for s in signals.iter().filter(|s| s.fired) {
        if s.weight >= 0.0 {
            missing *= 1.0 - s.weight.min(1.0);
        } else {
            damping *= 1.0 + s.weight.max(-1.0);
        }
    }
    round2((1.0 - missing) * damping)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Source files from which an application is a product rather than a sample of a style.
const PRODUCT_FILES: usize = 150;

/// Below this confidence a clean, hexagonal, CQRS or modular shape of a product-sized
/// application lists after its monolith.
const FAINT_SHAPE: f64 = 0.6;

/// Runs every detector over an analysis.
pub fn detect(analysis: &Analysis) -> Detection {
    let context = rules::Context::new(analysis);
    // Ids are independent until `settle`: assess them in parallel, keep taxonomy order.
    let ids: Vec<(FindingKind, &str)> = TAXONOMY
        .iter()
        .flat_map(|(kind, ids)| ids.iter().map(move |id| (*kind, *id)))
        .collect();
    let mut assessments: Vec<Assessment> = ids
        .par_iter()
        .map(|(kind, id)| {
            let mut signals = rules::evaluate(&context, *kind, id);
            signals.extend(styles::signals(&context, *kind, id));
            assess(*kind, id, signals)
        })
        .collect();
    styles::settle(&context, &mut assessments);
    styles::stated(&analysis.project.statements, &mut assessments);
    let statements = &analysis.project.statements;

    let mut findings: Vec<Finding> = assessments
        .iter()
        .filter(|a| a.asserted)
        .map(|a| Finding {
            kind: a.kind,
            id: a.id.clone(),
            confidence: a.confidence,
            evidence: strongest_evidence(&a.signals),
        })
        .collect();
    let monolith = findings
        .iter()
        .find(|f| f.kind == FindingKind::Style && f.id == "monolith")
        .map(|f| f.confidence);
    let shape = Shape {
        files: analysis.summary.files,
        read_side: styles::read_side(&context),
        event_sourced: findings
            .iter()
            .any(|f| f.kind == FindingKind::Data && f.id == "event-sourcing"),
    };
    let rank = |f: &Finding| listing_rank(f, monolith, &shape, statements);
    findings.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(rank(a).cmp(&rank(b)))
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.id.cmp(&b.id))
    });
    Detection {
        findings,
        decisions: decisions::decide(analysis, &context),
        assessments,
    }
}

/// What the ranking of styles needs to know about the repository.
struct Shape {
    /// Source files analysed.
    files: usize,
    /// Whether it has a read side of its own ([`styles::read_side`]).
    read_side: bool,
    /// Whether it keeps its state as events (data:event-sourcing is asserted).
    event_sourced: bool,
}

/// Where a finding sorts among the asserted ones of its kind: styles a project's docs name
/// first (a library or command-line tool stays first anyway), then by [`style_rank`], with
/// faint shapes moved beside or after the application they are part of. `monolith` is the
/// monolith's confidence when it is asserted.
fn listing_rank(
    f: &Finding,
    monolith: Option<f64>,
    shape: &Shape,
    statements: &[crate::facts::Statement],
) -> (bool, u8, usize) {
    let files = shape.files;
    let rank = style_rank(&f.id);
    let rank = match monolith {
        // A presentation pattern or layering seen only faintly (folder names alone) does
        // not outrank the application it is part of: it then sorts beside the monolith, by
        // confidence.
        Some(c) if matches!(f.id.as_str(), "mvc" | "layered") && f.confidence < c => {
            style_rank("monolith")
        }
        // In a product-sized application the layering, or the MVC of its web framework, is
        // how the monolith is organised inside, and the monolith is what an architect names
        // first; in a small sample the layering or MVC is what it demonstrates. So is a
        // shape of the code seen only faintly (a folder named `adapters`, two `*Command`
        // classes): a sample of that size is rare, a product that borrowed a folder name is
        // not. (Docs that state the style still put it first.)
        // Commands and queries over one model (MediatR slices) are how the monolith handles
        // requests, not a separate read side.
        Some(_) if f.id == "cqrs" && !shape.read_side => style_rank("monolith") + 1,
        Some(_) if files >= PRODUCT_FILES => {
            let organisation = matches!(f.id.as_str(), "layered" | "mvc");
            let faint_shape = f.confidence < FAINT_SHAPE
                && matches!(
                    f.id.as_str(),
                    "clean" | "hexagonal" | "cqrs" | "modular-monolith"
                );
            if organisation || faint_shape {
                style_rank("monolith") + 1
            } else {
                rank
            }
        }
        _ => rank,
    };
    // The primary style is named the way the project's own docs name it, among the styles
    // its code shows; a library or command-line tool stays that first. Between those two
    // (a package that ships both), what its README calls the product comes first, the
    // first named first ("A CLI tool and Python library"). Among the other styles the docs
    // name, one in the README's title ("# clean-architecture-dotnet") comes before those
    // named further down (a section on how each service is built).
    let said = statements
        .iter()
        .position(|s| f.kind == FindingKind::Style && s.style == f.id);
    let titled = statements
        .iter()
        .any(|s| f.kind == FindingKind::Style && s.style == f.id && s.title());
    // Commands and queries over one model stay how the monolith handles requests where the
    // docs name CQRS only as an item of a feature list or a section's heading ("- Using CQRS
    // Pattern and Mediator Pattern" in go-vertical-slice-template, "## CQRS and
    // Idempotency"). A README titled for it or a sentence saying what the project
    // demonstrates still puts it first, as does an event store: events sourced on the write
    // side are read through projections.
    let one_model_cqrs = f.id == "cqrs"
        && !shape.read_side
        && !shape.event_sourced
        && !titled
        && statements
            .iter()
            .filter(|s| s.style == "cqrs")
            .all(|s| ["- ", "* ", "#"].iter().any(|p| s.text.starts_with(p)));
    match said {
        Some(_) if one_model_cqrs && monolith.is_some() => (true, rank, usize::MAX),
        Some(at) if rank == 0 => (false, 0, at),
        Some(_) => (false, u8::from(!titled) + 1, usize::from(rank)),
        None => (rank > 0, rank, usize::MAX),
    }
}

/// The order in which asserted styles are listed, so that the first is the repository's
/// primary style: what it ships when it is not an application (a library, a command-line
/// tool), then how it is deployed when that is as separate services (microservices: each
/// may be clean inside), then how the code is organised inside (its modules, then the clean
/// or hexagonal shape they have), before a separate read side (CQRS: an app
/// that splits commands from read models says so before naming its web framework), before
/// the presentation pattern (MVC), before the generic layered (both of which an application of
/// `PRODUCT_FILES` source files or more lists after its monolith), before the catch-all monolith
/// (an application that loads plugins is first an application), before plugin hosts and
/// pipelines; event-driven describes how parts talk and comes last. Other kinds are ordered
/// by confidence alone.
pub fn style_rank(id: &str) -> u8 {
    match id {
        // A repository that ships a library or a command-line tool is that first, whatever
        // shape its insides have (MediatR's handlers are its product, not a CQRS system).
        "cli" | "library" => 0,
        "microservices" => 1,
        // Modules first, then how each is organised inside (clean or hexagonal modules).
        "modular-monolith" => 2,
        "clean" | "hexagonal" => 3,
        "cqrs" => 4,
        "mvc" => 5,
        "layered" => 6,
        "monolith" => 7,
        "plugin" | "pipeline" => 8,
        _ => 9,
    }
}

/// Builds an assessment: signals sorted strongest first, confidence combined, assertion
/// only with evidence.
pub(crate) fn assess(kind: FindingKind, id: &str, mut signals: Vec<Signal>) -> Assessment {
    signals.sort_by(|a, b| {
        b.fired
            .cmp(&a.fired)
            .then(b.weight.total_cmp(&a.weight))
            .then(a.detail.cmp(&b.detail))
    });
    let confidence = combine(&signals);
    let has_evidence = signals
        .iter()
        .any(|s| s.fired && s.weight > 0.0 && !s.evidence.is_empty());
    Assessment {
        kind,
        id: id.to_string(),
        confidence,
        asserted: confidence >= threshold(kind, id) && has_evidence,
        signals,
    }
}

fn strongest_evidence(signals: &[Signal]) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for signal in signals.iter().filter(|s| s.fired && s.weight > 0.0) {
        for e in &signal.evidence {
            if out.len() >= EVIDENCE_PER_FINDING {
                return out;
            }
            if !out.iter().any(|o| o.path == e.path && o.line == e.line) {
                out.push(e.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signal(weight: f64, fired: bool) -> Signal {
        Signal {
            detail: String::new(),
            weight,
            fired,
            hits: usize::from(fired),
            evidence: vec![],
        }
    }

    fn style(id: &str, confidence: f64) -> Finding {
        Finding {
            kind: FindingKind::Style,
            id: id.to_string(),
            confidence,
            evidence: vec![],
        }
    }

    #[test]
    fn faint_shapes_of_a_product_list_after_its_monolith() {
        let faint = style("hexagonal", 0.51);
        let monolith = style("monolith", 0.55);
        let shape = |files| Shape {
            files,
            read_side: true,
            event_sourced: false,
        };
        let rank = |f: &Finding, files| listing_rank(f, Some(0.55), &shape(files), &[]);
        // A product that borrowed a folder name is first a monolith ...
        assert!(rank(&faint, 400) > rank(&monolith, 400));
        // ... a small sample demonstrates the shape, and a strong shape is the architecture.
        assert!(rank(&faint, 20) < rank(&monolith, 20));
        assert!(rank(&style("hexagonal", 0.8), 400) < rank(&monolith, 400));
        // Docs that name the style put it first whatever its strength.
        let stated = [crate::facts::Statement {
            style: "hexagonal".into(),
            path: "README.md".into(),
            line: 3,
            text: "Hexagonal architecture".into(),
            generic: false,
        }];
        assert!(
            listing_rank(&faint, Some(0.55), &shape(400), &stated)
                < listing_rank(&monolith, Some(0.55), &shape(400), &stated)
        );
    }

    #[test]
    fn the_style_in_the_readme_title_lists_before_other_stated_styles() {
        let said = |style: &str, line: u32, text: &str| crate::facts::Statement {
            style: style.into(),
            path: "README.md".into(),
            line,
            text: text.into(),
            generic: false,
        };
        let shape = Shape {
            files: 60,
            read_side: true,
            event_sourced: false,
        };
        let rank =
            |f: &Finding, stated: &[crate::facts::Statement]| listing_rank(f, None, &shape, stated);
        let (micro, clean) = (style("microservices", 0.6), style("clean", 0.7));
        let body = [
            said("clean", 40, "The solution follows Clean Architecture."),
            said(
                "microservices",
                200,
                "## Product service structure (microservice)",
            ),
        ];
        // Both named further down: how it is deployed comes first.
        assert!(rank(&micro, &body) < rank(&clean, &body));
        let titled = [
            said("clean", 1, "# clean-architecture-dotnet"),
            said(
                "microservices",
                200,
                "## Product service structure (microservice)",
            ),
        ];
        assert!(rank(&clean, &titled) < rank(&micro, &titled));
        // A library stays first whatever the title says.
        let library = style("library", 0.6);
        assert!(rank(&library, &titled) < rank(&clean, &titled));
    }

    #[test]
    fn commands_and_queries_over_one_model_list_after_the_monolith() {
        let cqrs = style("cqrs", 0.8);
        let monolith = style("monolith", 0.55);
        let rank_stated = |f: &Finding, read_side, stated: &[crate::facts::Statement]| {
            let shape = Shape {
                files: 60,
                read_side,
                event_sourced: false,
            };
            listing_rank(f, Some(0.55), &shape, stated)
        };
        let rank = |f: &Finding, read_side| rank_stated(f, read_side, &[]);
        // MediatR slices over one DbContext: a monolith handling requests as commands.
        assert!(rank(&cqrs, false) > rank(&monolith, false));
        // Read models of their own: CQRS is the architecture.
        assert!(rank(&cqrs, true) < rank(&monolith, true));
        // A README that lists "the CQRS pattern" among its features does not change that;
        // one titled for it, or a sentence saying what it demonstrates, does.
        let said = |line: u32, text: &str| crate::facts::Statement {
            style: "cqrs".into(),
            path: "README.md".into(),
            line,
            text: text.into(),
            generic: false,
        };
        let listed = [said(11, "- Using CQRS Pattern and Mediator Pattern")];
        assert!(rank_stated(&cqrs, false, &listed) > rank_stated(&monolith, false, &listed));
        let titled = [said(1, "Welcome to CQRS in Practice")];
        assert!(rank_stated(&cqrs, false, &titled) < rank_stated(&monolith, false, &titled));
        let sentence = [said(
            3,
            "Sample ordering service demonstrating CQRS with MediatR",
        )];
        assert!(rank_stated(&cqrs, false, &sentence) < rank_stated(&monolith, false, &sentence));
    }

    #[test]
    fn noisy_or_with_damping() {
        assert_eq!(combine(&[signal(0.5, true), signal(0.5, true)]), 0.75);
        assert_eq!(combine(&[signal(0.8, true), signal(-0.5, true)]), 0.4);
        assert_eq!(combine(&[signal(0.8, false)]), 0.0);
        assert_eq!(combine(&[]), 0.0);
    }

    #[test]
    fn no_finding_without_evidence() {
        let a = assess(FindingKind::Design, "x", vec![signal(0.9, true)]);
        assert!(
            !a.asserted,
            "a confident signal without evidence is not reported"
        );
    }

    #[test]
    fn taxonomy_matches_the_shared_vocabulary() {
        // Read at run time: a test binary shared between clones keeps its compile-time path.
        let root = std::env::var("CARGO_MANIFEST_DIR")
            .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
        let path = format!("{root}/../shared/docs/taxonomy.yaml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            // CI clones keep shared/ beside the checkout; a lone crate checkout has none.
            return;
        };
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text).expect("taxonomy parses");
        for (kind, ids) in TAXONOMY {
            let section = yaml.get(kind.as_str()).expect("section exists");
            let mut expected: Vec<String> = section
                .as_mapping()
                .expect("mapping")
                .keys()
                .filter_map(|k| k.as_str().map(String::from))
                .collect();
            expected.sort();
            let mut ours: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
            ours.sort();
            assert_eq!(
                ours,
                expected,
                "{} ids differ from taxonomy.yaml",
                kind.as_str()
            );
        }
    }
}
