//! Style detectors that read the shape of the system: which layers exist and which way
//! their dependencies point, whether the domain owns the interfaces its adapters
//! implement, how many deployable units there are, whether the repository is an
//! application at all. They add signals to the rule table's and settle the styles that
//! depend on other findings (monolith, library, cli, event-driven).

use std::collections::BTreeSet;

use super::rules::{is_example_path, is_test_path, Context};
use super::{assess, Assessment, Evidence, FindingKind, Signal};
use crate::parse::TypeKind;

/// A layer of the classic layered architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Presentation,
    Business,
    Data,
}

const PRESENTATION: &[&str] = &[
    "controller",
    "controllers",
    "handler",
    "handlers",
    "api",
    "web",
    "routes",
    "router",
    "routers",
    "views",
    "view",
    "ui",
    "presentation",
    "http",
    "rest",
    "endpoints",
    "resources",
    "delivery",
    "transport",
    "graphql",
    "grpc",
];
const BUSINESS: &[&str] = &[
    "service",
    "services",
    "application",
    "usecase",
    "usecases",
    "use_cases",
    "business",
    "logic",
    "domain",
    "core",
    "app",
];
const DATA: &[&str] = &[
    "repository",
    "repositories",
    "repo",
    "dao",
    "daos",
    "data",
    "persistence",
    "store",
    "stores",
    "storage",
    "db",
    "database",
    "dal",
    "infrastructure",
    "infra",
    "models",
    "model",
    "entities",
    "entity",
];

/// Vocabulary of the domain core (clean, hexagonal, onion).
const CORE: &[&str] = &["domain", "core", "entities", "entity", "model", "models"];
/// Vocabulary of the outer ring.
const OUTER: &[&str] = &[
    "infrastructure",
    "infra",
    "adapters",
    "adapter",
    "persistence",
    "db",
    "database",
    "repository",
    "repositories",
    "web",
    "api",
    "http",
    "controllers",
    "delivery",
    "framework",
    "frameworks",
    "external",
    "gateways",
    "driven",
    "driving",
    "outbound",
    "inbound",
];

/// Service images that are infrastructure, not the application's own deployable units.
const INFRA_IMAGES: &[&str] = &[
    "postgres",
    "mysql",
    "mariadb",
    "mongo",
    "redis",
    "memcached",
    "kafka",
    "zookeeper",
    "rabbitmq",
    "nats",
    "elasticsearch",
    "opensearch",
    "kibana",
    "grafana",
    "prometheus",
    "jaeger",
    "zipkin",
    "nginx",
    "traefik",
    "envoy",
    "minio",
    "localstack",
    "mailhog",
    "mailpit",
    "adminer",
    "pgadmin",
    "keycloak",
    "vault",
    "consul",
    "etcd",
    "otel",
    "collector",
    "loki",
    "tempo",
    "db",
    "cache",
    "broker",
    "queue",
    "proxy",
    "gateway",
    "mssql",
    "sqlserver",
    "cassandra",
    "clickhouse",
    "influxdb",
    "selenium",
    "wiremock",
];

fn last_word(segment: &str) -> String {
    // C# projects are folders like `Shop.Infrastructure`: the role is the last word.
    segment
        .rsplit('.')
        .next()
        .unwrap_or(segment)
        .to_ascii_lowercase()
}

fn layer_of(module: &str) -> Option<Layer> {
    for segment in module.split('/').rev() {
        let word = last_word(segment);
        if PRESENTATION.contains(&word.as_str()) {
            return Some(Layer::Presentation);
        }
        if DATA.contains(&word.as_str()) {
            return Some(Layer::Data);
        }
        if BUSINESS.contains(&word.as_str()) {
            return Some(Layer::Business);
        }
    }
    None
}

fn in_vocabulary(module: &str, words: &[&str]) -> bool {
    module
        .split('/')
        .any(|segment| words.contains(&last_word(segment).as_str()))
}

fn signal(detail: &str, weight: f64, evidence: Vec<Evidence>) -> Signal {
    Signal {
        detail: detail.to_string(),
        weight,
        fired: !evidence.is_empty(),
        hits: evidence.len(),
        evidence,
    }
}

fn quiet(detail: &str, weight: f64) -> Signal {
    signal(detail, weight, Vec::new())
}

/// Application modules (not tests or examples) with their ids.
fn app_modules<'a>(ctx: &'a Context) -> Vec<&'a str> {
    ctx.analysis
        .modules
        .iter()
        .filter(|m| {
            m.files > 0
                && !is_test_path(&format!("{}/x", m.id))
                && !is_example_path(&format!("{}/x", m.id))
        })
        .map(|m| m.id.as_str())
        .collect()
}

/// Graph-shape signals for a style id (none for other kinds).
pub fn signals(ctx: &Context, kind: FindingKind, id: &str) -> Vec<Signal> {
    if kind != FindingKind::Style {
        return Vec::new();
    }
    match id {
        "layered" => layered(ctx),
        "hexagonal" => hexagonal(ctx),
        "clean" => clean(ctx),
        "mvc" => mvc(ctx),
        "microservices" => microservices(ctx),
        "modular-monolith" => modular_monolith(ctx),
        "library" => library(ctx),
        _ => Vec::new(),
    }
}

fn layered(ctx: &Context) -> Vec<Signal> {
    let modules = app_modules(ctx);
    let mut by_layer: std::collections::BTreeMap<Layer, Vec<&str>> = Default::default();
    for m in &modules {
        if let Some(layer) = layer_of(m) {
            by_layer.entry(layer).or_default().push(m);
        }
    }
    let present = by_layer.len();
    let evidence: Vec<Evidence> = by_layer
        .iter()
        .flat_map(|(layer, ms)| {
            ms.iter()
                .take(2)
                .map(move |m| Evidence::at(m, None, format!("{layer:?} layer")))
        })
        .collect();
    let mut out = vec![
        if present >= 2 {
            signal(
                "two or more of presentation, business and data layers hold code",
                0.45,
                evidence.clone(),
            )
        } else {
            quiet(
                "two or more of presentation, business and data layers hold code",
                0.45,
            )
        },
        if present == 3 {
            signal("all three layers hold code", 0.25, evidence)
        } else {
            quiet("all three layers hold code", 0.25)
        },
    ];
    let (mut down, mut up) = (Vec::new(), Vec::new());
    for edge in &ctx.analysis.edges {
        if let (Some(from), Some(to)) = (layer_of(&edge.from), layer_of(&edge.to)) {
            let site = edge.sites.first();
            let e = Evidence::at(
                site.map(|s| s.file.as_str()).unwrap_or(&edge.from),
                site.map(|s| s.line),
                format!("{} ({from:?}) depends on {} ({to:?})", edge.from, edge.to),
            );
            match from.cmp(&to) {
                std::cmp::Ordering::Less => down.push(e),
                std::cmp::Ordering::Greater => up.push(e),
                std::cmp::Ordering::Equal => {}
            }
        }
    }
    let (downs, ups) = (down.len(), up.len());
    out.push(if downs >= 2 && ups == 0 {
        signal(
            "dependencies point downward only, from presentation to business to data",
            0.35,
            down,
        )
    } else {
        quiet(
            "dependencies point downward only, from presentation to business to data",
            0.35,
        )
    });
    out.push(if ups > downs {
        signal("more dependencies point up the layers than down", -0.4, up)
    } else {
        quiet("more dependencies point up the layers than down", -0.4)
    });
    out
}

/// Interfaces declared in core modules and implemented in outer modules: ports and adapters.
fn owned_ports(ctx: &Context) -> Vec<Evidence> {
    let mut interfaces: std::collections::HashMap<&str, &str> = Default::default();
    for file in &ctx.app_files {
        let module = crate::graph::module_of(&file.path);
        if !in_vocabulary(module, CORE)
            && !in_vocabulary(
                module,
                &["application", "ports", "port", "usecases", "usecase"],
            )
        {
            continue;
        }
        for t in &file.types {
            if matches!(t.kind, TypeKind::Interface | TypeKind::Trait) {
                interfaces.insert(t.name.as_str(), file.path.as_str());
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &ctx.app_files {
        let module = crate::graph::module_of(&file.path);
        if !in_vocabulary(module, OUTER) {
            continue;
        }
        let implemented = file
            .types
            .iter()
            .flat_map(|t| {
                t.bases
                    .iter()
                    .map(move |b| (t.name.as_str(), b.as_str(), t.line))
            })
            .chain(
                file.implementations
                    .iter()
                    .map(|i| (i.type_name.as_str(), i.trait_name.as_str(), i.line)),
            );
        for (ty, base, line) in implemented {
            let base = base.split('<').next().unwrap_or(base);
            let base = base.rsplit(['.', ':']).next().unwrap_or(base);
            if let Some(port_file) = interfaces.get(base) {
                if seen.insert((ty.to_string(), base.to_string())) {
                    out.push(Evidence::at(
                        &file.path,
                        Some(line),
                        format!("{ty} implements {base}, declared in {port_file}"),
                    ));
                }
            }
        }
    }
    out
}

/// Edges from the core to the outer ring: the dependency rule broken.
fn inward_violations(ctx: &Context) -> (usize, Vec<Evidence>) {
    let mut core_edges = 0;
    let mut violations = Vec::new();
    for edge in &ctx.analysis.edges {
        if in_vocabulary(&edge.from, CORE) && !in_vocabulary(&edge.from, OUTER) {
            core_edges += 1;
            if in_vocabulary(&edge.to, OUTER) && !in_vocabulary(&edge.to, CORE) {
                let site = edge.sites.first();
                violations.push(Evidence::at(
                    site.map(|s| s.file.as_str()).unwrap_or(&edge.from),
                    site.map(|s| s.line),
                    format!(
                        "core module {} depends on outer module {}",
                        edge.from, edge.to
                    ),
                ));
            }
        }
    }
    (core_edges, violations)
}

fn hexagonal(ctx: &Context) -> Vec<Signal> {
    let ports = ctx.has_dir(&["ports", "port"]);
    let adapters = ctx.has_dir(&["adapters", "adapter"]);
    let both: Vec<Evidence> = match (ports, adapters) {
        (Some(p), Some(a)) => p
            .iter()
            .take(2)
            .chain(a.iter().take(2))
            .map(|m| Evidence::at(m, None, "ports / adapters folder"))
            .collect(),
        _ => Vec::new(),
    };
    let one: Vec<Evidence> = ports
        .or(adapters)
        .map(|s| {
            s.iter()
                .take(3)
                .map(|m| Evidence::at(m, None, "ports or adapters folder"))
                .collect()
        })
        .unwrap_or_default();
    let sides: Vec<Evidence> = ctx
        .has_dir(&[
            "driving",
            "driven",
            "inbound",
            "outbound",
            "primary",
            "secondary",
        ])
        .map(|s| {
            s.iter()
                .take(3)
                .map(|m| Evidence::at(m, None, "driving / driven side folder"))
                .collect()
        })
        .unwrap_or_default();
    let owned = owned_ports(ctx);
    let (_, violations) = inward_violations(ctx);
    vec![
        signal("ports and adapters folders hold code", 0.75, both),
        signal("a ports or adapters folder holds code", 0.35, one),
        signal("driving / driven (inbound / outbound) sides", 0.4, sides),
        if owned.len() >= 2 {
            signal(
                "interfaces owned by the core are implemented at the edge",
                0.35,
                owned,
            )
        } else {
            quiet(
                "interfaces owned by the core are implemented at the edge",
                0.35,
            )
        },
        signal("the core depends on the outer ring", -0.3, violations),
    ]
}

fn clean(ctx: &Context) -> Vec<Signal> {
    let mut out = Vec::new();
    let use_cases = ctx.has_dir(&[
        "usecases",
        "usecase",
        "use_cases",
        "use-cases",
        "interactors",
    ]);
    let entities = ctx.has_dir(&["entities", "entity", "domain"]);
    let outer = ctx.has_dir(&[
        "infrastructure",
        "frameworks",
        "interfaces",
        "adapters",
        "delivery",
        "gateways",
    ]);
    let ev = |set: Option<&BTreeSet<String>>, what: &str| -> Vec<Evidence> {
        set.map(|s| {
            s.iter()
                .take(2)
                .map(|m| Evidence::at(m, None, what.to_string()))
                .collect()
        })
        .unwrap_or_default()
    };
    let mut rings = ev(entities, "entities / domain ring");
    rings.extend(ev(use_cases, "use-case ring"));
    rings.extend(ev(outer, "outer ring"));
    out.push(if entities.is_some() && use_cases.is_some() {
        signal(
            "entities and use cases in their own folders",
            0.6,
            rings.clone(),
        )
    } else {
        quiet("entities and use cases in their own folders", 0.6)
    });
    out.push(signal(
        "a use-cases folder holds code",
        0.3,
        ev(use_cases, "use-case ring"),
    ));
    // Onion / .NET clean templates: Domain, Application and Infrastructure projects side by side.
    let projects: Vec<&str> = ["domain", "application", "infrastructure"]
        .into_iter()
        .filter(|w| {
            ctx.dirs
                .keys()
                .any(|d| d == w || d.ends_with(&format!(".{w}")))
        })
        .collect();
    let project_ev: Vec<Evidence> = ctx
        .dirs
        .iter()
        .filter(|(d, _)| {
            ["domain", "application", "infrastructure"]
                .iter()
                .any(|w| d.as_str() == *w || d.ends_with(&format!(".{w}")))
        })
        .flat_map(|(_, paths)| paths.iter().take(1))
        .take(4)
        .map(|m| Evidence::at(m, None, "domain / application / infrastructure ring"))
        .collect();
    out.push(if projects.len() == 3 {
        signal(
            "domain, application and infrastructure rings",
            0.55,
            project_ev,
        )
    } else {
        quiet("domain, application and infrastructure rings", 0.55)
    });
    let (core_edges, violations) = inward_violations(ctx);
    let inward: Vec<Evidence> =
        if core_edges > 0 && violations.is_empty() && (entities.is_some() && outer.is_some()) {
            rings
        } else {
            Vec::new()
        };
    out.push(signal(
        "the core depends on nothing outside it (dependencies point inward)",
        0.2,
        inward,
    ));
    out.push(signal(
        "the core depends on the outer ring",
        -0.35,
        violations,
    ));
    out
}

fn mvc(ctx: &Context) -> Vec<Signal> {
    let m = ctx.has_dir(&["models", "model"]);
    let v = ctx.has_dir(&["views", "view", "templates"]);
    let c = ctx.has_dir(&["controllers", "controller"]);
    let ev = |sets: &[Option<&BTreeSet<String>>]| -> Vec<Evidence> {
        sets.iter()
            .flatten()
            .flat_map(|s| s.iter().take(1))
            .map(|p| Evidence::at(p, None, "model / view / controller folder"))
            .collect()
    };
    // Views are templates more often than code: look for them among all files too.
    let templates: Vec<Evidence> = ctx
        .analysis
        .files
        .iter()
        .map(|f| f.path.as_str())
        .chain(
            ctx.analysis
                .project
                .artifacts
                .iter()
                .map(|a| a.path.as_str()),
        )
        .filter(|p| p.contains("/views/") || p.starts_with("views/") || p.contains("/templates/"))
        .take(2)
        .map(|p| Evidence::at(p, None, "view templates"))
        .collect();
    let django: Vec<Evidence> = ctx
        .app_files
        .iter()
        .filter(|f| f.path.ends_with("/models.py"))
        .filter(|f| {
            let dir = crate::graph::module_of(&f.path);
            ctx.app_files
                .iter()
                .any(|g| g.path == format!("{dir}/views.py"))
        })
        .take(3)
        .map(|f| Evidence::at(&f.path, None, "Django app with models.py and views.py"))
        .collect();
    let mvc_frameworks: Vec<Evidence> = ctx
        .analysis
        .project
        .frameworks
        .iter()
        .filter(|f| {
            matches!(
                f.name.as_str(),
                "Rails" | "Django" | "Laravel" | "Spring MVC" | "Symfony" | "Sinatra"
            )
        })
        .map(|f| {
            Evidence::at(
                &f.manifest,
                None,
                format!("{} organises code as MVC", f.name),
            )
        })
        .collect();
    vec![
        if m.is_some() && v.is_some() && c.is_some() {
            signal("models, views and controllers folders", 0.8, ev(&[m, v, c]))
        } else {
            quiet("models, views and controllers folders", 0.8)
        },
        if m.is_some() && c.is_some() {
            signal("models and controllers folders", 0.5, ev(&[m, c]))
        } else {
            quiet("models and controllers folders", 0.5)
        },
        if c.is_some() {
            signal("controllers with view templates", 0.3, templates)
        } else {
            quiet("controllers with view templates", 0.3)
        },
        signal("Django apps (models.py + views.py)", 0.7, django),
        signal("an MVC web framework", 0.35, mvc_frameworks),
    ]
}

/// Deployable units: directories with their own Dockerfile, app services in compose
/// files, Kubernetes workloads.
fn deployable_units(ctx: &Context) -> (Vec<Evidence>, Vec<Evidence>, Vec<Evidence>) {
    let mut dockerfiles = Vec::new();
    let mut dirs = BTreeSet::new();
    let mut compose = Vec::new();
    let mut workloads = Vec::new();
    for infra in &ctx.analysis.project.infrastructure {
        if is_test_path(&infra.path) || is_example_path(&infra.path) {
            continue;
        }
        match infra.kind.as_str() {
            "dockerfile" => {
                let dir = crate::graph::module_of(&infra.path).to_string();
                if dirs.insert(dir) {
                    dockerfiles.push(Evidence::at(&infra.path, None, "its own container image"));
                }
            }
            "compose" => {
                for service in &infra.items {
                    let lower = service.to_ascii_lowercase();
                    if !INFRA_IMAGES.iter().any(|i| lower.contains(i)) {
                        compose.push(Evidence::at(
                            &infra.path,
                            None,
                            format!("compose service {service}"),
                        ));
                    }
                }
            }
            "kubernetes" | "serverless" => {
                for item in &infra.items {
                    if item.starts_with("Deployment/")
                        || item.starts_with("StatefulSet/")
                        || infra.kind == "serverless"
                    {
                        let lower = item.to_ascii_lowercase();
                        if !INFRA_IMAGES.iter().any(|i| lower.contains(i)) {
                            workloads.push(Evidence::at(
                                &infra.path,
                                None,
                                format!("workload {item}"),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    (dockerfiles, compose, workloads)
}

fn microservices(ctx: &Context) -> Vec<Signal> {
    let (dockerfiles, compose, workloads) = deployable_units(ctx);
    let service_dirs: Vec<Evidence> = ["services", "apps", "microservices", "svc"]
        .iter()
        .filter_map(|d| ctx.dirs.get(*d))
        .flat_map(|paths| paths.iter())
        .filter(|p| p.split('/').count() <= 2)
        .flat_map(|p| {
            let prefix = format!("{p}/");
            ctx.analysis.project.manifests.iter().filter(move |m| {
                m.path.starts_with(&prefix) && m.path[prefix.len()..].matches('/').count() == 1
            })
        })
        .map(|m| Evidence::at(&m.path, None, "a service with its own manifest"))
        .collect();
    vec![
        if dockerfiles.len() >= 2 {
            signal(
                "several directories build their own container image",
                0.6,
                dockerfiles.clone(),
            )
        } else {
            quiet("several directories build their own container image", 0.6)
        },
        if dockerfiles.len() >= 4 {
            signal("many container images", 0.3, dockerfiles)
        } else {
            quiet("many container images", 0.3)
        },
        if compose.len() >= 2 {
            signal(
                "several application services in compose files",
                0.45,
                compose,
            )
        } else {
            quiet("several application services in compose files", 0.45)
        },
        if workloads.len() >= 2 {
            signal("several Kubernetes / serverless workloads", 0.45, workloads)
        } else {
            quiet("several Kubernetes / serverless workloads", 0.45)
        },
        if service_dirs.len() >= 2 {
            signal("services/* each with its own manifest", 0.5, service_dirs)
        } else {
            quiet("services/* each with its own manifest", 0.5)
        },
    ]
}

fn modular_monolith(ctx: &Context) -> Vec<Signal> {
    let modules: Vec<String> = [
        "modules",
        "bounded-contexts",
        "boundedcontexts",
        "contexts",
        "features",
        "components",
    ]
    .iter()
    .filter_map(|d| ctx.dirs.get(*d))
    .flat_map(|paths| paths.iter())
    .flat_map(|root| {
        let prefix = format!("{root}/");
        ctx.app_files.iter().filter_map(move |f| {
            f.path
                .strip_prefix(&prefix)
                .and_then(|rest| rest.split_once('/'))
                .map(|(child, _)| format!("{prefix}{child}"))
        })
    })
    .collect::<BTreeSet<String>>()
    .into_iter()
    .collect();
    let (dockerfiles, _, _) = deployable_units(ctx);
    let ev: Vec<Evidence> = modules
        .iter()
        .take(4)
        .map(|m| Evidence::at(m, None, "a module with its own code"))
        .collect();
    vec![
        if modules.len() >= 3 {
            signal(
                "three or more sibling modules under a modules folder",
                0.55,
                ev.clone(),
            )
        } else {
            quiet("three or more sibling modules under a modules folder", 0.55)
        },
        if modules.len() >= 3 && dockerfiles.len() <= 1 {
            signal("the modules ship as one deployable unit", 0.2, ev)
        } else {
            quiet("the modules ship as one deployable unit", 0.2)
        },
        if dockerfiles.len() >= 3 {
            signal("several deployable units", -0.5, dockerfiles)
        } else {
            quiet("several deployable units", -0.5)
        },
    ]
}

/// Evidence that the repository is an application: entry points, web / frontend frameworks, deploy files.
fn application_evidence(ctx: &Context) -> Vec<Evidence> {
    let mut out = Vec::new();
    for f in &ctx.analysis.project.frameworks {
        if matches!(f.category.as_str(), "web" | "frontend") {
            out.push(Evidence::at(
                &f.manifest,
                None,
                format!("{} application", f.name),
            ));
        }
    }
    for file in &ctx.app_files {
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let entry = match file.language.as_str() {
            "rust" => file.path.ends_with("src/main.rs") || file.path.contains("src/bin/"),
            "go" => {
                file.module.as_deref() == Some("main")
                    && file.functions.iter().any(|f| f.name == "main")
            }
            "python" => matches!(
                name,
                "__main__.py" | "manage.py" | "main.py" | "app.py" | "wsgi.py" | "asgi.py"
            ),
            "java" | "kotlin" | "csharp" => {
                file.functions
                    .iter()
                    .any(|f| f.name == "main" || f.name == "Main")
                    || name == "Program.cs"
            }
            "javascript" | "typescript" | "tsx" => matches!(
                name,
                "server.js"
                    | "server.ts"
                    | "main.ts"
                    | "main.tsx"
                    | "index.tsx"
                    | "app.js"
                    | "app.ts"
            ),
            "php" => name == "index.php" || name == "artisan",
            "ruby" => file.path.starts_with("config/") && name == "application.rb",
            _ => false,
        };
        if entry {
            out.push(Evidence::at(&file.path, None, "application entry point"));
        }
    }
    for infra in &ctx.analysis.project.infrastructure {
        if !is_test_path(&infra.path) && !is_example_path(&infra.path) {
            out.push(Evidence::at(
                &infra.path,
                None,
                format!("{} deployment", infra.kind),
            ));
        }
    }
    out.truncate(6);
    out
}

fn library(ctx: &Context) -> Vec<Signal> {
    let app = application_evidence(ctx);
    let lib_entries: Vec<Evidence> = ctx
        .app_files
        .iter()
        .filter(|f| {
            f.path.ends_with("src/lib.rs")
                || f.path.ends_with(".gemspec")
                || (f.language == "python"
                    && f.path.ends_with("/__init__.py")
                    && f.path.matches('/').count() <= 2)
        })
        .take(3)
        .map(|f| Evidence::at(&f.path, None, "a library entry point"))
        .collect();
    let published: Vec<Evidence> = ctx
        .analysis
        .project
        .manifests
        .iter()
        .filter(|m| m.name.is_some() && m.path.matches('/').count() == 0)
        .map(|m| Evidence::at(&m.path, None, "a named, publishable package"))
        .collect();
    vec![
        if app.is_empty() {
            signal(
                "library entry points and no application entry point, web framework or deployment",
                0.6,
                lib_entries,
            )
        } else {
            quiet(
                "library entry points and no application entry point, web framework or deployment",
                0.6,
            )
        },
        if app.is_empty() {
            signal(
                "a publishable package without an application",
                0.3,
                published,
            )
        } else {
            quiet("a publishable package without an application", 0.3)
        },
        signal(
            "an application: entry point, web framework or deployment",
            -0.6,
            app,
        ),
    ]
}

/// Styles that follow from other findings: event-driven from a message queue, the `cli`
/// style from the `cli` interface, monolith for a single deployable application.
pub fn settle(ctx: &Context, assessments: &mut [Assessment]) {
    let asserted = |list: &[Assessment], kind: FindingKind, id: &str| {
        list.iter()
            .find(|a| a.kind == kind && a.id == id && a.asserted)
            .cloned()
    };
    let mq = asserted(assessments, FindingKind::Communication, "message-queue");
    let cli = asserted(assessments, FindingKind::Communication, "cli");
    let rest = asserted(assessments, FindingKind::Communication, "rest-http");
    let micro = asserted(assessments, FindingKind::Style, "microservices");
    let modular = asserted(assessments, FindingKind::Style, "modular-monolith");
    let library = asserted(assessments, FindingKind::Style, "library");

    for a in assessments
        .iter_mut()
        .filter(|a| a.kind == FindingKind::Style)
    {
        let mut signals = std::mem::take(&mut a.signals);
        match a.id.as_str() {
            "event-driven" => {
                let ev = mq
                    .as_ref()
                    .map(|m| {
                        m.signals
                            .iter()
                            .filter(|s| s.fired)
                            .flat_map(|s| s.evidence.clone())
                            .take(3)
                            .collect()
                    })
                    .unwrap_or_default();
                signals.push(signal("components talk through a message broker", 0.3, ev));
            }
            "cli" => {
                let ev: Vec<Evidence> = cli
                    .as_ref()
                    .map(|c| {
                        c.signals
                            .iter()
                            .filter(|s| s.fired && s.weight > 0.0)
                            .flat_map(|s| s.evidence.clone())
                            .take(4)
                            .collect()
                    })
                    .unwrap_or_default();
                let weight = cli.as_ref().map(|c| c.confidence.min(0.9)).unwrap_or(0.0);
                signals.push(if weight > 0.0 {
                    signal("a command-line interface is the entry point", weight, ev)
                } else {
                    quiet("a command-line interface is the entry point", 0.75)
                });
                let web: Vec<Evidence> = rest
                    .as_ref()
                    .map(|r| {
                        r.signals
                            .iter()
                            .filter(|s| s.fired)
                            .flat_map(|s| s.evidence.clone())
                            .take(2)
                            .collect()
                    })
                    .unwrap_or_default();
                signals.push(signal("it also serves HTTP", -0.5, web));
            }
            "monolith" => {
                let app = application_evidence(ctx);
                let single = micro.is_none() && modular.is_none() && library.is_none();
                signals.push(if single && !app.is_empty() {
                    // Generic: it yields to any more specific style (kept below their usual confidence).
                    signal("one deployable application without separately deployed services or declared modules", 0.55, app)
                } else {
                    quiet("one deployable application without separately deployed services or declared modules", 0.55)
                });
            }
            _ => {
                a.signals = signals;
                continue;
            }
        }
        *a = assess(a.kind, &a.id, signals);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_read_from_the_innermost_role_word() {
        assert_eq!(
            layer_of("src/main/java/com/acme/web"),
            Some(Layer::Presentation)
        );
        assert_eq!(layer_of("internal/repository"), Some(Layer::Data));
        assert_eq!(layer_of("Shop.Application/Orders"), Some(Layer::Business));
        assert_eq!(layer_of("Shop.Infrastructure"), Some(Layer::Data));
        assert_eq!(layer_of("src/utils"), None);
    }
}
