//! Style detectors that read the shape of the system: which layers exist and which way
//! their dependencies point, whether the core owns the interfaces its adapters implement,
//! how many deployable units there are, whether the repository is an application at all.
//! They add signals to the rule table's, then [`settle`] the styles that depend on other
//! findings (layered yields to clean / hexagonal, monolith, library, cli, event-driven).

use std::collections::{BTreeMap, BTreeSet};

use super::rules::{
    deploys, dev_services_only, folder_of, is_example_path, is_test_path, simple_name,
    AppImplementation, Context,
};
use super::{assess, Assessment, Evidence, FindingKind, Signal};
use crate::parse::TypeKind;

/// A layer of the classic layered architecture, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Layer {
    Presentation,
    Business,
    Data,
}

#[rustfmt::skip]
const PRESENTATION: &[&str] = &[
    "controller", "controllers", "handler", "handlers", "api", "web", "routes", "router",
    "routers", "views", "view", "ui", "presentation", "http", "rest", "endpoints", "resources",
    "delivery", "transport", "graphql", "grpc",
];
#[rustfmt::skip]
const BUSINESS: &[&str] = &[
    "service", "services", "application", "usecase", "usecases", "use_cases", "business",
    "logic", "domain", "core", "applicationcore",
];
#[rustfmt::skip]
const DATA: &[&str] = &[
    "repository", "repositories", "repo", "dao", "daos", "data", "persistence", "store",
    "stores", "storage", "db", "database", "dal", "infrastructure", "infra", "models", "model",
    "entities", "entity",
];

/// The domain core of clean, hexagonal and onion architectures.
#[rustfmt::skip]
const CORE: &[&str] = &["domain", "core", "applicationcore", "entities", "entity", "model", "models"];
/// Core folders strict enough to test the dependency rule on (`models` is MVC's too).
pub(crate) const STRICT_CORE: &[&str] =
    &["domain", "core", "applicationcore", "entities", "entity"];
/// The outer ring.
#[rustfmt::skip]
pub(crate) const OUTER: &[&str] = &[
    "infrastructure", "infra", "adapters", "adapter", "persistence", "db", "database",
    "repository", "repositories", "web", "api", "http", "rest", "controllers", "delivery",
    "framework", "frameworks", "external", "gateways", "driven", "driving", "outbound",
    "inbound", "entrypoints",
];

/// Compose / Kubernetes names that are infrastructure, not the application's own units.
#[rustfmt::skip]
const INFRA_IMAGES: &[&str] = &[
    "postgres", "mysql", "mariadb", "mongo", "redis", "memcached", "kafka", "zookeeper",
    "rabbitmq", "nats", "elasticsearch", "opensearch", "kibana", "grafana", "prometheus",
    "jaeger", "zipkin", "nginx", "traefik", "envoy", "minio", "localstack", "mailhog",
    "mailpit", "adminer", "pgadmin", "keycloak", "vault", "consul", "etcd", "otel",
    "collector", "loki", "tempo", "db", "cache", "broker", "queue", "proxy", "mssql",
    "sqlserver", "cassandra", "clickhouse", "influxdb", "selenium", "wiremock", "test",
    "migrat", "seed", "init", "playwright", "firestore", "emulator", "pubsub",
    // Search engines, headless browsers and model servers run beside an app, off the shelf.
    "meilisearch", "typesense", "solr", "qdrant", "weaviate", "milvus", "chrome", "chromium",
    "browserless", "ollama",
    // MQTT brokers.
    "mosquitto", "emqx", "vernemq",
    // The application's scheduler container runs its own code on a timer, not a service.
    "cron",
    // Metrics exporters (tinode's monitoring/exporter) run beside the app to report on it.
    "exporter",
    // API contract and load-test runners (semaphore's deployment/docker/dredd) test it.
    "dredd", "newman", "k6", "locust", "jmeter", "gatling",
];

/// Target languages: `api/Dockerfile-java`, compose service `chirpstack-api-python` build the
/// client code an API generates for each language, not a service of the system.
#[rustfmt::skip]
const LANGUAGE_IMAGES: &[&str] = &[
    "c", "cpp", "csharp", "dotnet", "java", "kotlin", "python", "php", "ruby", "rust", "go",
    "golang", "js", "javascript", "ts", "typescript", "swift", "dart", "md", "grpc-web",
];

/// Whether an image or compose service is named for a target language (its last word).
fn language_image(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    LANGUAGE_IMAGES.iter().any(|language| {
        lower == *language
            || lower
                .strip_suffix(language)
                .is_some_and(|rest| rest.ends_with(['-', '_']))
    })
}

/// Base images and build flavours: folders holding one Dockerfile per variant of the same
/// program are named after them.
#[rustfmt::skip]
const IMAGE_VARIANTS: &[&str] = &[
    "alpine", "debian", "ubuntu", "scratch", "distroless", "slim", "fips", "centos", "fedora",
    "rhel", "ubi", "windows", "nanoserver", "musl", "glibc", "arm64", "amd64", "armv7",
    "bookworm", "bullseye", "buster", "jammy", "noble",
    // Stages and environments of one program's image (wger's `docker/base`, `development`,
    // `production`).
    "base", "development", "dev", "production", "prod", "staging", "local", "release",
    "nightly", "debug", "ci",
];

/// JVM packages whose import beside a `main` makes it a server's entry point.
#[rustfmt::skip]
const JVM_SERVERS: &[&str] = &[
    "org.springframework.boot", "io.micronaut", "io.quarkus", "io.ktor.server", "io.javalin",
    "spark", "io.vertx", "org.eclipse.jetty", "io.undertow", "io.netty", "io.helidon",
    "io.dropwizard", "org.http4k", "com.sun.net.httpserver", "org.glassfish.grizzly",
    "io.grpc", "ratpack", "org.apache.catalina", "jakarta.servlet", "javax.servlet",
    "org.jboss.resteasy.plugins.server",
];

/// Desktop GUI toolkits of the JVM: a `main` that imports one starts a desktop application
/// (cryptomator's JavaFX launcher), which the labelling conventions count as a monolith.
const JVM_DESKTOP: &[&str] = &["javafx.application", "javax.swing", "org.eclipse.swt"];

/// Libraries a program imports to serve requests itself (Go's `net/http` is left out: command
/// lines use it as a client).
const SERVER_LIBRARIES: &[&str] = &[
    "axum",
    "actix_web",
    "rocket",
    "warp",
    "hyper",
    "tonic",
    "poem",
    "github.com/gin-gonic/gin",
    "github.com/labstack/echo",
    "github.com/gofiber/fiber",
    "google.golang.org/grpc",
];

/// Whether a folder is named after a base image, build flavour or environment
/// (`alpine-fips`, `debian`, `production`).
fn image_variant(folder: &str) -> bool {
    folder
        .split(['-', '_', '.'])
        .any(|word| IMAGE_VARIANTS.contains(&word.to_ascii_lowercase().as_str()))
}

/// The unit a Dockerfile builds: its folder, and the program it names when one folder holds
/// one `Dockerfile-<program>` per service (go-coffeeshop's docker/Dockerfile-kitchen, each
/// program a folder of the repository). Variants (`Dockerfile-arm`, `Dockerfile-sqlite`),
/// companions (`Dockerfile-postgres`) and an app's processes side by side
/// (`Dockerfile.worker`, `api.dockerfile`) and target languages (`Dockerfile-java`) count once
/// per folder. A program's own variants (beszel's dockerfile_agent_intel and
/// dockerfile_agent_nvidia beside dockerfile_agent) are that program's unit.
fn image_unit(ctx: &Context, path: &str) -> String {
    let folder = crate::graph::module_of(path);
    let file = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let program = |name: &str| {
        ctx.dirs.contains_key(name)
            && !INFRA_IMAGES.iter().any(|i| name.contains(i))
            && !language_image(name)
    };
    let named = file
        .strip_prefix("dockerfile-")
        .or_else(|| file.strip_prefix("dockerfile_"))
        .and_then(|name| {
            let first = name.split(['-', '_']).next().unwrap_or(name);
            [name, first].into_iter().find(|n| program(n))
        })
        .unwrap_or("");
    format!("{folder}/{named}")
}

/// The words of a Dockerfile's own name and of its folder, lower-cased (`docker/cron.dockerfile`
/// → `cron`, `docker`, `dockerfile`): what the image says it is.
fn image_words(path: &str) -> impl Iterator<Item = String> + '_ {
    let mut segments = path.rsplit('/');
    let file = segments.next().unwrap_or(path);
    let folder = segments.next().unwrap_or("");
    file.split(['-', '_', '.'])
        .chain(folder.split(['-', '_', '.']))
        .map(|word| word.to_ascii_lowercase())
}

/// Whether a Dockerfile builds an off-the-shelf companion of the application rather than one
/// of its programs: its folder or its own name says so (`nginx/Dockerfile`,
/// `docker/cron.dockerfile`, `Dockerfile.redis`, `crond/Dockerfile`).
fn infrastructure_image(path: &str) -> bool {
    image_words(path)
        .filter(|word| word != "dockerfile")
        .any(|word| word == "crond" || INFRA_IMAGES.contains(&word.as_str()))
}

/// Whether a Dockerfile packages the project's command-line client (`svix-cli/Dockerfile`,
/// `cli/Dockerfile`, `Dockerfile.cli`): a tool users run against the system, not a service
/// of it.
fn tool_image(path: &str) -> bool {
    image_words(path).any(|word| word == "cli")
}

/// Whether a Dockerfile builds on a database server's image only (PowerJob's others/Dockerfile
/// is `FROM mysql/mysql-server` with the schema copied into its init folder): a seeded
/// database, not a service of the system.
fn database_image(bases: &[String]) -> bool {
    #[rustfmt::skip]
    const DATABASES: &[&str] = &[
        "postgres", "postgis", "mysql", "mariadb", "mongo", "redis", "memcached", "cassandra",
        "clickhouse", "influxdb", "elasticsearch", "opensearch", "mssql", "neo4j", "cockroach",
        "timescaledb",
    ];
    !bases.is_empty()
        && bases.iter().all(|image| {
            // `mysql/mysql-server:8.0`, `mcr.microsoft.com/mssql/server`, `bitnami/redis`.
            let name = image.split(['@', ':']).next().unwrap_or(image);
            name.to_ascii_lowercase()
                .split('/')
                .any(|part| DATABASES.iter().any(|db| part.starts_with(db)))
        })
}

/// The role word of a folder: `Shop.Infrastructure` → `infrastructure`.
fn last_word(segment: &str) -> String {
    segment
        .rsplit('.')
        .next()
        .unwrap_or(segment)
        .to_ascii_lowercase()
}

pub(crate) fn layer_of(module: &str) -> Option<Layer> {
    layer_and_folder(module).map(|(layer, _)| layer)
}

/// [`layer_of`], with the folder whose name decided it (`module` itself, or the folder
/// above it whose layer it inherits: `src/api` for `src/api/types`).
fn layer_and_folder(module: &str) -> Option<(Layer, &str)> {
    let segments: Vec<&str> = module.split('/').collect();
    let folder = |depth: usize| -> &str {
        let keep = segments.len() - depth;
        let end = segments[..keep].iter().map(|s| s.len() + 1).sum::<usize>() - 1;
        &module[..end]
    };
    for (depth, segment) in module.split('/').rev().enumerate() {
        let word = last_word(segment);
        // `app/` is usually where the code lives (Go's app/main.go, FastAPI's backend/app,
        // Rails' app/models), like src/; only inside a source root (Go's internal/app) is it
        // the application layer.
        if word == "app" {
            let inside_root = module
                .split('/')
                .rev()
                .skip(1)
                .any(|parent| matches!(parent, "internal" | "pkg" | "src" | "lib"));
            if depth == 0 && inside_root {
                return Some((Layer::Business, folder(depth)));
            }
            continue;
        }
        if PRESENTATION.contains(&word.as_str()) {
            return Some((Layer::Presentation, folder(depth)));
        }
        if DATA.contains(&word.as_str()) {
            return Some((Layer::Data, folder(depth)));
        }
        if BUSINESS.contains(&word.as_str()) {
            return Some((Layer::Business, folder(depth)));
        }
    }
    None
}

/// Folders whose own subfolders name different layers (`src/api` holding `controllers/`,
/// `services/` and `repositories/`): they hold the layers rather than being one.
fn layer_containers<'m>(modules: impl Iterator<Item = &'m str>) -> BTreeSet<&'m str> {
    let mut children: BTreeMap<&str, BTreeSet<Layer>> = BTreeMap::new();
    for module in modules {
        if let Some((layer, folder)) = layer_and_folder(module) {
            if folder == module {
                children
                    .entry(super::rules::folder_of(module))
                    .or_default()
                    .insert(layer);
            }
        }
    }
    children
        .into_iter()
        .filter(|(_, layers)| layers.len() >= 2)
        .map(|(folder, _)| folder)
        .collect()
}

/// The layer of `module` in a codebase with `containers` ([`layer_containers`]): none
/// where the folder that would decide it holds layers itself, so `src/api/types` and
/// `src/api/subscribers` beside `src/api/services` are not the presentation layer.
fn layer_within(module: &str, containers: &BTreeSet<&str>) -> Option<Layer> {
    layer_and_folder(module)
        .filter(|(_, folder)| !containers.contains(folder))
        .map(|(layer, _)| layer)
}

pub(crate) fn in_vocabulary(module: &str, words: &[&str]) -> bool {
    module
        .split('/')
        .any(|segment| words.contains(&last_word(segment).as_str()))
}

/// A signal that fired when `condition` holds and there is evidence; otherwise an unfired one.
fn when(condition: bool, detail: &str, weight: f64, evidence: Vec<Evidence>) -> Signal {
    let fired = condition && !evidence.is_empty();
    Signal {
        detail: detail.to_string(),
        weight,
        fired,
        hits: if fired { evidence.len() } else { 0 },
        evidence: if fired { evidence } else { Vec::new() },
    }
}

fn evidence_for(
    paths: impl IntoIterator<Item = String>,
    detail: &str,
    limit: usize,
) -> Vec<Evidence> {
    paths
        .into_iter()
        .take(limit)
        .map(|p| Evidence::at(&p, None, detail.to_string()))
        .collect()
}

/// An import in the application's code: a test importing the data layer or an example wiring
/// the app together says nothing of how the app itself is layered.
fn in_code(site: &crate::graph::ImportSite) -> bool {
    !is_test_path(&site.file) && !is_example_path(&site.file)
}

fn first_site(edge: &crate::graph::Edge, detail: String) -> Evidence {
    let site = edge
        .sites
        .iter()
        .find(|s| in_code(s))
        .or(edge.sites.first());
    Evidence::at(
        site.map(|s| s.file.as_str()).unwrap_or(&edge.from),
        site.map(|s| s.line),
        detail,
    )
}

/// Graph-shape signals for an id: most styles, and the design patterns that show in
/// how modules are wired (adapters of ports, composition roots).
pub fn signals(ctx: &Context, kind: FindingKind, id: &str) -> Vec<Signal> {
    if kind == FindingKind::Design {
        return design_signals(ctx, id);
    }
    if kind == FindingKind::Communication {
        return match id {
            "cli" => vec![
                when(
                    true,
                    "a program entry point in a repository that serves nothing over the network",
                    0.45,
                    offline_entry_points(ctx),
                ),
                // A web application's scripts start its server; they are not its interface.
                when(
                    !ctx.frameworks().any(|f| f.category == "web"),
                    "the package declares the command-line programs it installs (bin, scripts)",
                    0.6,
                    root_ships(ctx, "cli")
                        .take(1)
                        .map(|m| Evidence::at(&m.path, None, "declares command-line programs"))
                        .collect(),
                ),
                when(
                    true,
                    "the README calls the product a command-line program, and its code parses arguments",
                    0.45,
                    stated_flag_parsing(ctx),
                ),
                when(
                    true,
                    "a server's own flags: its command line configures and launches it, with no subcommands",
                    -0.6,
                    server_flags(ctx),
                ),
            ],
            "rest-http" => vec![when(
                true,
                "an HTTP server made with the standard library (Node's http.createServer, Python's http.server or wsgiref)",
                0.5,
                stdlib_servers(ctx)
                    .map(|(file, call)| {
                        Evidence::at(
                            &file.path,
                            Some(call.line),
                            format!("`{}` starts an HTTP server", call.name),
                        )
                    })
                    .take(3)
                    .collect(),
            )],
            _ => Vec::new(),
        };
    }
    if kind == FindingKind::Data && id == "migrations" {
        return vec![when(
            true,
            "a migrations module of the application holding its schema changes as SQL (database/migrations.go)",
            0.6,
            migration_modules(ctx),
        )];
    }
    if kind == FindingKind::Data && id == "nosql" {
        let files = redis_structures(ctx);
        return vec![when(
            files.len() >= REDIS_STORE_FILES,
            "Redis hashes, sets, sorted sets or streams written and read across the application: Redis holds its data, not only a cache",
            0.6,
            files.into_iter().take(3).collect(),
        )];
    }
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
        "pipeline" => text_stages(ctx),
        _ => Vec::new(),
    }
}

fn layered(ctx: &Context) -> Vec<Signal> {
    let containers = layer_containers(
        ctx.analysis
            .modules
            .iter()
            .filter(|m| m.files > 0)
            .map(|m| m.id.as_str()),
    );
    let layer_of = |module: &str| layer_within(module, &containers);
    let mut by_layer: BTreeMap<Layer, Vec<&str>> = BTreeMap::new();
    for m in ctx.analysis.modules.iter().filter(|m| m.files > 0) {
        let probe = format!("{}/x", m.id);
        if ctx.outside_app(&probe) {
            continue;
        }
        if let Some(layer) = layer_of(&m.id) {
            by_layer.entry(layer).or_default().push(&m.id);
        }
    }
    let evidence: Vec<Evidence> = by_layer
        .iter()
        .flat_map(|(layer, ms)| {
            ms.iter()
                .take(2)
                .map(move |m| Evidence::at(m, None, format!("{layer:?} layer")))
        })
        .collect();
    let (mut down, mut up) = (Vec::new(), Vec::new());
    let (mut adjacent_downs, mut through_business, mut to_data) = (0, 0, 0);
    for edge in ctx
        .analysis
        .edges
        .iter()
        .filter(|e| e.sites.iter().any(in_code))
    {
        if let (Some(from), Some(to)) = (layer_of(&edge.from), layer_of(&edge.to)) {
            let e = first_site(
                edge,
                format!("{} ({from:?}) depends on {} ({to:?})", edge.from, edge.to),
            );
            match from.cmp(&to) {
                std::cmp::Ordering::Less => {
                    adjacent_downs += usize::from(to as u8 == from as u8 + 1);
                    through_business +=
                        usize::from(from == Layer::Business || to == Layer::Business);
                    to_data += usize::from(to == Layer::Data);
                    down.push(e)
                }
                std::cmp::Ordering::Greater => up.push(e),
                std::cmp::Ordering::Equal => {}
            }
        }
    }
    let (downs, ups) = (down.len(), up.len());
    let downward = (downs >= 2 && ups == 0) || (downs >= 10 && ups * 5 <= downs);
    vec![
        when(
            by_layer.len() >= 2,
            "two or more of presentation, business and data layers hold code",
            0.3,
            evidence.clone(),
        ),
        when(
            by_layer.len() == 3,
            "all three layers hold code",
            0.15,
            evidence,
        ),
        when(
            // A few stray upward imports in a large codebase (a mail service reusing a web
            // template) do not undo a layering that five in six dependencies follow.
            downward && through_business > 0 && to_data > 0,
            "dependencies point downward (all, or five in six of many), from presentation to business to data",
            0.45,
            down.clone(),
        ),
        // Handlers reading the store directly is how every web application is built: two
        // tiers with no business layer between them say little about layering.
        when(
            downward && (through_business == 0 || to_data == 0),
            "dependencies point downward, but across two tiers only (presentation straight to data, or no data layer below)",
            0.2,
            down.clone(),
        ),
        // A small codebase has few edges: one dependency one layer down with all three
        // layers in place (the rest wired through a container) still says layers.
        when(
            downs == 1 && adjacent_downs == 1 && ups == 0 && by_layer.len() == 3,
            "the one dependency between layers points down, and all three layers hold code",
            0.3,
            down.clone(),
        ),
        when(
            ups > downs,
            "more dependencies point up the layers than down",
            -0.4,
            up,
        ),
        when(
            true,
            "feature folders each hold controller, service and data-access files",
            0.55,
            file_role_layers(ctx),
        ),
    ]
}

/// Where an application type implements an interface the application declares.
fn implementation_evidence(i: &AppImplementation) -> Evidence {
    Evidence::at(
        &i.file.path,
        Some(i.line),
        format!(
            "{} implements {}, declared in {}",
            i.ty, i.interface, i.declared_in
        ),
    )
}

/// Interfaces declared in core (or port / use-case) modules and implemented in outer modules.
fn owned_ports(ctx: &Context) -> Vec<Evidence> {
    const PORTS: &[&str] = &["application", "ports", "port", "usecases", "usecase"];
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for i in &ctx.app_implementations {
        let port_module = crate::graph::module_of(i.declared_in);
        if (in_vocabulary(port_module, CORE) || in_vocabulary(port_module, PORTS))
            && in_vocabulary(crate::graph::module_of(&i.file.path), OUTER)
            && seen.insert((i.ty, i.interface))
        {
            out.push(implementation_evidence(i));
        }
    }
    out
}

/// Design patterns that show in how modules are wired.
fn design_signals(ctx: &Context, id: &str) -> Vec<Signal> {
    match id {
        "adapter" => {
            let wrapped = wrapped_dependencies(ctx);
            let distinct: BTreeSet<&str> = wrapped
                .iter()
                .filter_map(|e| e.detail.split(" implements ").next())
                .collect();
            vec![
                when(
                    true,
                    "implementations at the edge of interfaces declared inside (other than repositories)",
                    0.6,
                    port_adapters(ctx),
                ),
                when(
                    !distinct.is_empty(),
                    "implementations of the app's own interfaces that confine a third-party package no other code imports",
                    0.55,
                    wrapped,
                ),
                when(
                    true,
                    "implementations of the app's own interfaces that hold an object of an outside package and translate to it",
                    0.55,
                    holding_adapters(ctx),
                ),
            ]
        }
        "decorator-middleware" => vec![when(
            true,
            "types that implement an interface and hold one of the same interface they delegate to",
            0.55,
            wrappers(ctx),
        ), when(
            true,
            "functions that take a handler and return another wrapping it (middleware written by hand)",
            0.6,
            handler_wrappers(ctx),
        )],
        "dependency-injection" => vec![
            when(
                true,
                "a composition root that builds the outer implementations and hands them to the inner code",
                0.55,
                composition_roots(ctx),
            ),
            when(
                true,
                "an entry file that constructs the app's data store and its HTTP layer, to hand one to the other",
                0.55,
                constructor_roots(ctx),
            ),
        ],
        "repository" => vec![
            when(
                true,
                "an app interface for a data store (Store, Storage, Database, Dao) implemented over a database, SQL or a storage client",
                0.55,
                store_interfaces(ctx),
            ),
            when(
                true,
                "a data-access class named for its store (Database, MessageStore, UserDao) holding the SQL of per-record operations",
                0.55,
                data_access_classes(ctx),
            ),
        ],
        "strategy" => vec![
            when(
                true,
                "code that picks between implementations of one app interface (it names two or more of them)",
                0.55,
                chosen_implementations(ctx),
            ),
            when(
                true,
                "a function that constructs one of several implementations of an app type depending on a condition",
                0.55,
                ctx.chosen.get_or_init(|| chosen_classes(ctx)).1.clone(),
            ),
            when(
                true,
                "an app interface with two or more implementations named as variants of its role (RedisCartStore and SpannerCartStore of ICartStore)",
                0.55,
                role_variants(ctx),
            ),
            when(
                true,
                "a type that holds an app interface with two or more implementations and delegates to whichever it was given",
                0.55,
                held_strategies(ctx),
            ),
            when(
                true,
                "an app interface or base class with three or more implementations, each in its own file (interchangeable variants)",
                0.55,
                families(ctx),
            ),
        ],
        "factory" => vec![
            when(
                true,
                "a creation function that chooses which related class to construct",
                0.55,
                ctx.chosen.get_or_init(|| chosen_classes(ctx)).0.clone(),
            ),
            when(
                true,
                "a class named at run time (by a setting, a type or an argument) and instantiated by reflection",
                0.55,
                reflective_creation(ctx),
            ),
        ],
        "builder" => vec![when(
            true,
            "methods that set one option and return their receiver, to be chained (four or more)",
            0.6,
            chainable_setters(ctx),
        )],
        "observer" => vec![when(
            true,
            "a type of the application that both takes subscribers and publishes to them (an in-process event hub)",
            0.55,
            event_hubs(ctx),
        )],
        "singleton" => {
            let (own, clients) = shared_instances(ctx);
            vec![
                when(
                    true,
                    "one instance of the application's own class kept for the whole program (module-level or static)",
                    0.6,
                    own,
                ),
                when(
                    true,
                    "a client, engine or lazily built value created once at module level or in a static",
                    0.55,
                    clients,
                ),
            ]
        }
        "dto" => vec![when(
            true,
            "types deriving serde's Serialize or Deserialize in a file that serves HTTP or WebSocket (the wire format of its messages)",
            0.55,
            wire_types(ctx),
        )],
        "unit-of-work" => vec![when(
            true,
            "a type of the application that commits and rolls back the work it holds (a transaction boundary)",
            0.6,
            transaction_boundaries(ctx),
        )],
        _ => Vec::new(),
    }
}

/// How each language instantiates a class it only knows by name: the calls that look the
/// class up, and the call that must then construct it in the same file (none where the
/// lookup constructs). Ruby's `const_get` alone also reads plain constants; Java's
/// `Class.forName` alone also loads JDBC drivers.
const REFLECTIVE_CREATION: &[(&str, &[&str], Option<&str>)] = &[
    (
        "ruby",
        &["const_get", "constantize", "safe_constantize"],
        Some("new"),
    ),
    ("php", &[crate::parse::DYNAMIC_NEW], None),
    ("csharp", &["CreateInstance"], None),
    ("java", &["forName", "loadClass"], Some("newInstance")),
    ("kotlin", &["forName", "loadClass"], Some("newInstance")),
    ("python", &["import_string"], None),
];

/// Application files that instantiate a class chosen at run time by its name (PHP `new
/// $class`, Ruby `"Runner::#{mode}".constantize.new`, `Activator.CreateInstance(type)`,
/// Django's `import_string(settings.BACKEND)()`): a factory whose table of classes is the
/// code base itself. Rake tasks are maintenance scripts, not the application's creation code.
fn reflective_creation(ctx: &Context) -> Vec<Evidence> {
    ctx.app_files
        .iter()
        .filter(|file| !file.path.ends_with(".rake"))
        .filter_map(|file| {
            let (_, lookups, constructs) = REFLECTIVE_CREATION
                .iter()
                .find(|(language, _, _)| *language == file.language)?;
            let calls = |name: &str| file.calls.iter().find(|c| c.name == name);
            let lookup = file
                .calls
                .iter()
                .find(|c| lookups.contains(&c.name.as_str()))?;
            if constructs.is_some_and(|new| calls(new).is_none()) {
                return None;
            }
            Some(Evidence::at(
                &file.path,
                Some(lookup.line),
                format!("`{}` instantiates a class chosen at run time", lookup.name),
            ))
        })
        .take(3)
        .collect()
}

/// Application files declaring a type whose methods both commit and roll back (`commit_txn`,
/// `Rollback`, `CommitAsync`): a transaction boundary object the application owns, named for
/// the transaction, session or database it holds (rust-web-app's `Dbx`, Dapper.Rainbow's
/// `Database`, knex's `Transaction`). A repository, a database adapter or a Git client with
/// `commit` and `rollback` methods only passes the calls on to the transaction of a driver
/// or a tool; it does not hold the work.
fn transaction_boundaries(ctx: &Context) -> Vec<Evidence> {
    let holds_work = |name: &str| {
        let lower = name.to_ascii_lowercase();
        [
            "transaction",
            "txn",
            "unitofwork",
            "work",
            "session",
            "database",
            "context",
        ]
        .iter()
        .any(|word| lower.contains(word))
            || lower.starts_with("db")
            || lower.starts_with("tx")
            || lower.ends_with("tx")
    };
    let names = |file: &crate::parse::FileFacts, word: &str| {
        file.functions
            .iter()
            .filter(|f| f.kind == crate::parse::FunctionKind::Method)
            .find(|f| {
                let lower = f.name.to_ascii_lowercase();
                lower.starts_with(word) || lower.ends_with(word)
            })
            .map(|f| (f.name.clone(), f.line))
    };
    ctx.app_files
        .iter()
        .filter(|file| file.types.iter().any(|t| holds_work(&t.name)))
        .filter_map(|file| {
            let (commit, line) = names(file, "commit")?;
            let (rollback, _) = names(file, "rollback")?;
            Some(Evidence::at(
                &file.path,
                Some(line),
                format!("`{commit}` and `{rollback}` end the work a type of this file holds"),
            ))
        })
        .take(3)
        .collect()
}

/// Rust types written to and read from the wire where requests are served: a file of an
/// HTTP or WebSocket server crate that derives `Serialize` or `Deserialize` declares the
/// bodies and messages of its endpoints (rustpad's `ClientMsg` / `ServerMsg`, a `ListItem`
/// returned by `GET /list`). Serde types elsewhere are configuration or storage formats.
fn wire_types(ctx: &Context) -> Vec<Evidence> {
    const SERVERS: &[&str] = &[
        "axum",
        "actix_web",
        "actix_ws",
        "warp",
        "rocket",
        "poem",
        "tide",
        "salvo",
        "ntex",
        "tokio_tungstenite",
        "tungstenite",
    ];
    ctx.app_files
        .iter()
        .filter(|file| file.language == "rust")
        .filter(|file| {
            file.imports.iter().any(|i| {
                let krate = i.path.split("::").next().unwrap_or_default();
                SERVERS.contains(&krate)
            })
        })
        .filter_map(|file| {
            let derive = file
                .annotations
                .iter()
                .find(|a| matches!(a.name.as_str(), "Serialize" | "Deserialize"))?;
            Some(Evidence::at(
                &file.path,
                Some(derive.line),
                format!(
                    "a type deriving `{}` in a file that serves requests",
                    derive.name
                ),
            ))
        })
        .take(3)
        .collect()
}

/// Chainable setters ([`crate::parse::Function::fluent`]: `fn with_prompt(mut self, …) ->
/// Self`): an object configured step by step and then built or run is a builder even when
/// nothing is named `*Builder` (dialoguer's `Select::new().items(…).default(0).interact()`).
/// A lone `with_` method or two are a convenience; four or more are the type's way of being
/// made.
fn chainable_setters(ctx: &Context) -> Vec<Evidence> {
    // Alone, only Rust's `-> Self` and TypeScript's `: this` setters say builder: elsewhere
    // methods returning `this` are as often a logger's `With*` or a navigation API (measured:
    // as much new error as new findings). They still vouch for a type named as a builder.
    let setters: Vec<Evidence> = ctx
        .app_files
        .iter()
        .filter(|file| matches!(file.language.as_str(), "rust" | "typescript" | "tsx"))
        .flat_map(|file| {
            file.functions.iter().filter(|f| f.fluent).map(|f| {
                Evidence::at(
                    &file.path,
                    Some(f.line),
                    format!("`{}` returns its receiver, to be chained", f.name),
                )
            })
        })
        .take(4)
        .collect();
    if setters.len() < 4 {
        return Vec::new();
    }
    setters
}

/// Module-level and static instances ([`crate::parse::SharedInstance`]): those of a class the
/// application declares itself, and those of clients, engines, pools and lazy cells (the
/// shared resources a singleton usually guards). Configuration objects, loggers, framework
/// app objects and routers are left out: they are single by convention, not a pattern.
fn shared_instances(ctx: &Context) -> (Vec<Evidence>, Vec<Evidence>) {
    let declared = &ctx.declared_types;
    let last = |class: &str| -> String {
        let head = class.split('<').next().unwrap_or(class);
        head.rsplit(['.', ':', '\\'])
            .next()
            .unwrap_or(head)
            .trim_start_matches('&')
            .to_string()
    };
    let ignored = |name: &str, class: &str| {
        let c = class.to_ascii_lowercase();
        let n = name.to_ascii_lowercase();
        // A logger class the application writes itself (`logger = _Logger(…)`, `log =
        // LogContext()`) is the one instance every module logs through; a library's logger
        // (`logging.getLogger(__name__)`) is one per module by convention.
        let own_logger = declared.contains(class);
        [
            "settings",
            "config",
            "options",
            "logger",
            "log",
            "error",
            "exception",
            "router",
            "blueprint",
            "app",
            "application",
            // Context and map keys (`clientIPCtxKey = &contextKey{…}`) are constants.
            "key",
        ]
        .iter()
        .filter(|w| !(own_logger && matches!(**w, "logger" | "log")))
        .any(|w| c.ends_with(w) || n == *w)
            || c.contains("getlogger")
    };
    // Constants and markers, not shared services: Go's `var _ Repo = (*repo)(nil)`
    // interface checks, instances of private marker classes (`missing = _Missing()`) and
    // ALL_CAPS constants of the application's value types (`EMPTY_ITINERARY`); a client kept
    // in a constant (`static CLIENT: LazyLock<Client>`) is still one shared client.
    // A private class of the application's own behind a lower-case module variable
    // (`ctx = _PathContext()`, `logger = _Logger(…)`) is its one shared instance unless the
    // class names a marker (`missing = _Missing()`).
    let sentinel = |name: &str, class: &str| {
        let private_service = |private: &str| {
            declared.contains(class)
                && private.starts_with(|c: char| c.is_ascii_uppercase())
                && name.starts_with(|c: char| c.is_ascii_lowercase())
                && !MARKERS.iter().any(|m| private.contains(m))
        };
        name == "_" || class.strip_prefix('_').is_some_and(|p| !private_service(p))
    };
    let constant = |name: &str| {
        name.len() > 1
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            // `INSTANCE`, `DEFAULT`, `SHARED_CLIENT` name the one instance; `DEFAULT_LIMITS`
            // is a default value.
            && !(name.contains("INSTANCE")
                || ["SHARED", "GLOBAL", "DEFAULT"].contains(&name)
                || name.starts_with("SHARED_")
                || name.starts_with("GLOBAL_"))
    };
    let client = |class: &str| {
        let c = class.to_ascii_lowercase();
        [
            "client",
            "engine",
            "pool",
            "redis",
            "sessionmaker",
            // An HTTP session (`requests.session()`, `aiohttp.ClientSession()`) reuses its
            // connections; Jackson's ObjectMapper is built once because it is costly.
            "session",
            "objectmapper",
            "create_engine",
            "createclient",
            "createpool",
            "lazylock",
            "lazy",
            "oncelock",
            "oncecell",
            "once",
            // Go 1.21's `sync.OnceValue(func() T)` and `sync.OnceFunc`: a value built once,
            // on first use.
            "oncevalue",
            "oncevalues",
            "oncefunc",
            "connection",
            // Database handles opened once for the whole program.
            "knex",
            "sequelize",
            "database",
            "datasource",
            "sqlalchemy",
        ]
        .iter()
        .any(|w| c == *w || c.ends_with(w))
    };
    // The front end of a back-end repository (API clients in React components) is not
    // where its architecture lives: only languages holding a quarter of the code count,
    // with JavaScript, TypeScript and TSX as one.
    let family = |l: &str| match l {
        "typescript" | "tsx" => "javascript".to_string(),
        other => other.to_string(),
    };
    let mut code: BTreeMap<String, u64> = BTreeMap::new();
    for l in &ctx.analysis.languages {
        *code.entry(family(&l.name)).or_default() += l.code;
    }
    let total: u64 = code.values().sum::<u64>().max(1);
    let largest = code.values().copied().max().unwrap_or(0);
    // A browser bundle beside a server in another language counts only when it is the larger
    // part: its module-level `queryClient = new QueryClient()` is how ES modules share
    // anything, not the server's design.
    let main_language = |l: &str| {
        let lines = code.get(&family(l)).copied().unwrap_or(0);
        lines * 4 >= total && (family(l) != "javascript" || lines == largest)
    };
    // Instances of one application class across files (`CmdAllow`, `CmdExec`, … of `Cmd`,
    // one per file) are values of a type, not its one instance.
    let mut across: BTreeMap<String, usize> = BTreeMap::new();
    for file in ctx.app_files.iter().filter(|f| main_language(&f.language)) {
        for shared in &file.shared {
            *across.entry(last(&shared.class)).or_default() += 1;
        }
    }
    let (mut own, mut clients) = (Vec::new(), Vec::new());
    for file in ctx.app_files.iter().filter(|f| main_language(&f.language)) {
        // Three or more instances of one class side by side (`Stockholm`, `Melbourne`,
        // `Hongkong` of `Location`) are a table of values, not one shared instance.
        let mut per_class: BTreeMap<String, usize> = BTreeMap::new();
        for shared in &file.shared {
            *per_class.entry(last(&shared.class)).or_default() += 1;
        }
        for shared in &file.shared {
            let class = last(&shared.class);
            // Plain values and locks memoised on first use are not shared services.
            let value = [
                "Hash", "Array", "Set", "String", "Version", "Mutex", "Monitor", "Struct",
            ]
            .contains(&class.as_str());
            // A class-level memoised resource (Ruby `@logger ||= Logger.new`,
            // `@configuration ||= Configuration.new`) is built once on first use and shared by
            // every caller, whatever it holds.
            let memoised = shared.name.starts_with('@') && !value;
            // A Python global a function builds on first use is a lazy global too: of a class
            // (`Reader(path)`), not a conversion (`str(…)`).
            let built_lazily =
                shared.lazy && !value && class.starts_with(|c: char| c.is_ascii_uppercase());
            let lazy = memoised || built_lazily;
            // The application's own class built on first use (`_instance = Application(…)`)
            // is its one instance, whatever the class is called.
            let own_lazy = built_lazily && declared.contains(class.as_str());
            if class.is_empty()
                || (!memoised && !own_lazy && ignored(&shared.name, &class))
                || per_class[&class] >= 3
            {
                continue;
            }
            // A Kotlin `object` holding state is its own one instance (name == class).
            let detail = if shared.name == shared.class {
                format!(
                    "object {} holds state shared by the whole program",
                    shared.name
                )
            } else {
                format!("{} = one {}", shared.name, shared.class)
            };
            let evidence = Evidence::at(&file.path, Some(shared.line), detail);
            // A pattern compiled once (`static RE: Lazy<Regex>`) is a constant, not a shared
            // service.
            if sentinel(&shared.name, &class) || shared.class.contains("Regex") {
                continue;
            }
            // A C# or Java class keeping named instances of itself in statics
            // (`SubscriptionType.Pro`, `PagedList.Empty`) is an enumeration class or a null
            // object; only the one `Instance` or `Default` is the program-wide instance.
            let own_file = file.types.iter().any(|t| t.name == class);
            let named_value = matches!(file.language.as_str(), "csharp" | "java")
                && own_file
                && ![
                    "instance",
                    "default",
                    "shared",
                    "current",
                    "global",
                    "singleton",
                ]
                .iter()
                .any(|w| shared.name.trim_start_matches('_').eq_ignore_ascii_case(w));
            if named_value {
                continue;
            }
            // A JavaScript constructor function of the same file (`var Bus = function () {…};
            // var bus = new Bus()`) is the application's own class, written before ES2015.
            let own_constructor = matches!(file.language.as_str(), "javascript")
                && class.starts_with(|c: char| c.is_ascii_uppercase())
                && file.functions.iter().any(|f| f.name == class);
            if declared.contains(class.as_str()) || own_constructor {
                // Test data kept beside the code (`MockAddress = new Address(…)`).
                let double = DOUBLES.iter().any(|d| shared.name.starts_with(d));
                if (!constant(&shared.name) || own_lazy) && !double && across[&class] < 3 {
                    own.push(evidence);
                }
            } else if client(&class) || lazy {
                clients.push(evidence);
            }
        }
    }
    own.truncate(4);
    clients.truncate(4);
    (own, clients)
}

/// Entry points (a Rust `main.rs`, a Go `main` package, a Python `__main__.py`) of a
/// repository with no HTTP routes and no web framework: programs people run, not servers.
fn offline_entry_points(ctx: &Context) -> Vec<Evidence> {
    if serves(ctx) {
        return Vec::new();
    }
    let declared = root_ships(ctx, "cli")
        .take(1)
        .map(|m| Evidence::at(&m.path, None, "declares command-line scripts"));
    declared
        .chain(
            ctx.app_files
                .iter()
                .filter(|f| {
                    let name = f.path.rsplit('/').next().unwrap_or(&f.path);
                    let main = f.functions.iter().any(|func| func.name == "main");
                    match f.language.as_str() {
                        "rust" => (name == "main.rs" || f.path.contains("src/bin/")) && main,
                        "go" => f.module.as_deref() == Some("main") && main,
                        "python" => name == "__main__.py",
                        _ => false,
                    }
                })
                .take(3)
                .map(|f| Evidence::at(&f.path, None, "a program entry point that serves no HTTP")),
        )
        .collect()
}

/// Whether the application serves over the network: routes, a web framework, or one of
/// Python's standard-library servers (Radicale serves CalDAV through wsgiref).
fn serves(ctx: &Context) -> bool {
    ctx.app_files.iter().any(|f| {
        f.literals
            .iter()
            .any(|l| l.kind == crate::parse::LiteralKind::Route)
    }) || ctx.frameworks().any(|f| f.category == "web")
        || ctx.app_files.iter().any(|f| {
            f.language == "python"
                && f.imports.iter().any(|i| {
                    matches!(
                        i.path.as_str(),
                        "wsgiref.simple_server" | "http.server" | "socketserver"
                    )
                })
        })
}

/// Application files named for migrations (`migrations.go`, `migrate.rs`, `migration.py`)
/// that hold two or more schema-changing SQL statements: versioned migrations kept as a list
/// in code (miniflux's database/migrations.go, dex's storage/sql/migrate.go) rather than as
/// files in a migrations folder. A file of that name without DDL migrates something else (a
/// config file, data between versions of an API).
fn migration_modules(ctx: &Context) -> Vec<Evidence> {
    const DDL: &[&str] = &["create table", "alter table", "create index", "drop table"];
    ctx.app_files
        .iter()
        .filter(|f| {
            let name = f.path.rsplit('/').next().unwrap_or(&f.path);
            let stem = name.split('.').next().unwrap_or(name);
            matches!(
                stem,
                "migrations" | "migration" | "migrate" | "schema_migrations"
            )
        })
        .filter_map(|f| {
            let mut ddl = f.literals.iter().filter(|l| {
                l.kind == crate::parse::LiteralKind::Sql && {
                    let lower = l.value.trim_start().to_ascii_lowercase();
                    DDL.iter().any(|d| lower.starts_with(d))
                }
            });
            let first = ddl.next()?;
            ddl.next()?;
            Some(Evidence::at(
                &f.path,
                Some(first.line),
                "schema changes kept as SQL in a migrations module",
            ))
        })
        .take(3)
        .collect()
}

/// Files with Redis data-structure commands from which Redis reads as a store of the
/// application's records rather than a cache: on the development sets every repository with
/// three or more (rq, sidekiq, bullmq, asynq, huey, bookwyrm's feeds) keeps its data there,
/// while one or two files are a rate limiter, a lock or a presence set beside a database.
const REDIS_STORE_FILES: usize = 3;

/// Application files calling Redis hash, set, sorted-set or stream commands (`hset`,
/// `zadd`, go-redis `HSet` …) in a repository whose code imports a Redis client, except
/// files named for a cache; one evidence per file.
fn redis_structures(ctx: &Context) -> Vec<Evidence> {
    #[rustfmt::skip]
    const CLIENTS: &[&str] = &[
        "redis", "ioredis", "github.com/redis/go-redis", "github.com/go-redis/redis",
        "github.com/gomodule/redigo", "StackExchange.Redis", "Predis", "redis_client",
        "redis-client", "redis.clients.jedis", "io.lettuce", "org.springframework.data.redis",
        "valkey", "glide", "fred", "deadpool_redis", "bb8_redis", "aioredis", "coredis",
    ];
    #[rustfmt::skip]
    const COMMANDS: &[&str] = &[
        "hset", "hmset", "hsetnx", "hget", "hmget", "hgetall", "hdel", "hincrby", "hkeys",
        "hvals", "hexists", "zadd", "zrem", "zrange", "zrangebyscore", "zrevrange",
        "zrevrangebyscore", "zscore", "zcard", "zincrby", "sadd", "srem", "smembers",
        "sismember", "scard", "xadd", "xrange", "xread", "xreadgroup",
    ];
    let client = ctx.app_files.iter().any(|f| {
        f.imports.iter().any(|i| {
            CLIENTS
                .iter()
                .any(|c| crate::detect::rules::import_matches(&i.path, c))
        })
    });
    if !client {
        return Vec::new();
    }
    ctx.app_files
        .iter()
        // A file named for a cache keeps a cache in those hashes (feedbin's crawler cache).
        .filter(|f| {
            !f.path
                .rsplit('/')
                .next()
                .unwrap_or(&f.path)
                .to_ascii_lowercase()
                .contains("cache")
        })
        .filter_map(|f| {
            let call = f.calls.iter().find(|c| {
                COMMANDS
                    .iter()
                    .any(|command| c.name.eq_ignore_ascii_case(command))
            })?;
            Some(Evidence::at(
                &f.path,
                Some(call.line),
                format!("calls the Redis command {}", call.name),
            ))
        })
        .collect()
}

/// Application files that start an HTTP server of their language's standard library, with
/// the call that does: Node's `http.createServer` (the file imports `http`, `https` or
/// `http2`), Python's `HTTPServer` / `make_server` (it imports `http.server`, `wsgiref` or
/// `socketserver`). Servers without a framework: pm2's `serve`, mkdocs' live reload.
fn stdlib_servers<'a>(
    ctx: &'a Context,
) -> impl Iterator<Item = (&'a crate::parse::FileFacts, &'a crate::parse::Call)> + 'a {
    type Server = (&'static [&'static str], &'static [&'static str]);
    const NODE: Server = (
        &[
            "http",
            "https",
            "http2",
            "node:http",
            "node:https",
            "node:http2",
        ],
        &["createServer", "createSecureServer"],
    );
    const PYTHON: Server = (
        &["http.server", "wsgiref.simple_server", "socketserver"],
        &[
            "HTTPServer",
            "ThreadingHTTPServer",
            "make_server",
            "serve_forever",
        ],
    );
    // A benchmark's or an example's local server is not what the project serves.
    let product = |f: &&crate::parse::FileFacts| !is_example_path(&f.path);
    ctx.app_files
        .iter()
        .copied()
        .filter(product)
        .filter_map(|file| {
            let (modules, calls) = match file.language.as_str() {
                "javascript" | "typescript" => NODE,
                "python" => PYTHON,
                _ => return None,
            };
            let imported = file.imports.iter().any(|i| {
                modules
                    .iter()
                    .any(|m| crate::detect::rules::import_matches(&i.path, m))
            });
            let call = file
                .calls
                .iter()
                .find(|c| calls.contains(&c.name.as_str()))?;
            imported.then_some((file, call))
        })
}

/// Command-line parsing libraries, from the full-featured (clap, cobra) to the standard
/// library's own flag parsers, which servers use for their settings as well.
#[rustfmt::skip]
const FLAG_LIBRARIES: &[&str] = &[
    "clap", "structopt", "argh", "pico_args", "lexopt", "getopts", "bpaf", "gumdrop",
    "xflags", "github.com/spf13/cobra", "github.com/urfave/cli", "github.com/alecthomas/kong",
    "github.com/jessevdk/go-flags", "github.com/alecthomas/kingpin",
    "gopkg.in/alecthomas/kingpin", "flag", "github.com/spf13/pflag",
    "github.com/peterbourgon/ff", "click", "typer", "argparse", "docopt", "fire", "getopt",
    "optparse", "commander", "yargs", "meow", "cac", "sade", "citty", "minimist", "mri",
    "slop",
];

/// Whether an import is one of the [`FLAG_LIBRARIES`].
fn parses_flags(import: &str) -> bool {
    FLAG_LIBRARIES
        .iter()
        .any(|l| crate::detect::rules::import_matches(import, l))
}

/// Where the application's own code parses its arguments, when its README says the product
/// is a command-line program ("doggo is a modern command-line DNS client"): that is the
/// program's interface, whatever web UI it also serves.
fn stated_flag_parsing(ctx: &Context) -> Vec<Evidence> {
    if !docs_name(ctx, "cli") {
        return Vec::new();
    }
    ctx.app_files
        .iter()
        .filter_map(|f| {
            let import = f.imports.iter().find(|i| parses_flags(&i.path))?;
            Some(Evidence::at(
                &f.path,
                Some(import.line),
                format!("parses its arguments with {}", import.path),
            ))
        })
        .take(2)
        .collect()
}

/// File names of the manual pages the repository ships (`gdu.1`, `xandikos.8`): its
/// program is run from a shell.
fn manual_pages<'a>(ctx: &'a Context) -> impl Iterator<Item = &'a str> + 'a {
    ctx.analysis
        .project
        .artifacts
        .iter()
        .filter(|a| a.kind == "manpage" && !is_test_path(&a.path))
        .map(|a| a.path.rsplit('/').next().unwrap_or(&a.path))
}

fn has_manual(ctx: &Context) -> bool {
    manual_pages(ctx).next().is_some()
}

/// A server whose command line only configures and launches it: flag parsing (clap,
/// cobra, argparse, yargs ...) in a repository that serves, with no subcommand
/// (no `AddCommand`, `add_subparsers`, `.command(…)`, clap `Subcommand`, click groups),
/// in at most two files, no console command classes and no programs the package
/// installs. Its `--port` and `--config` are not an interface of the application; a
/// `backup` or `create-user` subcommand would be.
fn server_flags(ctx: &Context) -> Vec<Evidence> {
    // Calls and decorators that declare subcommands in those libraries.
    #[rustfmt::skip]
    const SUBCOMMAND_CALLS: &[&str] = &[
        "AddCommand", "add_subparsers", "add_parser", "subcommand", "subcommands",
        "add_command", "command", "defineCommand", "Subcommand",
    ];
    // A program with a manual page is run from a shell (gdu's flags choose what it shows;
    // its web UI is one of them), whatever else it serves; so is one whose README calls it
    // a command-line tool (miniserve's flags are how it is used).
    if !serves(ctx) || has_manual(ctx) || docs_name(ctx, "cli") {
        return Vec::new();
    }
    let parsing: Vec<&crate::parse::FileFacts> = ctx
        .app_files
        .iter()
        .copied()
        .filter(|f| f.imports.iter().any(|i| parses_flags(&i.path)))
        .collect();
    if parsing.len() > 2 {
        return Vec::new();
    }
    // A program the package installs is its interface, unless the file that parses its flags
    // starts a WSGI / ASGI server itself: fava's `fava` console script only sets the host,
    // port and prefix of the web interface it serves with cheroot.
    #[rustfmt::skip]
    const PYTHON_SERVERS: &[&str] = &[
        "cheroot", "waitress", "uvicorn", "gunicorn", "hypercorn", "werkzeug.serving",
        "tornado.httpserver", "daphne",
    ];
    let launches_server = |f: &&crate::parse::FileFacts| {
        f.language == "python"
            && f.imports.iter().any(|i| {
                PYTHON_SERVERS
                    .iter()
                    .any(|p| crate::detect::rules::import_matches(&i.path, p))
            })
    };
    if root_ships(ctx, "cli").next().is_some()
        && (parsing.is_empty() || !parsing.iter().all(launches_server))
    {
        return Vec::new();
    }
    // Subcommands are declared where the library is used (`exec.Command` elsewhere is not one).
    // `@click.command` makes the program itself one command (fava's `main`); a subcommand
    // hangs off a group (`@cli.command()`), and that decorator's own `command(...)` call
    // says nothing more.
    let single_command =
        |a: &crate::parse::Annotation| matches!(a.name.as_str(), "click.command" | "command");
    let declares_subcommands = parsing.iter().any(|f| {
        let decorated = f.annotations.iter().any(single_command);
        f.calls.iter().any(|c| {
            SUBCOMMAND_CALLS.contains(&c.name.as_str()) && !(decorated && c.name == "command")
        }) || f.imports.iter().any(|i| i.path.ends_with("::Subcommand"))
            || f.annotations.iter().any(|a| {
                let last = a.name.rsplit(['.', ':']).next().unwrap_or(&a.name);
                matches!(last, "command" | "group" | "subcommand" | "Subcommand")
                    && !single_command(a)
            })
    });
    // Console commands as classes (Symfony, Laravel, .NET, picocli) or files (Django
    // management commands) need no flag library.
    let console_commands = ctx.app_files.iter().any(|f| {
        f.path.contains("/management/commands/")
            || f.types.iter().any(|t| {
                t.bases
                    .iter()
                    .any(|b| crate::parse::simple_name(b).ends_with("Command"))
            })
    });
    if declares_subcommands || console_commands {
        return Vec::new();
    }
    let detail = "parses the flags of a program that serves, with no subcommands";
    let mut out: Vec<Evidence> = parsing
        .iter()
        .take(2)
        .map(|f| {
            let line = f
                .imports
                .iter()
                .find(|i| parses_flags(&i.path))
                .map(|i| i.line);
            Evidence::at(&f.path, line, detail)
        })
        .collect();
    if out.is_empty() {
        // A command-line library declared and never imported parses nothing of the app's.
        out.extend(
            ctx.frameworks()
                .filter(|f| f.category == "cli")
                .take(2)
                .map(|f| {
                    Evidence::at(
                        &f.manifest,
                        None,
                        format!("{} is declared and never imported", f.name),
                    )
                }),
        );
    }
    out
}

/// Adapters: types in the outer ring implementing an interface declared inside, other than
/// repositories (a repository implementation is the repository pattern, not an adapter).
fn port_adapters(ctx: &Context) -> Vec<Evidence> {
    owned_ports(ctx)
        .into_iter()
        .filter(|e| {
            let port = e
                .detail
                .split(" implements ")
                .nth(1)
                .and_then(|rest| rest.split(',').next())
                .unwrap_or("");
            !(port.ends_with("Repository") || port.ends_with("Repo") || port.ends_with("DbContext"))
        })
        .take(4)
        .collect()
}

/// Packages that decorate a class or run it (containers, annotations, the language's own
/// plumbing): not what an adapter wraps.
#[rustfmt::skip]
const PLUMBING: &[&str] = &[
    "inversify", "tsyringe", "typedi", "injection-js", "@nestjs/common", "@nestjs/core",
    "reflect-metadata", "javax.inject", "jakarta.inject", "dagger", "lombok", "System",
    "typing", "typing_extensions", "abc", "dataclasses", "enum", "functools", "__future__",
    "collections", "attr", "attrs", "injector",
    "dependency_injector", "zope", "async_trait", "serde", "thiserror", "anyhow",
    "context", "errors", "fmt", "sync", "time", "kotlinx.coroutines",
    // The platforms' own collections, text and time: every class uses them.
    "java.util", "java.lang", "java.time", "java.math", "java.text", "kotlin.collections",
    "kotlin.math", "System.Collections", "System.Linq", "System.Text", "System.Threading",
];

/// Interfaces of framework roles and data: implementing them is taking part in the
/// framework or the model, not adapting something outside to the application.
#[rustfmt::skip]
const ROLES_NOT_ADAPTED: &[&str] = &[
    "Repository", "Repo", "DbContext", "Handler", "Controller", "Command", "Query", "Event",
    "Specification", "Spec", "Validator", "Entity", "Model", "Dto", "Request", "Response",
    "Exception", "Error", "Test", "Middleware", "Listener", "Subscriber", "Component", "Store",
    "UseCase", "Usecase", "Interactor",
];

/// Adapters found by what they hide: a type implementing an interface the application
/// declares (outside repositories, handlers and other framework roles) in a file that
/// imports an outside package which at most two other application files import and the
/// interface's own file does not (a Go file may hold both the interface and its one
/// implementation). Wrapping a library behind an app-owned interface keeps
/// the library confined to its adapter; a package imported everywhere is a framework.
fn wrapped_dependencies<'a>(ctx: &Context<'a>) -> Vec<Evidence> {
    // A Go file that declares an interface and the one struct implementing it over a
    // library (`Logger` over zap in pkg/log/logger.go): Go's method-set matches leave out a
    // type of the interface's own file, which elsewhere is a private helper, not a boundary.
    let local: Vec<AppImplementation> = ctx
        .app_files
        .iter()
        .filter(|f| f.language == "go")
        .flat_map(|&file| {
            file.types
                .iter()
                .filter(|i| i.kind == TypeKind::Interface && !i.methods.is_empty())
                .flat_map(move |interface| {
                    let implementers: Vec<_> = file
                        .types
                        .iter()
                        .filter(|t| {
                            t.kind == TypeKind::Struct
                                && interface
                                    .methods
                                    .iter()
                                    .all(|m| t.methods.binary_search(m).is_ok())
                        })
                        .collect();
                    // Several in one file are variants of the interface (payloads, flags),
                    // not the one translation to a library.
                    (implementers.len() == 1)
                        .then_some(implementers)
                        .into_iter()
                        .flatten()
                        .map(move |t| AppImplementation {
                            file,
                            ty: t.name.as_str(),
                            interface: interface.name.as_str(),
                            declared_in: file.path.as_str(),
                            line: t.line,
                        })
                })
        })
        .collect();
    if ctx.app_implementations.is_empty() && local.is_empty() {
        return Vec::new();
    }
    let internal = &ctx.internal_imports;
    // Rust names crates with underscores in code and often with dashes in Cargo.toml.
    let crates: BTreeSet<String> = ctx
        .deps
        .iter()
        .filter(|(ecosystem, ..)| ecosystem == "cargo")
        .map(|(_, name, ..)| name.replace('-', "_"))
        .collect();
    // C# namespaces and types the application declares: inside `namespace AutoMapper`,
    // `using Features;` names the app's own AutoMapper.Features, and `using static
    // ReflectionHelper;` its own class.
    let namespaces: BTreeSet<&str> = ctx
        .app_files
        .iter()
        .filter(|f| f.language == "csharp")
        .filter_map(|f| f.module.as_deref())
        .collect();
    let own_namespace = |import: &str| {
        import.contains('<')
            || ctx
                .declared_types
                .contains(crate::parse::simple_name(import))
            || namespaces.iter().any(|n| {
                n.strip_suffix(import)
                    .is_some_and(|head| head.is_empty() || head.ends_with('.'))
            })
    };
    let external_packages = |file: &'a crate::parse::FileFacts| -> BTreeSet<&'a str> {
        // `cn.keking.service` imported in `cn.keking.service.impl` is the app's own.
        let own = file
            .module
            .as_deref()
            .and_then(|m| package_key(&file.language, m));
        file.imports
            .iter()
            .filter(|i| i.kind == crate::parse::ImportKind::Module)
            .filter(|i| !internal.contains(i.path.as_str()))
            .filter(|i| file.language != "csharp" || !own_namespace(&i.path))
            .filter_map(|i| {
                let package = package_key(&file.language, &i.path)?;
                let outside = Some(package) != own
                    && !PLUMBING.contains(&package)
                    && outside_system(&file.language, &i.path, package)
                    && (file.language != "rust" || crates.contains(package));
                outside.then_some(package)
            })
            .collect()
    };
    let mut importers: std::collections::HashMap<&str, usize> = Default::default();
    let mut per_file: std::collections::HashMap<&str, BTreeSet<&str>> = Default::default();
    for file in &ctx.app_files {
        let packages = external_packages(file);
        for p in &packages {
            *importers.entry(p).or_default() += 1;
        }
        per_file.insert(file.path.as_str(), packages);
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let declared_apart = ctx
        .app_implementations
        .iter()
        .filter(|i| i.declared_in != i.file.path);
    for i in declared_apart.chain(&local) {
        let (file, ty, base, port_file) = (i.file, i.ty, i.interface, i.declared_in);
        let same_file = port_file == file.path;
        if ty == "Service"
            || base.contains("Repository")
            || ROLES_NOT_ADAPTED
                .iter()
                .any(|r| base.ends_with(r) || ty.ends_with(r))
        {
            continue;
        }
        let port_packages = per_file.get(port_file).filter(|_| !same_file);
        let confined = per_file[file.path.as_str()]
            .iter()
            .find(|p| importers[*p] <= 3 && !port_packages.is_some_and(|ports| ports.contains(*p)));
        if let Some(package) = confined {
            if seen.insert(ty) {
                out.push(Evidence::at(
                    &file.path,
                    Some(i.line),
                    format!("{ty} implements {base} ({port_file}) over {package}"),
                ));
            }
        }
    }
    out.truncate(4);
    out
}

/// Whether `package` (imported as `import`) is something outside the program an adapter can
/// translate to: any third-party package, but of the language's standard library only the
/// parts that reach another system (processes, sockets, HTTP, SQL, mail, the file system).
/// Wrapping `copy`, `sort`, `System.Runtime` or PHP's `implode` adapts nothing.
fn outside_system(language: &str, import: &str, package: &str) -> bool {
    #[rustfmt::skip]
    const PYTHON_STD: &[&str] = &[
        "abc", "argparse", "array", "ast", "asyncio", "base64", "binascii", "bisect", "builtins",
        "bz2", "calendar", "cmath", "codecs", "collections", "concurrent", "configparser",
        "contextlib", "contextvars", "copy", "csv", "ctypes", "dataclasses", "datetime",
        "decimal", "difflib", "enum", "errno", "fnmatch", "fractions", "functools", "gc",
        "getpass", "gettext", "glob", "gzip", "hashlib", "heapq", "hmac", "html", "importlib",
        "inspect", "io", "ipaddress", "itertools", "json", "keyword", "locale", "logging", "lzma",
        "math", "mimetypes", "numbers", "operator", "os", "pathlib", "pickle", "pkgutil",
        "platform", "pprint", "queue", "random", "re", "secrets", "select", "shlex", "shutil",
        "signal", "stat", "statistics", "string", "struct", "sys", "sysconfig", "tarfile",
        "tempfile", "textwrap", "threading", "time", "timeit", "tomllib", "traceback", "types",
        "typing", "unicodedata", "unittest", "uuid", "warnings", "weakref", "zipfile", "zlib",
        "zoneinfo", "_typeshed",
    ];
    #[rustfmt::skip]
    const NODE_STD: &[&str] = &[
        "assert", "async_hooks", "buffer", "cluster", "console", "constants", "crypto",
        "events", "module", "os", "path", "perf_hooks", "process", "punycode", "querystring",
        "readline", "stream", "string_decoder", "timers", "tty", "url", "util", "v8", "vm",
        "worker_threads", "zlib",
    ];
    #[rustfmt::skip]
    const RUBY_STD: &[&str] = &[
        "json", "set", "time", "date", "uri", "yaml", "psych", "erb", "securerandom", "digest",
        "base64", "forwardable", "singleton", "ostruct", "optparse", "logger", "pathname",
        "fileutils", "tempfile", "stringio", "English", "benchmark", "monitor", "thread",
        "openssl", "zlib", "cgi", "shellwords", "delegate", "observer", "timeout", "strscan",
    ];
    // Parts of the standard libraries that talk to something outside the process.
    #[rustfmt::skip]
    const SYSTEM: &[&str] = &[
        // Go
        "database/sql", "net/http", "net/smtp", "net/rpc", "net", "os/exec", "log/syslog",
        "crypto/tls", "syscall",
        // Java, Kotlin
        "java.net", "java.sql", "java.nio", "javax.mail", "javax.naming", "javax.xml",
        "javax.sql", "java.net.http",
        // C#
        "System.Net", "System.Data", "System.Diagnostics", "System.IO", "System.DirectoryServices",
        // PHP classes of its extensions
        "PDO", "mysqli", "SQLite3", "Redis", "Memcached", "SoapClient", "ZipArchive", "PharData",
        "DirectoryIterator", "FilesystemIterator", "SplFileObject",
    ];
    match language {
        "go" if !package.split('/').next().unwrap_or("").contains('.') => {
            SYSTEM.contains(&import) || SYSTEM.iter().any(|s| import.starts_with(&format!("{s}/")))
        }
        "java" | "kotlin"
            if ["java.", "javax.", "kotlin."]
                .iter()
                .any(|p| package.starts_with(p)) =>
        {
            SYSTEM.contains(&package)
        }
        // The runtime binder of `dynamic`, part of .NET itself.
        "csharp" if package == "Microsoft.CSharp" => false,
        "csharp" if package == "System" || package.starts_with("System.") => {
            SYSTEM.contains(&package)
        }
        // A name without a namespace is PHP's own: a function, constant or extension class.
        "php" => package.contains('\\') || SYSTEM.contains(&package),
        "python" => !PYTHON_STD.contains(&package),
        "javascript" | "typescript" => !NODE_STD.contains(&package.trim_start_matches("node:")),
        "ruby" => !RUBY_STD.contains(&package),
        _ => true,
    }
}

/// Decorators found by their shape: a type that implements an interface and holds one of
/// the same interface to delegate to (`CachingStore implements Store { Store inner }`, Go's
/// `prefixWriter{w io.Writer}` with its own `Write`, Rust's `impl<W: Write> Write for
/// Counter<W>`, Kotlin's `: Reporter by inner`). Tree nodes holding their children
/// (`Unary implements Expr { Expr operand }`) are composites, and derivable traits
/// (`impl<T: Clone> Clone for Wrapper<T>`) add no behaviour.
fn wrappers(ctx: &Context) -> Vec<Evidence> {
    #[rustfmt::skip]
    const NOT_WRAPPED: &[&str] = &[
        "Clone", "Copy", "Debug", "Display", "PartialEq", "Eq", "PartialOrd", "Ord", "Hash",
        "Default", "Send", "Sync", "Serialize", "Deserialize", "Drop", "Unpin", "Sized",
        "Comparable", "Cloneable", "Serializable", "IEquatable", "IComparable", "IDisposable",
        "JsonSerializable", "Stringable", "Countable", "ArrayAccess", "IteratorAggregate",
        // Collections built over another collection, and coroutine plumbing.
        "IEnumerable", "IEnumerator", "ICollection", "IList", "IReadOnlyList", "Iterable",
        "Collection", "CoroutineScope",
        // Rust iterator adapters (`Iter` over an inner iterator) are how iteration composes.
        "Iterator", "DoubleEndedIterator", "ExactSizeIterator", "FusedIterator",
    ];
    // Tree nodes holding their children are composites; errors holding their cause are
    // exception chaining; a context or scope holding its parent is a chain of scopes.
    #[rustfmt::skip]
    const NOT_DECORATED: &[&str] = &[
        "Node", "Expr", "Expression", "Statement", "Stmt", "Token", "Element", "Component",
        "Widget", "View", "Visitor", "Exception", "Error", "Throwable", "Context", "Scope",
    ];
    // Go's standard interfaces a wrapper satisfies, by the method it must declare itself.
    #[rustfmt::skip]
    const GO_INTERFACES: &[(&str, &str, &str)] = &[
        ("http", "Handler", "ServeHTTP"), ("http", "ResponseWriter", "WriteHeader"),
        ("io", "Writer", "Write"), ("io", "Reader", "Read"), ("io", "ReadCloser", "Read"),
        ("io", "WriteCloser", "Write"), ("http", "RoundTripper", "RoundTrip"),
        ("net", "Listener", "Accept"), ("net", "Conn", "Read"),
    ];
    // Interfaces of the platforms' own libraries that wrappers commonly implement.
    const JVM_INTERFACES: &[&str] = &["Appendable", "Executor", "ExecutorService"];
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &ctx.app_files {
        let go = file.language == "go";
        let implemented = ctx.implemented_in(file);
        // What counts as an interface where the declaration is out of sight: C#'s `I`
        // prefix, PHP's `Interface` suffix, any Rust trait (only traits are implemented).
        let interface_like = |name: &str| {
            ctx.interfaces.contains_key(name)
                || match file.language.as_str() {
                    "rust" => true,
                    "csharp" => {
                        let mut c = name.chars();
                        c.next() == Some('I') && c.next().is_some_and(|c| c.is_ascii_uppercase())
                    }
                    "php" => name.ends_with("Interface"),
                    "java" | "kotlin" => JVM_INTERFACES.contains(&name),
                    _ => false,
                }
        };
        for t in &file.types {
            if !matches!(t.kind, TypeKind::Class | TypeKind::Struct) {
                continue;
            }
            // A Go struct's embedded types are recorded as its bases; to a wrapper they are
            // what it holds.
            let embedded = t.bases.iter().filter(|_| go);
            for held in t.fields.iter().chain(embedded) {
                let name = simple_name(held);
                if name == t.name
                    || NOT_WRAPPED.contains(&name)
                    || NOT_DECORATED.iter().any(|c| name.ends_with(c))
                {
                    continue;
                }
                let implements = if go {
                    // `yaml.Decoder` held by a type implementing the app's `Decoder` is
                    // another package's type of the same name.
                    let qualifier = held.rsplit_once('.').map(|(q, _)| q);
                    let own_package = |declared_in: &str| {
                        qualifier.is_none_or(|q| {
                            crate::graph::module_of(declared_in).rsplit('/').next() == Some(q)
                        })
                    };
                    // By method set only: every embedded type is a declared base.
                    ctx.go_implementations
                        .get(file.path.as_str())
                        .is_some_and(|found| {
                            found.iter().any(|(ty, base, _)| {
                                *ty == t.name
                                    && simple_name(base) == name
                                    && ctx.interfaces.get(name).is_some_and(|d| own_package(d))
                            })
                        })
                        || GO_INTERFACES.iter().any(|(package, i, method)| {
                            *i == name
                                && qualifier == Some(*package)
                                && t.methods.iter().any(|m| m == method)
                        })
                } else {
                    interface_like(name)
                        && implemented.iter().any(|(ty, base, _)| {
                            simple_name(ty) == t.name && simple_name(base) == name
                        })
                };
                if implements && seen.insert(t.name.as_str()) {
                    out.push(Evidence::at(
                        &file.path,
                        Some(t.line),
                        format!("{} implements {name} and wraps the {name} it holds", t.name),
                    ));
                }
            }
        }
        if out.len() >= 4 {
            break;
        }
    }
    out.truncate(4);
    out
}

/// Adapters found by what they hold: a type implementing an interface the application
/// declares (outside repositories and framework roles) that keeps an object of an outside
/// package in a field (`appLogger` over `*zap.SugaredLogger` behind the app's `Logger`,
/// `MinioStorage` over `MinioClient` behind `FileStorage`). The held type is traced to the
/// import that names it: a Go package qualifier, or the imported name in Java, Kotlin, PHP,
/// TypeScript and Python.
fn holding_adapters(ctx: &Context) -> Vec<Evidence> {
    let internal = &ctx.internal_imports;
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for i in &ctx.app_implementations {
        if i.ty == i.interface
            || ROLES_NOT_ADAPTED
                .iter()
                .any(|r| i.interface.ends_with(r) || i.ty.ends_with(r))
            || in_vocabulary(crate::graph::module_of(&i.file.path), DATA_FOLDERS)
        {
            continue;
        }
        let Some(t) = i.file.types.iter().find(|t| t.name == i.ty) else {
            continue;
        };
        let outside = t.fields.iter().find_map(|held| {
            let name = simple_name(held);
            let import = i.file.imports.iter().find(|import| {
                if internal.contains(import.path.as_str())
                    || import.kind != crate::parse::ImportKind::Module
                {
                    return false;
                }
                match i.file.language.as_str() {
                    "go" => held.rsplit_once('.').is_some_and(|(q, _)| {
                        import.path.rsplit('/').next() == Some(q) && import.path.contains('.')
                    }),
                    "csharp" | "rust" | "ruby" => false,
                    _ => {
                        simple_name(&import.path) == name || import.names.iter().any(|n| n == name)
                    }
                }
            })?;
            let package = package_key(&i.file.language, &import.path)?;
            // `com.acme.service.NoteService` held in `com.acme.routes` is the app's own,
            // resolved or not.
            let own = i
                .file
                .module
                .as_deref()
                .and_then(|m| package_key(&i.file.language, m));
            (!PLUMBING.contains(&package) && own != Some(package)).then_some((name, package))
        });
        if let Some((held, package)) = outside {
            if seen.insert(i.ty) {
                out.push(Evidence::at(
                    &i.file.path,
                    Some(i.line),
                    format!(
                        "{} implements {} and holds a {held} of {package}",
                        i.ty, i.interface
                    ),
                ));
            }
        }
        if out.len() >= 4 {
            break;
        }
    }
    out
}

/// Middleware written by hand: functions of the application that take a handler and return
/// one ([`crate::parse::Function::wraps`]), such as Go's `func HSTS(h http.Handler)
/// http.Handler`.
fn handler_wrappers(ctx: &Context) -> Vec<Evidence> {
    ctx.app_files
        .iter()
        .flat_map(|file| {
            file.functions.iter().filter_map(move |f| {
                f.wraps.as_ref().map(|handler| {
                    Evidence::at(
                        &file.path,
                        Some(f.line),
                        format!(
                            "{} takes a handler and returns a {handler} around it",
                            f.name
                        ),
                    )
                })
            })
        })
        .take(4)
        .collect()
}

/// The package an outside import belongs to: the first two segments of a dotted namespace
/// (Java, C#, PHP), the npm package name, the Go module or standard package, otherwise the
/// first path segment.
fn package_key<'a>(language: &str, import: &'a str) -> Option<&'a str> {
    let import = import.trim_start_matches(['\\', ':']);
    // The prefix of `import` ending before its `n`-th separator (or all of it).
    let prefix = |separators: &[char], n: usize| -> &'a str {
        import
            .match_indices(separators)
            .nth(n - 1)
            .map_or(import, |(at, _)| &import[..at])
    };
    let key = match language {
        "java" | "kotlin" | "csharp" | "php" => prefix(&['.', '\\'], 2),
        "javascript" | "typescript" => {
            if import.starts_with('.') || import.starts_with("@/") || import.starts_with("~/") {
                return None;
            }
            prefix(&['/'], if import.starts_with('@') { 2 } else { 1 })
        }
        "rust" => {
            let first = import.split("::").next()?;
            if matches!(first, "crate" | "self" | "super" | "std" | "core" | "alloc") {
                return None;
            }
            first
        }
        // Go: a module path (github.com/owner/repo, golang.org/x/sync) or a standard package.
        "go" if import.split('/').next()?.contains('.') => prefix(&['/'], 3),
        "go" => import,
        _ => prefix(&['.', '/'], 1),
    };
    (!key.is_empty()).then_some(key)
}

/// Interfaces and base classes of framework roles (handlers, commands, events, controllers)
/// and of data: registering or building every one of them is wiring or modelling, not
/// choosing between interchangeable behaviours.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "Handler", "Command", "Query", "Event", "Controller", "Endpoint", "EndpointGroup",
    "Listener", "Subscriber", "Reply",
    "Middleware", "Test", "Exception", "Error", "Entity", "Model", "Dto", "Request",
    "Response", "Specification", "Validator", "Validation", "Component", "Module", "Migration", "Seeder",
    "Job", "Mapper", "Profile", "Configuration", "Config", "Options", "Plugin",
    // Markers and capabilities of data, not interchangeable behaviour.
    "able", "ible", "Aware", "Failed", "Throwable", "Node", "ValueObject", "State",
    "UseCase", "Aggregate", "AggregateRoot", "DomainEvent",
    // Roots every class of a Rails or Django app derives from.
    "Record", "ApplicationRecord", "ApplicationController", "ApplicationJob", "Base",
];

/// Words of syntax trees and messages: a parser building an `AndExpression` or an
/// `OrExpression`, an update loop returning one message or another, is not choosing an
/// implementation.
#[rustfmt::skip]
const SYNTAX: &[&str] = &[
    "Expression", "Expr", "Statement", "Stmt", "Token", "Literal", "Inline", "Block",
    "Element", "Operation", "Msg", "Message", "Result", "Value", "Access", "Form", "ViewModel",
    // Screens of a user interface listed by route.
    "Page", "Screen", "View", "Icon", "Layout",
    // Framework parts configured in lists (NestJS interceptors, guards and pipes).
    "Interceptor", "Guard", "Pipe",
];

/// Function-name prefixes of parsers, deserializers and tree walkers.
#[rustfmt::skip]
const PARSING: &[&str] = &[
    "parse", "visit", "deserialize", "decode", "lex", "tokeni", "transform", "strip", "read_",
];

/// Folders of entities: types there sharing a capability interface (a Thread and a Reply
/// that can be spam) are data, not interchangeable behaviour.
pub(crate) const DATA_FOLDERS: &[&str] = &["models", "model", "entities", "entity"];

/// Strategies chosen in code: a file that names two or more implementations of the same
/// application interface (importing, calling or constructing them) without declaring them,
/// such as a `get_backend(name)` returning `PipBackend` or `UvBackend`, or a start-up that
/// picks the in-memory or the database repository from a flag. Interfaces of framework roles
/// (handlers, commands, events, controllers) are left out: registering every handler is
/// wiring, not choosing.
fn chosen_implementations(ctx: &Context) -> Vec<Evidence> {
    // Interface → implementing types (and the files that declare them).
    let mut implementations: BTreeMap<&str, BTreeMap<&str, &str>> = BTreeMap::new();
    for i in &ctx.app_implementations {
        if i.ty != i.interface
            && !ROLES
                .iter()
                .any(|r| i.interface.ends_with(r) || i.ty.ends_with(r))
            && !in_vocabulary(crate::graph::module_of(&i.file.path), DATA_FOLDERS)
        {
            implementations
                .entry(i.interface)
                .or_default()
                .insert(i.ty, i.file.path.as_str());
        }
    }
    implementations.retain(|_, types| types.len() >= 2);
    if implementations.is_empty() {
        return Vec::new();
    }
    // Implementation name → the interfaces it implements, to look each name a file uses up
    // once instead of building every file's vocabulary.
    let mut by_type: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (interface, types) in &implementations {
        for ty in types.keys() {
            by_type.entry(ty).or_default().push(interface);
        }
    }
    // Go code names an implementation by its constructor: `NewGoogleProvider` builds
    // `googleProvider` (or `GoogleProvider`).
    let go_types: BTreeMap<String, &str> = by_type
        .keys()
        .map(|ty| (ty.to_ascii_lowercase(), *ty))
        .collect();
    let constructed = |file: &crate::parse::FileFacts, call: &str| -> Option<&str> {
        let ty = call.strip_prefix("New").filter(|_| file.language == "go")?;
        go_types.get(&ty.to_ascii_lowercase()).copied()
    };
    let declared = &ctx.declared_types;
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &ctx.app_files {
        let names = file
            .imports
            .iter()
            .flat_map(|i| {
                std::iter::once(simple_name(&i.path)).chain(i.names.iter().map(String::as_str))
            })
            .chain(
                file.calls
                    .iter()
                    .map(|c| constructed(file, &c.name).unwrap_or(c.name.as_str())),
            )
            .chain(file.shared.iter().map(|s| simple_name(&s.class)));
        let mut named: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for name in names {
            // The two sides of an Either are combinators, not chosen implementations.
            if matches!(name, "Left" | "Right") {
                continue;
            }
            if let Some(interfaces) = by_type.get(name) {
                for interface in interfaces {
                    named.entry(interface).or_default().insert(name);
                }
            }
        }
        for (interface, used) in named {
            let types = &implementations[interface];
            let chosen: Vec<&str> = used
                .into_iter()
                .filter(|ty| {
                    types
                        .get(ty)
                        .is_some_and(|declared_in| *declared_in != file.path)
                })
                .collect();
            let declares_one = types.values().any(|p| *p == file.path)
                || ctx.interfaces.get(interface) == Some(&file.path.as_str());
            // Go matches implementations by method set, so a repository can satisfy a
            // use-case interface too: the chosen ones must be named for one role.
            let one_role = file.language != "go"
                || chosen
                    .iter()
                    .map(|ty| last_camel_word(ty))
                    .collect::<BTreeSet<_>>()
                    .len()
                    == 1;
            if chosen.len() >= 2
                && one_role
                && !declares_one
                && !per_entity(chosen.iter(), declared)
                && seen.insert(interface)
            {
                out.push(Evidence::at(
                    &file.path,
                    None,
                    format!(
                        "names {} implementations of {interface}",
                        chosen.join(" and ")
                    ),
                ));
            }
        }
    }
    out.truncate(3);
    out
}

/// Test doubles kept in application code (`FakeEmailSender`, `TrainerServiceMock`): not
/// interchangeable implementations, nor a data store.
const DOUBLES: &[&str] = &["Fake", "Mock", "Stub", "Dummy", "Test"];

/// Words of marker classes whose one instance stands for "no value" (`missing = _Missing()`).
const MARKERS: &[&str] = &[
    "Missing",
    "Sentinel",
    "Unset",
    "NotSet",
    "Marker",
    "Nothing",
    "Undefined",
    "Empty",
    "Default",
];

/// Roles whose implementations are not chosen between: repositories are their own pattern,
/// presenters answer one use case each (and every use case names its own `IOutputPort`),
/// processors and business rules all run.
#[rustfmt::skip]
const NOT_CHOSEN: &[&str] = &[
    "Repository", "Repo", "Processor", "Rule", "Presenter", "OutputPort",
];

/// Whether a type or interface name is a role whose implementations are not chosen between:
/// framework roles, syntax trees and messages, [`NOT_CHOSEN`] roles, and sealed traits
/// (`WrapSealed`), which only close a public trait to outside implementations.
fn unchosen_role(name: &str) -> bool {
    ROLES
        .iter()
        .chain(SYNTAX)
        .chain(NOT_CHOSEN)
        .any(|r| name.ends_with(r))
        || name.ends_with("Sealed")
}

/// Up to three names, then how many more: `A, B, C and 2 more`.
fn some_names<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    let total = names.len();
    let mut out = names.take(3).collect::<Vec<_>>().join(", ");
    if total > 3 {
        out.push_str(&format!(" and {} more", total - 3));
    }
    out
}

/// Interchangeable implementations recognised by their names: two or more types in
/// different files implementing one application interface whose role has a name of its
/// own (`ICartStore`, `ImageStorage`, `NotificationPublisher`: two words or more) and
/// each named as a variant of that role (`RedisCartStore`, `SpannerCartStore`). Where the
/// choice between them is made (a DI registration on a setting, a lookup table) is often
/// invisible to a parser; the family of variants is not. One-word roles (`Store`,
/// `Mapper`, `Reply`) name kinds of things more often than interchangeable behaviour, and
/// test doubles kept in application code (`FakeEmailSender`) are not variants.
fn role_variants(ctx: &Context) -> Vec<Evidence> {
    let mut families: BTreeMap<&str, Variants> = BTreeMap::new();
    for i in &ctx.app_implementations {
        let role = role_of(i.interface);
        if i.ty == i.interface
            || camel_words(role) < 2
            || unchosen_role(role)
            || in_vocabulary(crate::graph::module_of(&i.file.path), DATA_FOLDERS)
            || DOUBLES.iter().any(|d| i.ty.starts_with(d))
            || i.ty.eq_ignore_ascii_case(role)
            || last_camel_word(i.ty) != last_camel_word(role)
            // Go types implement interfaces by their method sets, a looser relation: a
            // variant there repeats the whole role (`redisCartStore` of `CartStore`).
            || (i.file.language == "go"
                && !i.ty.to_ascii_lowercase().ends_with(&role.to_ascii_lowercase()))
        {
            continue;
        }
        families
            .entry(i.interface)
            .or_default()
            .insert(i.ty, (i.file.path.as_str(), i.line));
    }
    family_evidence(
        ctx,
        families,
        |_, variants, files| variants.len() >= 2 && files >= 2,
        "each a variant of its role",
    )
}

/// Variants of one interface: implementing type → where it is declared.
type Variants<'a> = BTreeMap<&'a str, (&'a str, u32)>;

/// Evidence for up to three families that `keep` accepts (given the interface, its variants
/// and how many files declare them) and that are not one class per entity.
fn family_evidence<'a>(
    ctx: &Context,
    families: BTreeMap<&'a str, Variants<'a>>,
    keep: impl Fn(&str, &Variants<'a>, usize) -> bool,
    what: &str,
) -> Vec<Evidence> {
    let mut out = Vec::new();
    for (interface, variants) in families {
        let files = variants
            .values()
            .map(|(path, _)| *path)
            .collect::<BTreeSet<_>>()
            .len();
        if !keep(interface, &variants, files) || per_entity(variants.keys(), &ctx.declared_types) {
            continue;
        }
        let Some((path, line)) = variants.values().next() else {
            continue;
        };
        let names = some_names(variants.keys().copied());
        out.push(Evidence::at(
            path,
            Some(*line),
            format!("{names} implement {interface}, {what}"),
        ));
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// Whether most of `names` are one class per entity or per operation of the application,
/// not variants of one behaviour: `ArticleJSONRenderer` and `CommentJSONRenderer` beside the
/// `Article` and `Comment` models, Go's `commentsHandlers` and `newsHandlers` beside
/// `Comment` and `News`, `BookMySQL` and `UserMySQL` each serve their own data;
/// `DistributionCreateService` and `DistributionUpdateService` each carry out their own
/// use case. None is chosen over the other.
fn per_entity<'a>(names: impl Iterator<Item = &'a &'a str>, declared: &BTreeSet<&str>) -> bool {
    /// Verbs of one use case each (create, update, destroy …).
    const OPERATIONS: &[&str] = &[
        "Create", "Update", "Delete", "Destroy", "Remove", "Add", "Edit", "Get", "List", "Show",
        "Find", "Search", "Import", "Export",
    ];
    let names: Vec<&str> = names.copied().collect();
    if names.len() < 2 {
        return false;
    }
    // A leading run of CamelCase words naming a declared type (`Book` of `BookMySQL`,
    // `comments` of `commentsHandlers`), short of the whole name.
    let own = names
        .iter()
        .filter(|name| {
            let words = camel_split(name);
            // Every run of leading words but the whole name: `Book`, `comments`.
            let mut end = 0;
            let entity = words[..words.len() - 1].iter().any(|word| {
                end += word.len();
                let head = capitalised(&name[..end]);
                head.chars().count() >= 3
                    && (declared.contains(head.as_str())
                        || head
                            .strip_suffix('s')
                            .is_some_and(|one| declared.contains(one)))
            });
            entity || (words.len() >= 2 && words.iter().any(|w| OPERATIONS.contains(w)))
        })
        .count();
    own * 2 >= names.len()
}

/// CamelCase words of a name: `DistributionCreateService` → Distribution, Create, Service.
fn camel_split(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            words.push(&name[start..i]);
            start = i;
        }
    }
    words.push(&name[start..]);
    words
}

/// Repositories by what they are for: an interface, trait or abstract class the application
/// declares for its data store (`StorageBackend`, `IPackageDatabase`, `writestore`, `Dao`),
/// implemented by an application type in a file that talks to a database or a storage
/// service (a driver, ORM or client import, or SQL). Not every repository is called one;
/// a collection-like store behind an interface is one whatever its name. Files and blobs
/// count only through storage backends: two or more implementations of one storage
/// interface, one of them over an object store (`Storage` on disk and on S3).
fn store_interfaces(ctx: &Context) -> Vec<Evidence> {
    const STORE_WORDS: &[&str] = &["store", "storage", "database", "db", "datastore", "dao"];
    // Substrings of import paths of database drivers, ORMs and storage clients.
    #[rustfmt::skip]
    const DATA_ACCESS: &[&str] = &[
        "sql", "gorm", "storm", "bbolt", "boltdb", "redis", "mongo", "postgres", "pgx", "xorm",
        "dynamo", "spanner", "firestore", "leveldb", "badger", "elastic", "knex", "sequelize",
        "typeorm", "prisma", "entityframework", "dapper", "npgsql", "jdbc", "hibernate",
        "persistence", "doctrine", "psycopg", "diesel", "sea_orm", "cassandra", "couchbase",
        "cosmos", "alloydb", "bigtable", "etcd", "sled", "rocksdb", "lmdb", "mybatis", "ibatis",
        "pdo",
    ];
    // Stores of files and blobs (images on S3, uploads on disk) keep bytes, not the model.
    const BLOBS: &[&str] = &[
        "image", "blob", "file", "media", "upload", "object", "asset",
    ];
    let talks_to_data = |file: &crate::parse::FileFacts| {
        file.literals
            .iter()
            .any(|l| l.kind == crate::parse::LiteralKind::Sql)
            || file.imports.iter().any(|i| {
                let path = i.path.to_ascii_lowercase();
                DATA_ACCESS.iter().any(|d| path.contains(d))
            })
    };
    let store_named = |name: &str| {
        let lower = role_of(name).to_ascii_lowercase();
        (STORE_WORDS.iter().any(|w| lower.ends_with(w))
            || (lower.ends_with("backend") && STORE_WORDS.iter().any(|w| lower.contains(w))))
            && !BLOBS.iter().any(|b| lower.contains(b))
            && !SYNTAX.iter().chain(ROLES).any(|r| name.ends_with(r))
    };
    // Object-storage clients: a storage interface with a local and a cloud implementation
    // (`Storage` over disk and S3) is where the app keeps its records, whatever they hold.
    #[rustfmt::skip]
    const OBJECT_STORES: &[&str] = &[
        "s3", "aws-sdk", "aws_sdk", "boto3", "cloud.google.com/go/storage",
        "google.cloud.storage", "@google-cloud/storage", "azure.storage.blob",
        "azure/storage-blob", "minio", "fog", "flysystem",
    ];
    let talks_to_objects = |file: &crate::parse::FileFacts| {
        file.imports.iter().any(|i| {
            let path = i.path.to_ascii_lowercase();
            OBJECT_STORES.iter().any(|d| path.contains(d))
        })
    };
    let blob_named = |name: &str| {
        let lower = role_of(name).to_ascii_lowercase();
        (STORE_WORDS.iter().any(|w| lower.ends_with(w)) || lower.ends_with("backend"))
            && !SYNTAX.iter().chain(ROLES).any(|r| name.ends_with(r))
    };
    let mut backends: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for i in &ctx.app_implementations {
        if i.ty != i.interface
            && blob_named(i.interface)
            && !DOUBLES.iter().any(|d| i.ty.contains(d))
        {
            backends.entry(i.interface).or_default().insert(i.ty);
        }
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for i in &ctx.app_implementations {
        if i.ty == i.interface
            || !store_named(i.interface)
            || DOUBLES.iter().any(|d| i.ty.contains(d))
            || !talks_to_data(i.file)
            || !seen.insert(i.interface)
        {
            continue;
        }
        out.push(Evidence::at(
            &i.file.path,
            Some(i.line),
            format!(
                "{} implements the data store interface {} ({})",
                i.ty, i.interface, i.declared_in
            ),
        ));
        if out.len() >= 3 {
            break;
        }
    }
    for i in &ctx.app_implementations {
        if out.len() >= 3 {
            break;
        }
        let backends_of = backends.get(i.interface).filter(|b| b.len() >= 2);
        let Some(backends_of) = backends_of else {
            continue;
        };
        // The implementation over the object store names the interface.
        if !talks_to_objects(i.file) || !seen.insert(i.interface) {
            continue;
        }
        out.push(Evidence::at(
            &i.file.path,
            Some(i.line),
            format!(
                "{} is one of the storage backends ({}) behind {} ({})",
                i.ty,
                backends_of.iter().copied().collect::<Vec<_>>().join(", "),
                i.interface,
                i.declared_in
            ),
        ));
    }
    out
}

/// Repositories without an interface: one data-access class or struct named for the store it
/// is (`Database`, `MessageStore`, `UserDao`) in a file that holds the SQL and the per-record
/// operations (`get_peer`, `insert_peer`, `InsertComment`), a quarter of its functions or
/// more. The store is the collection of records the rest of the application asks, whatever
/// it is called.
fn data_access_classes(ctx: &Context) -> Vec<Evidence> {
    const OPERATIONS: &[&str] = &[
        "get", "find", "list", "create", "insert", "update", "delete", "remove", "save", "store",
        "load", "fetch", "count", "add", "upsert",
    ];
    // `insert_peer`, `GetEntry`, `load`: an operation word, then nothing, `_` or a capital.
    let operation = |name: &str| {
        let lower = name.to_ascii_lowercase();
        OPERATIONS.iter().any(|op| {
            lower.starts_with(op)
                && name[op.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == '_' || c.is_ascii_uppercase())
        })
    };
    // Case matters: `UserStore` is a store, `Restore` is not.
    fn store_type(file: &crate::parse::FileFacts) -> Option<&crate::parse::TypeDecl> {
        const STORE_SUFFIXES: &[&str] = &["Store", "Storage", "Database", "DB", "Db", "Dao", "DAO"];
        file.types.iter().find(|t| {
            matches!(
                t.kind,
                crate::parse::TypeKind::Class | crate::parse::TypeKind::Struct
            ) && STORE_SUFFIXES.iter().any(|s| t.name.ends_with(s))
        })
    }
    // Go spreads a type's methods over the files of its package (`storage.go` declares
    // `Storage`, `feed.go` and `user.go` hold its queries): the package's store type counts
    // for each of them.
    let go_package_stores: BTreeMap<&str, &crate::parse::TypeDecl> = ctx
        .app_files
        .iter()
        .filter(|f| f.language == "go")
        .filter_map(|f| Some((crate::graph::module_of(&f.path), store_type(f)?)))
        .collect();
    let mut out = Vec::new();
    for file in &ctx.app_files {
        let statements = file
            .literals
            .iter()
            .filter(|l| l.kind == crate::parse::LiteralKind::Sql)
            .count();
        if statements < 3 {
            continue;
        }
        // Per-record operations are what the file is about (a quarter of its functions or
        // more), not a few helpers in a file that sets the database up and migrates it.
        let operations = file.functions.iter().filter(|f| operation(&f.name)).count();
        if operations < 3 || operations * 4 < file.functions.len() {
            continue;
        }
        if let Some(t) = store_type(file) {
            out.push(Evidence::at(
                &file.path,
                Some(t.line),
                format!(
                    "{} reads and writes records with the SQL of its file ({statements} statements)",
                    t.name
                ),
            ));
        } else if let Some(t) = (file.language == "go")
            .then(|| go_package_stores.get(crate::graph::module_of(&file.path)))
            .flatten()
        {
            out.push(Evidence::at(
                &file.path,
                None,
                format!(
                    "the package's {} reads and writes records with the SQL of this file ({statements} statements)",
                    t.name
                ),
            ));
        }
        if out.len() >= 3 {
            break;
        }
    }
    out
}

/// Strategies by the shape of their context: a type that holds an object of an application
/// interface (a field or constructor parameter) which two or more application types
/// implement, and is not one of them itself (a wrapper holding its own interface is a
/// decorator, a tree node holding its children a composite). `AudioHandler { AbstractQueue
/// queue }` with `FairQueue` and `LinearQueue` runs whichever queue it was handed.
fn held_strategies<'a>(ctx: &Context<'a>) -> Vec<Evidence> {
    // Types the application declares, with what they hold: an implementation that holds its
    // own interface, or another implementation of it, is a decorator around the strategy,
    // not another one.
    let mut declared: BTreeMap<&str, &crate::parse::TypeDecl> = BTreeMap::new();
    for file in &ctx.app_files {
        for t in &file.types {
            declared.entry(t.name.as_str()).or_insert(t);
        }
    }
    let lower_interfaces: BTreeMap<String, &str> = ctx
        .interfaces
        .keys()
        .map(|i| (i.to_ascii_lowercase(), *i))
        .collect();
    // `impl<R: Reply> Reply for Wrapped<R>` implements for `Wrapped`.
    let bare = |ty: &'a str| ty.split('<').next().unwrap_or(ty).trim();
    let mut implementing: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for i in &ctx.app_implementations {
        implementing
            .entry(i.interface)
            .or_default()
            .insert(bare(i.ty));
    }
    let mut implementations: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for i in &ctx.app_implementations {
        let Some(t) = declared.get(i.ty) else {
            continue;
        };
        let same_interface = &implementing[i.interface];
        // Go types implement by method set: `signupUsecase` also satisfies `LoginUsecase`,
        // but its name says which interface it is for.
        let named_for_another = i.file.language == "go" && {
            let ty = i.ty.to_ascii_lowercase();
            lower_interfaces
                .iter()
                .any(|(lower, name)| *name != i.interface && ty.ends_with(lower.as_str()))
        };
        if i.ty == i.interface
            || named_for_another
            || unchosen_role(i.interface)
            || unchosen_role(i.ty)
            || in_vocabulary(crate::graph::module_of(&i.file.path), DATA_FOLDERS)
            || DOUBLES.iter().any(|d| i.ty.contains(d))
            || t.fields.iter().any(|f| {
                let held = simple_name(f);
                held == i.interface || same_interface.contains(held)
            })
        {
            continue;
        }
        implementations.entry(i.interface).or_default().insert(i.ty);
    }
    implementations.retain(|_, types| types.len() >= 2);
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &ctx.app_files {
        for t in &file.types {
            if !matches!(t.kind, TypeKind::Class | TypeKind::Struct)
                || ["Exception", "Error"].iter().any(|e| t.name.ends_with(e))
            {
                continue;
            }
            for held in &t.fields {
                let name = simple_name(held);
                let Some(types) = implementations.get(name) else {
                    continue;
                };
                if implementing[name].contains(t.name.as_str()) || !seen.insert(name) {
                    continue;
                }
                let names = some_names(types.iter().copied());
                out.push(Evidence::at(
                    &file.path,
                    Some(t.line),
                    format!("{} holds a {name}, implemented by {names}", t.name),
                ));
            }
        }
        if out.len() >= 3 {
            break;
        }
    }
    out.truncate(3);
    out
}

/// Families of interchangeable variants: an interface or base class of the application
/// implemented by three or more of its classes, each in a file of its own (`Shell` by
/// `bash`, `zsh` and `fish`; `Transport` by `Slack`, `Email` and `Webhook`). Where one is
/// picked (a table keyed by a setting, `getattr` on a name) is often invisible to a parser;
/// a family this size exists to be chosen from. Framework roles, syntax trees, sealed
/// traits, test doubles, entities and one class per entity are families too, but not of
/// behaviour.
fn families(ctx: &Context) -> Vec<Evidence> {
    let concrete: BTreeSet<&str> = ctx
        .app_files
        .iter()
        .flat_map(|f| f.types.iter())
        .filter(|t| matches!(t.kind, TypeKind::Class | TypeKind::Struct))
        .map(|t| t.name.as_str())
        .collect();
    let mut members: BTreeMap<&str, Variants> = BTreeMap::new();
    for i in &ctx.app_implementations {
        let ty = i.ty.split('<').next().unwrap_or(i.ty).trim();
        if ty == i.interface
            || !concrete.contains(ty)
            || unchosen_role(role_of(i.interface))
            || unchosen_role(ty)
            || DOUBLES.iter().any(|d| ty.starts_with(d))
            || in_vocabulary(crate::graph::module_of(&i.file.path), DATA_FOLDERS)
        {
            continue;
        }
        members
            .entry(i.interface)
            .or_default()
            .entry(ty)
            .or_insert((i.file.path.as_str(), i.line));
    }
    family_evidence(
        ctx,
        members,
        |base, variants, files| {
            // Variants all named after the role (`RedisCartStore` of `ICartStore`) are
            // [`role_variants`]' evidence already: one fact, counted once.
            let role_word = last_camel_word(role_of(base));
            let named_for_role = camel_words(role_of(base)) >= 2
                && variants.keys().all(|ty| last_camel_word(ty) == role_word);
            files >= 3 && !named_for_role
        },
        "each in its own file",
    )
}

/// The role an interface names, without the conventions around it: `ICartStore` →
/// `CartStore`, `AbstractProxy` / `BaseSender` → `Proxy` / `Sender`.
fn role_of(interface: &str) -> &str {
    let mut chars = interface.chars();
    if let (Some('I'), Some(second)) = (chars.next(), chars.next()) {
        if second.is_ascii_uppercase() {
            return &interface[1..];
        }
    }
    ["Abstract", "Base"]
        .iter()
        .find_map(|p| interface.strip_prefix(p))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
        .unwrap_or(interface)
}

/// Words of a CamelCase name: `CartStore` → 2, `Proxy` → 1.
fn camel_words(name: &str) -> usize {
    let bytes = name.as_bytes();
    1 + bytes
        .windows(2)
        .filter(|w| !w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase())
        .count()
}

/// In-process event hubs: a type whose own methods take subscribers (`Subscribe`) and
/// publish to them (`Publish`, `Notify`, `Broadcast`, `Emit`). Files talking to a message
/// broker are left out: their subscribe and publish are the broker's.
fn event_hubs(ctx: &Context) -> Vec<Evidence> {
    const BROKERS: &[&str] = &["kafka", "sarama", "amqp", "nats", "redis", "pubsub", "sqs"];
    let mut out = Vec::new();
    for file in &ctx.app_files {
        if file.imports.iter().any(|i| {
            BROKERS
                .iter()
                .any(|b| i.path.to_ascii_lowercase().contains(b))
        }) {
            continue;
        }
        for t in &file.types {
            let has = |names: &[&str]| {
                t.methods
                    .iter()
                    .any(|m| names.iter().any(|n| m.eq_ignore_ascii_case(n)))
            };
            if t.kind != TypeKind::Interface
                && has(&["subscribe", "addsubscriber", "addlistener"])
                && has(&["publish", "notify", "broadcast", "emit", "dispatch"])
            {
                out.push(Evidence::at(
                    &file.path,
                    Some(t.line),
                    format!("{} takes subscribers and publishes to them", t.name),
                ));
            }
        }
        if out.len() >= 3 {
            break;
        }
    }
    out
}

/// Creation code that chooses a class ([`crate::parse::Choice`]): a function constructing
/// two or more of the application's own classes in different branches of a condition, such
/// as `get_backend(name)` returning `PipBackend()` or `UvBackend()`. The classes must be
/// related, or the function merely builds unrelated things under separate `if`s: they
/// implement or extend one application type (`related_by_type`, the evidence of a strategy),
/// or their names end in the same word (`CsvFormatter`, `JsonFormatter`). Returns
/// (creation functions, choices between implementations of one type).
fn chosen_classes(ctx: &Context) -> (Vec<Evidence>, Vec<Evidence>) {
    // Application type (simple name) → the application types it implements or extends.
    let mut supertypes: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut go_constructors: BTreeSet<(&str, &str)> = BTreeSet::new();
    for &file in &ctx.app_files {
        for t in &file.types {
            supertypes.entry(t.name.as_str()).or_default();
        }
        if file.language == "go" {
            if let Some(package) = &file.module {
                for f in &file.functions {
                    if f.name.starts_with("New") || f.name.starts_with("new") {
                        go_constructors.insert((package.as_str(), f.name.as_str()));
                    }
                }
            }
        }
    }
    for &file in &ctx.app_files {
        for (ty, base, _) in ctx.implemented_in(file) {
            let base = simple_name(base).trim();
            // Only the application's own types: `impl Sealed for String` makes no choice.
            if supertypes.contains_key(base) {
                if let Some(types) = supertypes.get_mut(ty) {
                    types.insert(base);
                }
            }
        }
    }
    // Go package → the application interfaces its types implement.
    let mut go_package_interfaces: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for i in &ctx.app_implementations {
        if let (Some(package), "go") = (&i.file.module, i.file.language.as_str()) {
            go_package_interfaces
                .entry(package.as_str())
                .or_default()
                .insert(i.interface);
        }
    }
    let is_role = |name: &str| {
        // A base named for what it abstracts (`BrokerBase` of `RabbitMQ` and `Redis`) is the
        // interface of the choice; a bare `Base` or a `ModelBase` is the root of every class.
        if let Some(stem) = name.strip_suffix("Base") {
            if !stem.is_empty() && !ROLES.iter().chain(SYNTAX).any(|r| stem.ends_with(r)) {
                return false;
            }
        }
        ROLES.iter().any(|r| name.ends_with(r)) || SYNTAX.iter().any(|r| name.ends_with(r))
    };
    let mut creations = Vec::new();
    let mut strategies = Vec::new();
    for &file in &ctx.app_files {
        for choice in &file.choices {
            // A parser building syntax nodes or a deserializer its values chooses by input,
            // not between interchangeable behaviours.
            let function = choice.function.trim_start_matches('_').to_ascii_lowercase();
            if PARSING.iter().any(|p| function.starts_with(p)) {
                continue;
            }
            // (class, what relates it: its supertypes, and the last word of its name).
            let mut built: Vec<(&str, Vec<&str>, String)> = Vec::new();
            for class in &choice.classes {
                let name = simple_name(class);
                let (types, word_of) = if let Some(types) = supertypes.get(name) {
                    (
                        types.iter().copied().filter(|t| !is_role(t)).collect(),
                        name,
                    )
                } else if file.language == "go" {
                    // Go: `s3.NewStore(cfg)` or `newMemoryStore()`, constructors of the
                    // application's own packages.
                    let own = file.module.as_deref().unwrap_or_default();
                    let (package, function) = class.split_once('.').unwrap_or((own, class));
                    if !go_constructors.contains(&(package, function)) {
                        continue;
                    }
                    // What the package's types implement stands for what its constructor
                    // returns (Go functions are not typed in the facts).
                    let types = go_package_interfaces
                        .get(package)
                        .map(|t| t.iter().copied().filter(|t| !is_role(t)).collect())
                        .unwrap_or_default();
                    (types, &function[3..])
                } else if !choice.function.is_empty() && is_library_role(name) {
                    // A library's classes of one interchangeable role (`StatsClient()` or
                    // `NoopClient()`, `RedisStore` or `MemoryStore`) built by a function:
                    // related by that word. (A module-level table of them configures a
                    // library; it chooses nothing.)
                    (Vec::new(), name)
                } else {
                    continue;
                };
                if is_role(name) {
                    continue;
                }
                let word = last_camel_word(word_of);
                built.push((class.as_str(), types, word));
            }
            // The first relation shared by two or more of `classes`: a supertype (the
            // stronger), else a name word.
            let mut by_type: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
            let mut by_word: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
            for (class, types, word) in &built {
                for t in types {
                    by_type.entry(t).or_default().insert(class);
                }
                if word.len() >= 3 && !is_role(word) {
                    by_word.entry(word.as_str()).or_default().insert(class);
                }
            }
            let related = first_shared(by_type)
                .map(|(r, c)| (true, r, c))
                .or_else(|| first_shared(by_word).map(|(r, c)| (false, r, c)));
            let Some((typed, relation, classes)) = related else {
                continue;
            };
            // `gqlmodel.Dashboard` or `model.Dashboard`, `Style` or `ansi_term::Style`: one
            // thing in two representations, converted from one to the other, not a choice.
            // (Go's `badger.New` and `redis.New` are two constructors.)
            let names: BTreeSet<&str> = classes
                .iter()
                .map(|c| match simple_name(c) {
                    name if name.starts_with("New") || name.starts_with("new") => c,
                    name => name,
                })
                .collect();
            if names.len() < 2 {
                continue;
            }
            let function = if choice.function.is_empty() {
                "a table or function".to_string()
            } else {
                format!("`{}`", choice.function)
            };
            let site = Evidence::at(
                &file.path,
                Some(choice.line),
                format!(
                    "{function} constructs {} depending on a condition ({relation})",
                    classes.join(" or ")
                ),
            );
            if typed && strategies.len() < 3 {
                strategies.push(site.clone());
            }
            if creations.len() < 3 {
                creations.push(site);
            }
            if creations.len() >= 3 && strategies.len() >= 3 {
                return (creations, strategies);
            }
        }
    }
    (creations, strategies)
}

/// Whether `name` is a library class named for an interchangeable role (`RedisCache`), not
/// the bare role word itself.
fn is_library_role(name: &str) -> bool {
    let word = last_camel_word(name);
    word != name && INTERCHANGEABLE.contains(&word.as_str())
}

/// Last words of library classes that are interchangeable implementations of one role, so
/// that code constructing one or another of them chooses a backend.
#[rustfmt::skip]
const INTERCHANGEABLE: &[&str] = &[
    "Client", "Store", "Storage", "Cache", "Backend", "Transport", "Driver", "Provider",
    "Engine", "Agent", "Pool", "Connection", "Connector", "Exporter", "Sink",
];

/// The first relation shared by two or more classes, with them.
fn first_shared<'k>(map: BTreeMap<&str, BTreeSet<&'k str>>) -> Option<(String, Vec<&'k str>)> {
    map.into_iter()
        .find(|(_, classes)| classes.len() >= 2)
        .map(|(relation, classes)| (relation.to_string(), classes.into_iter().collect()))
}

/// The last word of a CamelCase or snake_case name (`S3Store` → `Store`).
fn last_camel_word(name: &str) -> String {
    let name = name.rsplit('_').find(|w| !w.is_empty()).unwrap_or(name);
    let start = name
        .char_indices()
        .rev()
        .find(|(i, c)| c.is_ascii_uppercase() && *i > 0)
        .map(|(i, _)| i)
        .unwrap_or(0);
    capitalised(&name[start..])
}

/// `word` with its first letter upper-cased: `comments` → `Comments`.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// File stems of entry and wiring files, where a program builds its parts and hands them
/// to each other.
#[rustfmt::skip]
const ROOT_NAMES: &[&str] = &[
    "main", "app", "application", "bootstrap", "startup", "program", "container", "wire",
    "wiring", "di", "dependencies", "deps", "server", "composition", "providers", "injector",
    "ioc", "registry", "service_provider", "serviceprovider",
];

/// Composition roots: an entry or wiring file that imports three or more modules, among
/// them both the outer ring (persistence, delivery, adapters) and the inner code
/// (services, use cases, domain), i.e. the place that constructs and injects.
fn composition_roots(ctx: &Context) -> Vec<Evidence> {
    let targets = imported_modules(ctx);
    // (module of an implementation, module declaring the app interface it implements).
    let wired_pairs: BTreeSet<(&str, &str)> = ctx
        .app_implementations
        .iter()
        .map(|i| {
            (
                crate::graph::module_of(&i.file.path),
                crate::graph::module_of(i.declared_in),
            )
        })
        .filter(|(from, to)| from != to)
        .collect();
    let mut out = Vec::new();
    for (file, (modules, line)) in targets {
        if ctx.outside_app(file) {
            continue;
        }
        let name = file.rsplit('/').next().unwrap_or(file);
        let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
        if !ROOT_NAMES.contains(&stem.as_str()) || modules.len() < 2 {
            continue;
        }
        let outer = modules
            .iter()
            .any(|m| in_vocabulary(m, OUTER) || layer_of(m) == Some(Layer::Data));
        let inner = modules
            .iter()
            .any(|m| layer_of(m) == Some(Layer::Business) || in_vocabulary(m, STRICT_CORE));
        // Whatever the folders are called: it imports an implementation and the module
        // whose interface that implementation satisfies, so it hands one to the other.
        let wires_an_implementation = wired_pairs.iter().any(|(implementation, port)| {
            modules.contains(implementation) && modules.contains(port)
        });
        if (outer && inner && modules.len() >= 3) || wires_an_implementation {
            out.push(Evidence::at(
                file,
                Some(line),
                format!(
                    "wires {} modules: {}",
                    modules.len(),
                    modules
                        .iter()
                        .take(4)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    out.truncate(3);
    out
}

/// The application modules each file imports, with the line of its first import of one.
fn imported_modules<'a>(ctx: &Context<'a>) -> BTreeMap<&'a str, (BTreeSet<&'a str>, u32)> {
    let mut out: BTreeMap<&str, (BTreeSet<&str>, u32)> = BTreeMap::new();
    for edge in &ctx.analysis.edges {
        for site in &edge.sites {
            out.entry(site.file.as_str())
                .or_insert((BTreeSet::new(), site.line))
                .0
                .insert(edge.to.as_str());
        }
    }
    out
}

/// Composition roots without a container, found by what they call: an entry or wiring
/// file (main.go, cmd/root.go, router.go) that calls the constructors of two or more of the
/// application's packages, among them a data store and the HTTP layer (`store.New(…)`,
/// `handler.New(st, …)`). Go only: its constructors are functions named `New…` in the
/// package they build, so a call names what it constructs. Folder names alone are
/// `composition_roots`'s evidence.
fn constructor_roots(ctx: &Context) -> Vec<Evidence> {
    // Besides the wiring files, Go programs wire in their command and router files.
    const GO_ENTRY_NAMES: &[&str] = &["router", "routes", "cmd", "root", "cli", "serve", "run"];
    let mut constructors: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for file in ctx.app_files.iter().filter(|f| f.language == "go") {
        for f in &file.functions {
            if f.kind == crate::parse::FunctionKind::Function && f.name.starts_with("New") {
                constructors
                    .entry(crate::graph::module_of(&file.path))
                    .or_default()
                    .insert(f.name.as_str());
            }
        }
    }
    if constructors.is_empty() {
        return Vec::new();
    }
    let imported = imported_modules(ctx);
    let web = |m: &str| {
        layer_of(m) == Some(Layer::Presentation)
            || last_word(m.rsplit('/').next().unwrap_or(m)) == "server"
    };
    let mut out = Vec::new();
    for file in ctx.app_files.iter().filter(|f| f.language == "go") {
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let stem = name.trim_end_matches(".go");
        if !ROOT_NAMES.contains(&stem) && !GO_ENTRY_NAMES.contains(&stem) {
            continue;
        }
        let Some((modules, _)) = imported.get(file.path.as_str()) else {
            continue;
        };
        let calls: BTreeSet<&str> = file.calls.iter().map(|c| c.name.as_str()).collect();
        let built: Vec<&str> = modules
            .iter()
            .copied()
            .filter(|m| {
                constructors
                    .get(m)
                    .is_some_and(|names| names.iter().any(|n| calls.contains(n)))
            })
            .collect();
        let store = built.iter().any(|m| layer_of(m) == Some(Layer::Data));
        let http = built.iter().any(|m| web(m));
        if store && http {
            // The first constructor call, where the wiring starts.
            let line = file
                .calls
                .iter()
                .filter(|c| {
                    built
                        .iter()
                        .any(|m| constructors[m].contains(c.name.as_str()))
                })
                .map(|c| c.line)
                .min();
            out.push(Evidence::at(
                &file.path,
                line,
                format!(
                    "constructs {} of its packages: {}",
                    built.len(),
                    built.iter().take(4).copied().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    out.truncate(3);
    out
}

/// Edges from the core to the outer ring: the dependency rule broken.
fn inward_violations(ctx: &Context) -> Vec<Evidence> {
    ctx.analysis
        .edges
        .iter()
        .filter(|e| in_vocabulary(&e.from, CORE) && !in_vocabulary(&e.from, OUTER))
        .filter(|e| in_vocabulary(&e.to, OUTER) && !in_vocabulary(&e.to, CORE))
        .take(5)
        .map(|e| {
            first_site(
                e,
                format!("core module {} depends on outer module {}", e.from, e.to),
            )
        })
        .collect()
}

/// The dependency rule of clean / hexagonal / onion architectures: a core module that
/// depends on nothing outside the core and is depended upon by two or more modules, at
/// least one of them in the outer ring.
fn inverted_dependencies(ctx: &Context) -> Vec<Evidence> {
    let is_core = |m: &str| {
        m.split('/')
            .next_back()
            .is_some_and(|last| STRICT_CORE.contains(&last_word(last).as_str()))
            || m.split('/')
                .any(|s| STRICT_CORE.contains(&last_word(s).as_str()))
    };
    let mut out = Vec::new();
    for module in ctx
        .analysis
        .modules
        .iter()
        .filter(|m| m.files > 0 && is_core(&m.id))
    {
        let leaks = ctx
            .analysis
            .edges
            .iter()
            .any(|e| e.from == module.id && !is_core(&e.to));
        if leaks {
            continue;
        }
        let incoming: Vec<&crate::graph::Edge> = ctx
            .analysis
            .edges
            .iter()
            .filter(|e| e.to == module.id)
            .collect();
        if incoming.len() >= 2 && incoming.iter().any(|e| in_vocabulary(&e.from, OUTER)) {
            out.push(Evidence::at(
                &module.id,
                None,
                format!(
                    "core module depended on by {} modules, depending on nothing outside the core",
                    incoming.len()
                ),
            ));
        }
    }
    out.truncate(4);
    out
}

/// Interfaces for outer concerns (persistence, gateways, publishers) declared away from
/// the data layer, where the code that needs them lives: ports owned by the inside.
fn inner_ports(ctx: &Context) -> Vec<Evidence> {
    let port_name = |name: &str| {
        // PHP names its interfaces `UserRepositoryInterface`.
        let name = name.strip_suffix("Interface").unwrap_or(name);
        [
            "Repository",
            "Repo",
            "Gateway",
            "Store",
            "Publisher",
            "Port",
            "Sender",
            "Notifier",
            "DbContext",
        ]
        .iter()
        .any(|suffix| name.ends_with(suffix))
    };
    ctx.app_files
        .iter()
        .filter(|f| {
            let module = crate::graph::module_of(&f.path);
            !in_vocabulary(module, OUTER) && layer_of(module) != Some(Layer::Data)
                || in_vocabulary(module, STRICT_CORE)
        })
        .flat_map(|f| {
            f.types
                .iter()
                .filter(|t| {
                    // Python declares its interfaces as Protocol or ABC subclasses.
                    let abstract_class = f.language == "python"
                        && t.bases
                            .iter()
                            .any(|b| matches!(crate::parse::simple_name(b), "Protocol" | "ABC"));
                    (matches!(t.kind, TypeKind::Interface | TypeKind::Trait) || abstract_class)
                        && port_name(&t.name)
                })
                .map(move |t| {
                    Evidence::at(
                        &f.path,
                        Some(t.line),
                        format!("{} declared on the inside", t.name),
                    )
                })
        })
        .take(5)
        .collect()
}

/// Adapter or port folders split into the two sides of the hexagon by plain words
/// (`adapter/in`, `adapter/out`, `adapter/input`, `port/output`): the driving and driven
/// sides, which clean architecture's rings do not have.
fn split_edges(ctx: &Context) -> Vec<String> {
    let parent = super::rules::folder_of;
    let edge = |dir: &str| {
        let name = dir.rsplit('/').next().unwrap_or(dir);
        matches!(name, "adapter" | "adapters" | "port" | "ports")
    };
    let mut sides: Vec<String> = ["in", "out", "input", "output", "incoming", "outgoing"]
        .iter()
        .filter_map(|n| ctx.dirs.get(*n))
        .flatten()
        .filter(|dir| edge(parent(dir)))
        .cloned()
        .collect();
    sides.sort();
    sides
}

fn hexagonal(ctx: &Context) -> Vec<Signal> {
    let ports = ctx.has_dir(&["ports", "port"]);
    let adapters = ctx.has_dir(&["adapters", "adapter"]);
    let first = |set: Option<&BTreeSet<String>>, n: usize| {
        set.map(|s| s.iter().take(n).cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let both = [first(ports, 2), first(adapters, 2)].concat();
    let either = [first(ports, 2), first(adapters, 2)].concat();
    // Beside: in the same folder (src/adapters next to src/domain), or inside the core
    // itself (src/Core/Port). A socket.io `adapter/` deep in one feature and an unrelated
    // `core/` elsewhere are not the two sides of a hexagon.
    let dirs_named = |names: &[&str]| -> Vec<&String> {
        names
            .iter()
            .filter_map(|n| ctx.dirs.get(*n))
            .flatten()
            .collect()
    };
    let parent = super::rules::folder_of;
    let cores = dirs_named(&["domain", "core"]);
    let beside_core: Vec<String> = dirs_named(&["ports", "port", "adapters", "adapter"])
        .into_iter()
        .filter_map(|edge| {
            let core = cores
                .iter()
                .find(|c| parent(c) == parent(edge) || c.as_str() == parent(edge))?;
            Some([edge.clone(), (*core).clone()])
        })
        .flatten()
        .take(4)
        .collect();
    let mut sides = first(
        ctx.has_dir(&[
            "driving",
            "driven",
            "inbound",
            "outbound",
            "primary",
            "secondary",
            "entrypoints",
            "entrypoint",
        ]),
        3,
    );
    sides.extend(split_edges(ctx).into_iter().take(3 - sides.len().min(3)));
    let owned = owned_ports(ctx);
    let owned_count = owned.len();
    let adapter_modules = adapter_modules(ctx);
    let root_domain = root_domain_ports(ctx);
    vec![
        when(
            ports.is_some() && adapters.is_some(),
            "ports and adapters folders hold code",
            0.75,
            evidence_for(both, "ports / adapters folder", 4),
        ),
        when(
            !root_domain.is_empty(),
            "interfaces of the root domain package are implemented by subpackages named for their technology",
            0.5,
            root_domain,
        ),
        when(
            !adapter_modules.is_empty(),
            "build modules named as adapters beside the domain model's modules",
            0.6,
            adapter_modules,
        ),
        when(
            ports.is_some() || adapters.is_some(),
            "a ports or adapters folder holds code",
            0.35,
            evidence_for(either, "ports or adapters folder", 3),
        ),
        when(
            !beside_core.is_empty(),
            "ports or adapters beside a domain core",
            0.4,
            evidence_for(beside_core, "ports / adapters beside a domain core", 4),
        ),
        when(
            !sides.is_empty(),
            "driving / driven (inbound / outbound, entrypoints) sides",
            0.4,
            evidence_for(sides, "driving / driven side folder", 3),
        ),
        when(
            owned_count >= 2,
            "interfaces owned by the core are implemented at the edge",
            0.35,
            owned,
        ),
        when(
            true,
            "persistence / gateway interfaces declared on the inside",
            0.2,
            inner_ports(ctx),
        ),
        when(
            true,
            "dependencies point into a core that depends on nothing outside it",
            0.25,
            inverted_dependencies(ctx),
        ),
        when(
            true,
            "the core depends on the outer ring",
            -0.3,
            inward_violations(ctx),
        ),
    ]
}

/// Go's standard package layout: the root package declares the domain's types and service
/// interfaces (wtf.DialService), and subpackages named for a technology (sqlite, http,
/// inmem) implement them; `cmd/` wires them. The root is the hexagon's core, each
/// subpackage an adapter. Three interfaces implemented from two such subpackages at least:
/// one root `Logger` interface with a default implementation is a library's extension point,
/// and root factories implemented under `operations/` are a package of plug-ins.
fn root_domain_ports(ctx: &Context) -> Vec<Evidence> {
    // Subpackages named for the technology they adapt the domain to.
    #[rustfmt::skip]
    const TECHNOLOGY_PACKAGES: &[&str] = &[
        "sql", "sqlite", "postgres", "postgresql", "pg", "mysql", "mongo", "mongodb", "redis",
        "bolt", "boltdb", "badger", "inmem", "memory", "memstore", "csv", "grpc", "graphql",
        "websocket", "ws", "s3", "kafka", "nats", "amqp", "smtp", "email", "ldap", "oauth",
        "github", "stripe", "dynamodb", "elastic", "elasticsearch", "fs", "file", "cli",
    ];
    let root_module = ctx
        .analysis
        .project
        .manifests
        .iter()
        .any(|m| m.path == "go.mod");
    if !root_module {
        return Vec::new();
    }
    let mut interfaces = BTreeSet::new();
    let mut sides = BTreeSet::new();
    let mut out = Vec::new();
    for i in &ctx.app_implementations {
        if crate::graph::module_of(i.declared_in) != "." {
            continue;
        }
        let Some((side, _)) = i.file.path.split_once('/') else {
            continue;
        };
        if !TECHNOLOGY_PACKAGES.contains(&side) && !in_vocabulary(side, OUTER) {
            continue;
        }
        sides.insert(side);
        if interfaces.insert(i.interface) {
            out.push(implementation_evidence(i));
        }
    }
    if interfaces.len() >= 3 && sides.len() >= 2 {
        out.truncate(4);
        out
    } else {
        Vec::new()
    }
}

/// Build modules (a folder with its own manifest) named as adapters, two or more, beside a
/// module named as the domain model: a multi-module hexagon keeps each bounded context's
/// model free of frameworks and its adapters apart (`demand-forecasting-model` and
/// `demand-forecasting-adapters`). One `moshi-adapters` module of a library, or a Rails
/// `queue_adapters` folder, is a plug-in point, not a side of a hexagon.
fn adapter_modules(ctx: &Context) -> Vec<Evidence> {
    let modules: BTreeSet<&str> = ctx
        .analysis
        .project
        .manifests
        .iter()
        .map(|m| super::rules::folder_of(&m.path))
        .filter(|dir| !dir.is_empty() && !dir.contains('/'))
        .collect();
    let named = |suffixes: &[&str]| -> Vec<&str> {
        modules
            .iter()
            .copied()
            .filter(|m| {
                let lower = m.to_ascii_lowercase();
                suffixes.iter().any(|s| {
                    lower
                        .strip_suffix(s)
                        .is_some_and(|rest| rest.ends_with(['-', '_']))
                })
            })
            .collect()
    };
    let adapters = named(&["adapters", "adapter"]);
    let models = named(&["model", "domain"]);
    if adapters.len() < 2 || models.is_empty() {
        return Vec::new();
    }
    adapters
        .iter()
        .map(|m| Evidence::at(m, None, "a build module of adapters"))
        .chain(
            models
                .iter()
                .map(|m| Evidence::at(m, None, "a build module of the domain model")),
        )
        .take(4)
        .collect()
}

fn clean(ctx: &Context) -> Vec<Signal> {
    let use_cases = ctx.has_dir(&[
        "usecases",
        "usecase",
        "use_cases",
        "use-cases",
        "interactors",
    ]);
    let entities = ctx.has_dir(&["entities", "entity", "domain"]);
    let first = |set: Option<&BTreeSet<String>>| set.and_then(|s| s.iter().next().cloned());
    let ring = |words: &[&str]| first(ctx.has_dir(words));
    // Onion / .NET templates: Domain/Application/Infrastructure, ApplicationCore/Infrastructure/Web,
    // Core/UseCases/Infrastructure/Web side by side.
    let core_ring = ring(&["domain", "core", "applicationcore", "entities"]);
    let delivery_ring = ring(&[
        "application",
        "usecases",
        "usecase",
        "web",
        "api",
        "presentation",
        "webui",
        "publicapi",
    ]);
    // The infrastructure ring stands beside the others: a web project's own
    // Api/Infrastructure folder (its filters and binders) is part of delivery.
    let infrastructure_ring = ["infrastructure", "infra", "persistence"]
        .iter()
        .filter_map(|word| ctx.dirs.get(*word))
        .flatten()
        .find(|dir| {
            ![&core_ring, &delivery_ring]
                .into_iter()
                .flatten()
                .any(|outer| dir.starts_with(&format!("{outer}/")))
        })
        .cloned();
    let rings: Vec<String> = [core_ring, infrastructure_ring, delivery_ring]
        .into_iter()
        .flatten()
        .collect();
    let ring_count = rings.len();
    // Dependencies pointing inward and interfaces declared inside are the shape of any
    // well-factored application; without the rings' names in its folders, or its docs
    // saying so, that shape alone is not a clean architecture (Moonglade).
    let stated = docs_name(ctx, "clean");
    let shape_only = use_cases.is_none() && ring_count < 3 && !stated;
    let inverted = inverted_dependencies(ctx);
    let inner = inner_ports(ctx);
    // Domain, Infrastructure and Web projects whose inside declares no interface for the
    // outside to implement are layers stacked on the domain, not rings (linkdotnet's Blog).
    let stacked: Vec<Evidence> =
        if ring_count == 3 && use_cases.is_none() && inner.is_empty() && !stated {
            evidence_for(rings.clone(), "a layer with nothing inverted", 2)
        } else {
            Vec::new()
        };
    let shape_evidence: Vec<Evidence> = if shape_only {
        inverted.iter().chain(&inner).take(2).cloned().collect()
    } else {
        Vec::new()
    };
    let core_and_cases: Vec<String> = [first(entities), first(use_cases)]
        .into_iter()
        .flatten()
        .collect();
    vec![
        when(
            entities.is_some() && use_cases.is_some(),
            "entities and use cases in their own folders",
            0.6,
            evidence_for(core_and_cases, "entities / use-case ring", 2),
        ),
        when(
            use_cases.is_some(),
            "a use-cases folder holds code",
            0.3,
            evidence_for(first(use_cases), "use-case ring", 1),
        ),
        when(
            ring_count == 3,
            "core, infrastructure and application / delivery rings",
            0.55,
            evidence_for(rings, "a ring of the architecture", 3),
        ),
        when(
            true,
            "dependencies point into a core that depends on nothing outside it",
            0.35,
            inverted,
        ),
        when(
            true,
            "persistence / gateway interfaces declared on the inside",
            0.3,
            inner,
        ),
        when(
            true,
            "the core depends on the outer ring",
            -0.35,
            inward_violations(ctx),
        ),
        when(
            shape_only,
            "no folder names a ring (use cases; core, infrastructure and delivery) and the docs do not call it clean",
            -0.35,
            shape_evidence,
        ),
        when(
            true,
            "core, infrastructure and delivery without interfaces owned by the inside, use cases or docs calling it clean",
            -0.35,
            stacked,
        ),
    ]
}

fn mvc(ctx: &Context) -> Vec<Signal> {
    let m = ctx.has_dir(&["models", "model"]);
    let v = ctx.has_dir(&["views", "view", "templates"]);
    let c = ctx.has_dir(&["controllers", "controller"]);
    let firsts = |sets: &[Option<&BTreeSet<String>>]| -> Vec<String> {
        sets.iter()
            .flatten()
            .filter_map(|s| s.iter().next().cloned())
            .collect()
    };
    let templates: Vec<String> = ctx
        .analysis
        .project
        .artifacts
        .iter()
        .filter(|a| a.kind == "view" && !ctx.outside_app(&a.path))
        // A layout only wraps the pages a controller renders: a Rails API keeps the generated
        // `layouts/application.html.erb` and `layouts/mailer.html.erb` with no page of its own.
        .filter(|a| !a.path.split('/').any(|segment| segment == "layouts"))
        .map(|a| a.path.clone())
        .collect();
    // In a JavaFX application a controller is the code behind one FXML view, not a handler of
    // requests (cryptomator's `*Controller` per window).
    let javafx = ctx
        .app_files
        .iter()
        .any(|f| desktop_program(f) && f.imports.iter().any(|i| i.path.starts_with("javafx.")));
    // Server-rendered controllers: classes named *Controller or annotated @Controller, not
    // REST-only ones (Spring's @RestController, ASP.NET's [ApiController] or ControllerBase).
    let controllers: Vec<Evidence> = ctx
        .app_files
        .iter()
        .filter(|f| {
            !f.annotations
                .iter()
                // Written in full or imported (`@org.springframework…RestController`).
                .any(|a| matches!(simple_name(&a.name), "RestController" | "ApiController"))
        })
        .flat_map(|f| {
            let annotated = f
                .annotations
                .iter()
                .filter(|a| simple_name(&a.name) == "Controller")
                .map(move |a| Evidence::at(&f.path, Some(a.line), "@Controller"));
            let named = f
                .types
                .iter()
                .filter(|t| {
                    !javafx
                        && t.kind == TypeKind::Class
                        && t.name.ends_with("Controller")
                        && !t.name.ends_with("ApiController")
                        // The controller of a WHATWG stream (send's BlobStreamController
                        // enqueues chunks) or of an abort signal serves no request.
                        && !t.name.ends_with("StreamController")
                        && !t.name.ends_with("AbortController")
                        && !t.bases.iter().any(|b| b == "ControllerBase")
                })
                .map(move |t| {
                    Evidence::at(&f.path, Some(t.line), format!("controller {}", t.name))
                });
            annotated.chain(named)
        })
        .take(4)
        .collect();
    // Views written with Django REST framework (or Django Ninja) answer JSON to a front end;
    // with no template anywhere, the app is an API, not MVC (tubearchivist).
    let json_views = |g: &crate::parse::FileFacts| {
        templates.is_empty()
            && g.imports.iter().any(|i| {
                crate::detect::rules::import_matches(&i.path, "rest_framework")
                    || crate::detect::rules::import_matches(&i.path, "ninja")
            })
    };
    let django: Vec<String> = ctx
        .app_files
        .iter()
        .filter(|f| f.path.ends_with("/models.py") || f.path == "models.py")
        .filter(|f| {
            let dir = crate::graph::module_of(&f.path);
            let views = if dir == "." {
                "views.py".to_string()
            } else {
                format!("{dir}/views.py")
            };
            ctx.app_files
                .iter()
                .any(|g| g.path == views && !json_views(g))
        })
        .map(|f| f.path.clone())
        .collect();
    let mvc_frameworks: Vec<Evidence> = ctx
        .frameworks()
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
    let with_templates = {
        let mut e = controllers.clone();
        e.extend(evidence_for(templates.clone(), "view template", 2));
        e
    };
    // MVC organises one application: the three folders belong to one package (a SPA client's
    // `views/` and an API server's `controllers/` are two programs, not one MVC app).
    let owners = |names: &[&str]| -> BTreeSet<String> {
        names
            .iter()
            .filter_map(|n| ctx.dirs.get(*n))
            .flatten()
            .map(|dir| package_of(ctx, dir))
            .collect()
    };
    let (mo, vo, co) = (
        owners(&["models", "model"]),
        owners(&["views", "view", "templates"]),
        owners(&["controllers", "controller"]),
    );
    let one_package = mo.iter().any(|o| vo.contains(o) && co.contains(o));
    // Models and controllers with nothing that renders them are a JSON API's folders (an
    // Express or ASP.NET API names its HTTP handlers controllers): the view is a template
    // or a front end.
    let has_views = !templates.is_empty() || ctx.frameworks().any(|f| f.category == "frontend");
    // A hand-made MVC: the application declares the Model, View and Controller classes
    // themselves (PrivateBin's lib/Model.php, View.php and Controller.php).
    let triad: Vec<Evidence> = ["Model", "View", "Controller"]
        .iter()
        .filter_map(|name| {
            ctx.app_files.iter().find_map(|f| {
                f.types
                    .iter()
                    .find(|t| t.kind == TypeKind::Class && t.name == *name)
                    .map(|t| Evidence::at(&f.path, Some(t.line), format!("class {name}")))
            })
        })
        .collect();
    vec![
        when(
            triad.len() == 3,
            "the application declares its own Model, View and Controller classes",
            0.65,
            triad,
        ),
        when(
            m.is_some() && v.is_some() && c.is_some() && one_package,
            "models, views and controllers folders",
            0.8,
            evidence_for(firsts(&[m, v, c]), "model / view / controller folder", 3),
        ),
        when(
            m.is_some() && c.is_some() && mo.iter().any(|o| co.contains(o)) && has_views,
            "models and controllers folders, beside view templates or a front end",
            0.5,
            evidence_for(firsts(&[m, c]), "model / controller folder", 2),
        ),
        when(
            !controllers.is_empty() && !templates.is_empty(),
            "controllers rendering view templates",
            0.65,
            with_templates,
        ),
        when(
            !django.is_empty(),
            "Django apps (models.py + views.py)",
            0.7,
            evidence_for(django, "Django app with models.py and views.py", 3),
        ),
        when(true, "an MVC web framework", 0.35, mvc_frameworks),
    ]
}

/// The directory of the manifest that owns `dir` (the deepest one above it; "" for the root).
fn package_of(ctx: &Context, dir: &str) -> String {
    ctx.analysis
        .project
        .manifests
        .iter()
        .map(|m| folder_of(&m.path))
        .filter(|d| d.is_empty() || dir == *d || dir.starts_with(&format!("{d}/")))
        .max_by_key(|d| d.len())
        .unwrap_or("")
        .to_string()
}

/// Whether a Dockerfile's final stage starts from the project's own published image
/// (`FROM lnbits/lnbits:${TAG}` in lnbits): the same program with a sidecar or a plugin
/// added, a variant of its one deployable unit rather than another service.
fn builds_on_own_image(ctx: &Context, bases: &[String]) -> bool {
    let Some(last) = bases.last() else {
        return false;
    };
    let image = last.split(['@', ':']).next().unwrap_or(last);
    let repository = image
        .rsplit('/')
        .next()
        .unwrap_or(image)
        .to_ascii_lowercase();
    image.contains('/') && root_names(ctx).any(|name| name.to_ascii_lowercase() == repository)
}

/// Whether a Dockerfile starts from a stage that another Dockerfile of the repository names
/// (frigate's docker/rocm and docker/rpi images `FROM deps`, a stage of docker/main): one bake
/// builds them together, each the same program for other hardware, not another service.
fn builds_on_sibling_stages(ctx: &Context, dockerfile: &crate::facts::InfraFile) -> bool {
    let sibling_stages: BTreeSet<&str> = ctx
        .analysis
        .project
        .infrastructure
        .iter()
        .filter(|i| i.kind == "dockerfile" && i.path != dockerfile.path)
        .flat_map(|i| i.stages.iter().map(String::as_str))
        .collect();
    // A registry image (`node:20`, `ghcr.io/…`) or a build argument is pulled, not built here.
    dockerfile.items.iter().any(|base| {
        !base.contains([':', '/', '@', '$'])
            && base != "scratch"
            && sibling_stages.contains(base.to_ascii_lowercase().as_str())
    })
}

/// The names the root manifests give the project (`lnbits`, `python-dotenv`).
fn root_names<'a>(ctx: &'a Context) -> impl Iterator<Item = &'a str> {
    ctx.analysis
        .project
        .manifests
        .iter()
        .filter(|m| !m.path.contains('/'))
        .filter_map(|m| m.name.as_deref())
}

/// Whether a folder belongs to a browser app's own package (not the root): one that uses a
/// front-end framework and no server.
fn browser_package(ctx: &Context, dir: &str) -> bool {
    let owner = package_of(ctx, dir);
    let categories: BTreeSet<&str> = ctx
        .frameworks()
        .filter(|f| folder_of(&f.manifest) == owner)
        .map(|f| f.category.as_str())
        .collect();
    !owner.is_empty() && categories.contains("frontend") && !categories.contains("web")
}

/// Deployable units: directories with their own Dockerfile, application services in
/// compose files, Kubernetes / serverless workloads. Tests and examples do not count.
fn deployable_units(ctx: &Context) -> (Vec<Evidence>, Vec<Evidence>, Vec<Evidence>) {
    let mut dockerfiles = Vec::new();
    // What each image in `dockerfiles` copies in from its build context.
    let mut packs: Vec<&Vec<String>> = Vec::new();
    let mut dirs = BTreeSet::new();
    let mut compose = Vec::new();
    let mut workloads = Vec::new();
    let app_name = |name: &str| {
        let lower = name.to_ascii_lowercase();
        !INFRA_IMAGES.iter().any(|i| lower.contains(i)) && !language_image(name)
    };
    for infra in &ctx.analysis.project.infrastructure {
        if ctx.outside_app(&infra.path) {
            continue;
        }
        match infra.kind.as_str() {
            // Images under packaging/ or a dev container, or in folders named after their
            // base image (`docker/alpine`, `docker/debian-fips`, `scratch`), are variants of
            // one program, not separate services.
            "dockerfile"
                if !infra.path.split('/').any(|s| {
                    matches!(s, "packaging" | ".devcontainer" | "devcontainer" | "rpm")
                        || image_variant(s)
                }) && !infrastructure_image(&infra.path)
                    && !tool_image(&infra.path)
                    && !database_image(&infra.items)
                    && !builds_on_own_image(ctx, &infra.items)
                    && !builds_on_sibling_stages(ctx, infra)
                    // A browser app's image (a React or Vue build served as files) is the
                    // system's front end, not one of its services.
                    && !browser_package(ctx, crate::graph::module_of(&infra.path))
                    && dirs.insert(image_unit(ctx, &infra.path)) =>
            {
                dockerfiles.push(Evidence::at(&infra.path, None, "its own container image"));
                packs.push(&infra.copies);
            }
            "compose" if !dev_services_only(&ctx.analysis.project, infra) => {
                for service in infra.items.iter().filter(|s| app_name(s)) {
                    compose.push(Evidence::at(
                        &infra.path,
                        None,
                        format!("compose service {service}"),
                    ));
                }
            }
            "kubernetes" | "serverless" => {
                for item in &infra.items {
                    let workload = infra.kind == "serverless"
                        || item.starts_with("Deployment/")
                        || item.starts_with("StatefulSet/");
                    if workload && app_name(item) {
                        workloads.push(Evidence::at(&infra.path, None, format!("workload {item}")));
                    }
                }
            }
            _ => {}
        }
    }
    // An image that copies in two or more folders which build images of their own
    // (Hi.Events' Dockerfile.all-in-one: `COPY ./frontend`, `COPY ./backend`) deploys them
    // together: they are parts of one deployable, not services.
    let folders: Vec<&str> = dockerfiles
        .iter()
        .map(|e| crate::graph::module_of(&e.path))
        .collect();
    let packed: BTreeSet<String> = packs
        .iter()
        .enumerate()
        .flat_map(|(i, copies)| {
            let inside: Vec<String> = folders
                .iter()
                .enumerate()
                .filter(|(j, folder)| *j != i && copies.iter().any(|c| c == *folder))
                .map(|(_, folder)| (*folder).to_string())
                .collect();
            if inside.len() >= 2 {
                inside
            } else {
                Vec::new()
            }
        })
        .collect();
    dockerfiles.retain(|e| !packed.contains(crate::graph::module_of(&e.path)));
    // One service named in several compose files (development, preview, production) or one
    // workload in several manifests is one unit.
    let mut seen = BTreeSet::new();
    compose.retain(|e| seen.insert(e.detail.clone()));
    let mut seen = BTreeSet::new();
    workloads.retain(|e| seen.insert(e.detail.clone()));
    (dockerfiles, compose, workloads)
}

/// Top-level folders named as services (`writer_service`, `user-service`, `OrderService`)
/// that each hold a program entry point of their own.
fn service_programs(ctx: &Context) -> Vec<Evidence> {
    let mut found: BTreeMap<&str, &str> = BTreeMap::new();
    for file in &ctx.app_files {
        let Some((top, _)) = file.path.split_once('/') else {
            continue;
        };
        let lower = top.to_ascii_lowercase();
        let named = lower.len() > "service".len()
            && (lower.ends_with("service") || lower.ends_with("svc"))
            && !matches!(lower.as_str(), "webservice" | "microservice");
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let program = file
            .functions
            .iter()
            .any(|f| f.name == "main" || f.name == "Main")
            && (file.language != "go" || file.module.as_deref() == Some("main"))
            || name == "Program.cs";
        if named && program {
            found.entry(top).or_insert(file.path.as_str());
        }
    }
    found
        .values()
        .map(|path| Evidence::at(path, None, "a service folder with its own program"))
        .collect()
}

fn microservices(ctx: &Context) -> Vec<Signal> {
    let (dockerfiles, compose, workloads) = deployable_units(ctx);
    // Not `apps/`: in JavaScript and Ruby monorepos it holds one product's web app, docs and
    // worker, or independent sample apps, which do not talk to each other as services.
    let service_dirs: Vec<Evidence> = ["services", "microservices", "svc"]
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
    let service_programs = service_programs(ctx);
    // Two images are usually an application and its frontend or admin; services start at three.
    let (d, c, w, s) = (
        dockerfiles.len(),
        compose.len(),
        workloads.len(),
        service_dirs.len(),
    );
    vec![
        when(
            d >= 3,
            "three or more directories build their own container image",
            0.6,
            dockerfiles.clone(),
        ),
        when(d >= 5, "many container images", 0.3, dockerfiles),
        when(
            c >= 3,
            "three or more application services in compose files",
            0.4,
            compose,
        ),
        when(
            w >= 3,
            "three or more Kubernetes / serverless workloads",
            0.45,
            workloads,
        ),
        when(
            service_programs.len() >= 3,
            "three or more top-level service folders (orders_service, user-service) each with its own program",
            0.5,
            service_programs,
        ),
        when(
            s >= 3,
            "services/* each with its own manifest",
            0.5,
            service_dirs,
        ),
    ]
}

/// Folder names of the layers a bounded context holds of its own.
#[rustfmt::skip]
const CONTEXT_LAYERS: &[&str] = &[
    "domain", "application", "infrastructure", "infra", "model", "adapters", "ports", "core",
    "usecases", "usecase", "web", "persistence", "database", "commands", "queries",
];

/// Sibling folders that each contain their own layers (`lending/domain`, `lending/application`,
/// `catalogue/domain`, …): bounded contexts inside one codebase.
fn self_contained_siblings(ctx: &Context) -> Vec<String> {
    const ROOTS: &[&str] = &[
        "src", "lib", "app", "internal", "main", "java", "kotlin", "pkg",
    ];
    // Candidate context → the layer words found directly inside it. A context needs two
    // layers of its own: Laravel's app/Console holding only Commands is a framework folder.
    let mut layers_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &ctx.app_files {
        let segments: Vec<&str> = file.path.split('/').collect();
        for i in 1..segments.len().saturating_sub(1) {
            let word = last_word(segments[i]);
            if !CONTEXT_LAYERS.contains(&word.as_str()) {
                continue;
            }
            let owner = last_word(segments[i - 1]);
            // Folders inside a layer are its feature slices, not contexts that own layers:
            // ErsatzTV.Application/Channels/Commands is the application layer's handlers
            // for channels.
            let in_layer = i >= 2 && CONTEXT_LAYERS.contains(&last_word(segments[i - 2]).as_str());
            if !CONTEXT_LAYERS.contains(&owner.as_str())
                && !ROOTS.contains(&owner.as_str())
                && !in_layer
            {
                layers_of
                    .entry(segments[..i].join("/"))
                    .or_default()
                    .insert(word);
            }
            break;
        }
    }
    let mut by_parent: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (context, layers) in layers_of {
        // A project named for its tier or a shared part (Papercut.Service, Papercut.UI,
        // Shop.Common) holds one program's or every program's layers, not a business context.
        let name = last_word(context.rsplit('/').next().unwrap_or(&context));
        if TECHNICAL_MODULES.contains(&name.as_str()) || TIERS.contains(&name.as_str()) {
            continue;
        }
        if layers.len() >= 2 {
            let parent = crate::graph::module_of(&context).to_string();
            by_parent.entry(parent).or_default().insert(context);
        }
    }
    by_parent
        .into_values()
        .filter(|children| children.len() >= 2)
        .max_by_key(|children| children.len())
        .map(|c| c.into_iter().collect())
        .unwrap_or_default()
}

/// Folder names under `modules/` that hold what every module uses, not a business capability.
#[rustfmt::skip]
const TECHNICAL_MODULES: &[&str] = &[
    "app", "shared", "common", "core", "kernel", "sharedkernel", "shared-kernel", "shared_kernel",
    "storage", "database", "db", "config", "configuration", "infra", "infrastructure", "utils",
    "util", "helpers", "lib", "libs", "tasks", "jobs", "i18n", "theme", "themes", "ui", "layout",
];

/// Names of a system's programs by the part they play: a deployable tier, not a context.
#[rustfmt::skip]
const TIERS: &[&str] = &[
    "service", "services", "web", "webapp", "api", "server", "client", "worker", "host", "desktop",
    "cli", "console", "gateway",
];

/// Folders whose children are an application's modules or bounded contexts.
const MODULE_ROOTS: &[&str] = &[
    "modules",
    "bounded-contexts",
    "boundedcontexts",
    "bounded_contexts",
    "contexts",
];

fn modular_monolith(ctx: &Context) -> Vec<Signal> {
    let modules: Vec<String> = MODULE_ROOTS
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
        // A browser app's feature folders (enclosed's app-client/src/modules/notes) organise its
        // screens, not the system's business modules.
        .filter(|module| !browser_package(ctx, module))
        // Shared kernels and technical folders beside the modules (enclosed's modules/app,
        // shared, storage, tasks beside modules/notes) are not slices of the business.
        .filter(|module| {
            let name = module.rsplit('/').next().unwrap_or(module);
            !TECHNICAL_MODULES.contains(&name.to_ascii_lowercase().as_str())
        })
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect();
    // A module of a modular monolith is a slice of the business with its own parts (its
    // controllers, services, models); folders of technical helpers or plugin kinds under
    // `modules/` (vikunja's pkg/modules/avatar, wiki.js's server/modules/authentication,
    // vendored libraries) hold code but no parts of their own, and share the app's model.
    // Every NestJS feature module has its controller, service and entities: that is how the
    // framework organises any app, so a Nest module counts only with layers of its own
    // (domain-driven-hexagon's modules/user/domain, commands, queries, database).
    let structured = modules
        .iter()
        .filter(|module| {
            let prefix = format!("{module}/");
            let nest = ctx
                .app_files
                .iter()
                .filter(|f| f.path.starts_with(&prefix))
                .any(|f| f.imports.iter().any(|i| i.path.starts_with("@nestjs/")));
            if nest {
                let layers: BTreeSet<&str> = ctx
                    .app_files
                    .iter()
                    .filter_map(|f| f.path.strip_prefix(&prefix))
                    .flat_map(|rest| rest.split('/').rev().skip(1))
                    .filter_map(|folder| {
                        let word = last_word(folder);
                        CONTEXT_LAYERS.iter().find(|l| **l == word).copied()
                    })
                    .collect();
                return layers.len() >= 2;
            }
            let roles: BTreeSet<String> = ctx
                .app_files
                .iter()
                .filter_map(|f| f.path.strip_prefix(&prefix))
                .flat_map(|rest| {
                    // Folders name parts (Domain/, application/); so do the private files
                    // of a module that hides them behind its API (catalog/_views.py). Feature
                    // files named for their role (papra's documents.repository.ts beside
                    // documents.routes.ts) are how any app organises a feature.
                    let (dir, file) = rest.rsplit_once('/').unwrap_or(("", rest));
                    let private = file
                        .strip_prefix('_')
                        .filter(|f| !f.starts_with('_'))
                        .map(|f| f.split('.').next().unwrap_or(f));
                    dir.split(['/', '.'])
                        .chain(private)
                        .map(|word| word.trim_start_matches('_').to_ascii_lowercase())
                        .collect::<Vec<_>>()
                })
                .filter(|word| layer_of(word).is_some())
                .collect();
            roles.len() >= 2
        })
        .count();
    let modules = if structured >= 3 || (structured >= 2 && structured * 2 >= modules.len()) {
        modules
    } else {
        Vec::new()
    };
    let contexts = self_contained_siblings(ctx);
    // Deployable units: images of their own, or else top-level service folders that are
    // programs of their own (order-service/main.go, payment-service/main.go, …).
    let (mut units, _, _) = deployable_units(ctx);
    if units.len() < 3 {
        let programs = service_programs(ctx);
        if programs.len() >= 3 {
            units = programs;
        }
    }
    let single = units.len() <= 2 && (modules.len() >= 2 || contexts.len() >= 2);
    let all: Vec<String> = modules.iter().chain(contexts.iter()).cloned().collect();
    // Spring Modulith verifies the module boundaries of one Spring Boot application: the
    // application says what it is (spring-restbucks' order, payment and engine modules).
    let modulith: Vec<Evidence> = ctx
        .app_files
        .iter()
        .filter_map(|f| {
            f.imports
                .iter()
                .find(|i| i.path.starts_with("org.springframework.modulith."))
                .map(|i| Evidence::at(&f.path, Some(i.line), format!("imports {}", i.path)))
        })
        .take(3)
        .collect();
    vec![
        when(
            true,
            "Spring Modulith declares and verifies the application's modules",
            0.75,
            modulith,
        ),
        when(
            modules.len() >= 3,
            "three or more sibling modules under a modules / contexts folder",
            0.45,
            evidence_for(modules.clone(), "a module with its own code", 4),
        ),
        when(
            modules.len() == 2,
            "two sibling modules under a modules / contexts folder",
            0.25,
            evidence_for(modules.clone(), "a module with its own code", 4),
        ),
        when(
            contexts.len() >= 3,
            "three or more sibling folders that each hold their own layers (bounded contexts)",
            0.5,
            evidence_for(contexts.clone(), "a module with its own layers", 4),
        ),
        when(
            contexts.len() == 2,
            "two sibling folders that each hold their own layers",
            0.3,
            evidence_for(contexts, "a module with its own layers", 4),
        ),
        when(
            single,
            "the modules ship as one deployable unit",
            0.15,
            evidence_for(all, "part of one deployable unit", 2),
        ),
        when(units.len() >= 3, "several deployable units", -0.5, units),
        when(
            true,
            "the modules reach into each other's internals (no module API between them)",
            -0.6,
            entangled_modules(ctx, &modules),
        ),
    ]
}

/// The parts of a module that others may import: its API, its contracts, the events it
/// publishes (kgrzybek's `Modules.Meetings.IntegrationEvents`).
#[rustfmt::skip]
const MODULE_API: &[&str] = &[
    "api", "contracts", "contract", "integrationevents", "integration_events", "events",
    "shared", "public", "publicapi", "facade", "client", "dto", "dtos", "index", "__init__",
];

/// Evidence that the modules under a modules / contexts folder are folders, not modules:
/// half or more of them import other modules' models, services or controllers directly
/// (castopod's modules/Admin using `Modules\Fediverse\Models\…`), and such imports
/// outnumber those of the others' APIs or events. Boundaries kept by convention between
/// feature folders are what the monolith's own packages are.
fn entangled_modules(ctx: &Context, modules: &[String]) -> Vec<Evidence> {
    if modules.len() < 3 {
        return Vec::new();
    }
    let names: Vec<(String, &str)> = modules
        .iter()
        .map(|m| {
            let name = m.rsplit('/').next().unwrap_or(m);
            (name.to_ascii_lowercase(), m.as_str())
        })
        .collect();
    let (mut internal, mut api) = (0usize, 0usize);
    let mut reaching: Vec<Evidence> = Vec::new();
    for (own, module) in &names {
        let prefix = format!("{module}/");
        let mut first: Option<Evidence> = None;
        for f in ctx.app_files.iter().filter(|f| f.path.starts_with(&prefix)) {
            for import in &f.imports {
                let relative = import.path.starts_with('.');
                let segments: Vec<String> = import
                    .path
                    .split(['.', '/', '\\', ':'])
                    .filter(|s| !s.is_empty())
                    .map(str::to_ascii_lowercase)
                    .collect();
                // Another module's name, reached by a relative path or named under the
                // modules folder of a namespace, and the part of it imported.
                let hit = (0..segments.len().saturating_sub(1)).find_map(|k| {
                    let named = names.iter().any(|(n, _)| *n == segments[k] && n != own);
                    let anchored =
                        relative || (k > 0 && MODULE_ROOTS.contains(&segments[k - 1].as_str()));
                    (named && anchored).then(|| segments[k + 1].clone())
                });
                let Some(part) = hit else { continue };
                if MODULE_API.contains(&part.as_str()) || part.ends_with("integrationevents") {
                    api += 1;
                } else {
                    internal += 1;
                    first.get_or_insert_with(|| {
                        Evidence::at(
                            &f.path,
                            Some(import.line),
                            format!("imports {}", import.path),
                        )
                    });
                }
            }
        }
        reaching.extend(first);
    }
    if reaching.len() * 2 >= names.len() && internal > api {
        reaching.truncate(3);
        reaching
    } else {
        Vec::new()
    }
}

/// A Python package that depends on FastAPI, Flask, Quart or Starlette and never builds the
/// application object (`FastAPI()`, `Flask(__name__)`, a subclass of either) extends that
/// framework for the applications that do (fastapi-users' routers, a Flask extension): the
/// framework is its host, not its server. Only a named package (pyproject.toml, setup.py,
/// setup.cfg) is one; a requirements.txt lists what some scripts of an application run on.
fn python_extension(ctx: &Context, framework: &crate::facts::Framework) -> bool {
    const APP_OBJECTS: &[&str] = &["FastAPI", "Flask", "Quart", "Starlette"];
    if !APP_OBJECTS.contains(&framework.name.as_str()) {
        return false;
    }
    let named_package = ctx.analysis.project.manifests.iter().any(|m| {
        m.path == framework.manifest
            && m.name.is_some()
            && ["pyproject.toml", "setup.py", "setup.cfg"]
                .iter()
                .any(|file| m.path.rsplit('/').next() == Some(*file))
    });
    if !named_package {
        return false;
    }
    let python = ctx
        .app_files
        .iter()
        .filter(|f| f.language == "python")
        .collect::<Vec<_>>();
    !python.is_empty()
        && !python.iter().any(|f| {
            f.calls
                .iter()
                .any(|c| APP_OBJECTS.contains(&c.name.as_str()))
                || f.types.iter().any(|t| {
                    t.bases
                        .iter()
                        .any(|b| APP_OBJECTS.contains(&crate::parse::simple_name(b)))
                })
        })
}

/// Evidence that the repository is an application: entry points, web / frontend frameworks, deployments.
fn application_evidence(ctx: &Context) -> Vec<Evidence> {
    let mut out = Vec::new();
    let packaged = packaged_library(ctx);
    // A published npm package (an entry declared, not private) at the root is the product;
    // web and front-end packages beside it in the workspace are its companions (pg-boss's
    // packages/dashboard and packages/proxy serve the queues the library keeps).
    let npm_library = root_ships(ctx, "library")
        .any(|m| m.ecosystem == "npm" && !m.ships.iter().any(|s| s == "private"));
    // So is a root Composer package that says it is a library: the bundles beside it
    // (Twig's extra/twig-extra-bundle, a Symfony bundle) plug it into the user's application.
    let composer_library = root_ships(ctx, "library").any(|m| m.ecosystem == "composer");
    for f in ctx.frameworks() {
        if npm_library && f.manifest.contains('/') && f.manifest.ends_with("package.json") {
            continue;
        }
        if composer_library && f.manifest.contains('/') && f.manifest.ends_with("composer.json") {
            continue;
        }
        // A gem's Gemfile is its development environment (Rails to test a Railtie), and a
        // web framework its gemspec depends on serves the dashboard it bundles for the host
        // application (resque's Sinatra web UI).
        if packaged && (f.manifest == "Gemfile" || f.manifest.ends_with(".gemspec")) {
            continue;
        }
        // A .NET class library integrating a web framework (Hangfire.AspNetCore, packed or
        // targeting .NET Standard) serves nothing of its own; nor does a dotnet tool built
        // on the web SDK (Mapster.Tool, `PackAsTool`).
        let dotnet_library = f.manifest.ends_with(".csproj")
            && ctx.analysis.project.manifests.iter().any(|m| {
                m.path == f.manifest && m.ships.iter().any(|s| s == "library" || s == "cli")
            });
        if matches!(f.category.as_str(), "web" | "frontend")
            && !peer_only(ctx, f)
            && !go_module_without_program(ctx, &f.manifest)
            && !dotnet_library
            && !spring_boot_starter(ctx, &f.manifest)
            && !python_extension(ctx, f)
            && !(f.category == "frontend" && inside_dotnet_library(ctx, &f.manifest))
        {
            out.push(Evidence::at(
                &f.manifest,
                None,
                format!("{} application", f.name),
            ));
        }
    }
    out.extend(chat_bots(ctx).filter(|e| !(packaged && e.path == "Gemfile")));
    // An image on a .NET runtime base runs a program published from the repository (an
    // SDK-only image may just install a published tool: dotnet-script's).
    let runs_dotnet_program = ctx.analysis.project.infrastructure.iter().any(|i| {
        i.kind == "dockerfile"
            && deploys(&ctx.analysis.project, i)
            && i.items.iter().any(|image| {
                ["dotnet/runtime", "dotnet/aspnet"]
                    .iter()
                    .any(|base| image.contains(base))
            })
    });
    // A published npm package names its modules freely: bullmq's src/classes/main.ts is the
    // child process of its sandboxed processors, fastify's lib/server.js the server it
    // builds for its users. Only a root server.js, or one in a server/ folder (a self-hosted
    // monitor's `main`), is still the program it runs.
    for file in &ctx.app_files {
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let has_main = || {
            file.functions
                .iter()
                .any(|f| f.name == "main" || f.name == "Main")
        };
        // A binary that is a command-line tool does not make a library an application:
        // only entry points that serve (web, workers) or deploy count here.
        let serves = || {
            file.imports.iter().any(|i| {
                i.path == "net/http"
                    || SERVER_LIBRARIES
                        .iter()
                        .any(|p| crate::detect::rules::import_matches(&i.path, p))
            })
        };
        let depth = file.path.matches('/').count();
        let entry = match file.language.as_str() {
            "rust" => {
                (name == "main.rs" || file.path.contains("src/bin/")) && has_main() && serves()
            }
            "go" => file.module.as_deref() == Some("main") && has_main() && serves(),
            "python" => {
                name == "manage.py"
                    // A project's wsgi.py / asgi.py sits beside its settings or at the top;
                    // httpx's _transports/wsgi.py is a transport, not an entry point.
                    || (matches!(name, "wsgi.py" | "asgi.py")
                        && (depth <= 1 || beside_settings(ctx, &file.path)))
                    || (matches!(name, "main.py" | "app.py")
                        && depth <= 1
                        && !package_api(ctx, &file.path))
            }
            // Beside a NuGet library, a dotnet tool (coravel-cli) is the library's command, and
            // a console program that hosts nothing (no ASP.NET Core, no generic host) its
            // helper (CliWrap.Signaler, which the library embeds), unless an image runs it:
            // TShock's launcher, published onto a .NET runtime image beside the plugin API it
            // packs, is the application.
            "csharp" => {
                (has_main() || name == "Program.cs")
                    && !(packaged
                        && (dotnet_tool(ctx, &file.path)
                            || !hosts_dotnet(file) && !runs_dotnet_program))
            }
            // A `main` in a JVM library is a tool of its build or a demo (HikariCP's
            // JavassistProxyFactory generates its proxies): only one that starts a server
            // (Spring Boot, Micronaut, Ktor, Javalin, Vert.x, Jetty ...) or is named for one
            // (`ShopApplication`, `SlothServer`) is an application's.
            "java" | "kotlin" => {
                let stem = name.split('.').next().unwrap_or(name);
                has_main()
                    && (["Application", "App", "Server"]
                        .iter()
                        .any(|s| stem.ends_with(s))
                        || file.imports.iter().any(|i| {
                            JVM_SERVERS
                                .iter()
                                .any(|p| crate::detect::rules::import_matches(&i.path, p))
                        })
                        || desktop_program(file))
            }
            "javascript" | "typescript" | "tsx" => {
                matches!(
                    name,
                    "server.js"
                        | "server.ts"
                        | "main.ts"
                        | "main.tsx"
                        | "index.tsx"
                        | "app.js"
                        | "app.ts"
                ) && !(npm_library && depth >= 1 && !file.path.starts_with("server/"))
            }
            "php" => name == "index.php" || name == "artisan",
            "ruby" => file.path.starts_with("config/") && name == "application.rb",
            _ => false,
        };
        // A packaged library's documentation site, benchmarks and samples are its own
        // projects (CsvHelper.Website), not the application the repository ships.
        let auxiliary = packaged
            && file.path.split('/').any(|segment| {
                let lower = segment.to_ascii_lowercase();
                [
                    ".website",
                    ".docs",
                    ".benchmarks",
                    ".samples",
                    ".examples",
                    ".demo",
                ]
                .iter()
                .any(|suffix| lower.ends_with(suffix))
            });
        if entry && !auxiliary {
            out.push(Evidence::at(&file.path, None, "application entry point"));
        }
    }
    // A package that says it is a library does not deploy itself: its Dockerfile and compose
    // file are a development environment (league/commonmark's PHP tool image, flipper's).
    // Nor does a compiled command-line program that serves nothing: its image packages the
    // tool (yq's, gping's).
    if !packaged && !packaged_command(ctx) {
        for infra in &ctx.analysis.project.infrastructure {
            if deploys(&ctx.analysis.project, infra) {
                out.push(Evidence::at(
                    &infra.path,
                    None,
                    format!("{} deployment", infra.kind),
                ));
            }
        }
    }
    out.truncate(6);
    out
}

/// A JVM `main` that starts a desktop GUI (JavaFX, Swing, SWT).
fn desktop_program(file: &crate::parse::FileFacts) -> bool {
    matches!(file.language.as_str(), "java" | "kotlin")
        && file
            .functions
            .iter()
            .any(|f| f.name == "main" || f.name == "Main")
        && file.imports.iter().any(|i| {
            JVM_DESKTOP
                .iter()
                .any(|p| crate::detect::rules::import_matches(&i.path, p))
        })
}

/// A Rust or Go program with no HTTP routes, web framework or server library (hyper, tonic,
/// `ListenAndServe`): a command whose Docker image is one more way to install it. Python's
/// `__main__.py` also starts servers (Radicale's), so other languages count only when the
/// root package is a library whose command serves nothing (rq's image runs `rq worker`).
fn packaged_command(ctx: &Context) -> bool {
    let offline = offline_entry_points(ctx);
    let compiled = offline
        .iter()
        .any(|e| e.path.ends_with(".rs") || e.path.ends_with(".go"));
    let library_tool = !offline.is_empty() && !root_library(ctx).is_empty();
    // An npm package that exports a library and a `bin` (graphile-worker's image runs its
    // dist/cli.js): the image is one more way to run the command.
    let npm_tool = ["library", "cli"]
        .iter()
        .all(|kind| root_ships(ctx, kind).any(|m| m.ecosystem == "npm"));
    (compiled || library_tool || npm_tool)
        && !ctx.app_files.iter().any(|f| {
            f.calls.iter().any(|c| c.name.starts_with("ListenAndServe"))
                || f.imports.iter().any(|i| {
                    SERVER_LIBRARIES
                        .iter()
                        .any(|p| crate::detect::rules::import_matches(&i.path, p))
                })
        })
}

/// A build that depends on Spring Boot's auto-configuration itself is a starter
/// (exposed-spring-boot-starter): a library the host application's Spring Boot configures,
/// not an application; applications get auto-configuration through their starters.
fn spring_boot_starter(ctx: &Context, manifest: &str) -> bool {
    ctx.analysis.project.manifests.iter().any(|m| {
        m.path == manifest
            && m.dependencies.iter().any(|d| {
                d.name == "org.springframework.boot:spring-boot-autoconfigure"
                    && matches!(d.scope.as_str(), "runtime" | "build")
            })
    })
}

/// Whether a C# file belongs to a project packed as a dotnet tool (`PackAsTool`), or to a
/// console program never packed (EasyNetQ.Hosepipe beside the EasyNetQ packages).
fn dotnet_tool(ctx: &Context, path: &str) -> bool {
    inside_nuget_project(ctx, path, &["cli", "private"])
}

/// Whether a manifest sits inside the folder of a .NET class library: a front end there is
/// the dashboard the library embeds and serves for its host application (CAP's Vue
/// dashboard in src/DotNetCore.CAP.Dashboard/wwwroot, packed into the NuGet package).
fn inside_dotnet_library(ctx: &Context, manifest: &str) -> bool {
    inside_nuget_project(ctx, manifest, &["library"])
}

/// Whether `path` lies below the folder of a NuGet manifest (a `.csproj`, or a
/// `Directory.Build.props` for the projects under it) that ships one of `ships`.
fn inside_nuget_project(ctx: &Context, path: &str, ships: &[&str]) -> bool {
    ctx.analysis.project.manifests.iter().any(|m| {
        m.ecosystem == "nuget"
            && m.ships.iter().any(|s| ships.contains(&s.as_str()))
            && m.path.rsplit_once('/').is_some_and(|(dir, _)| {
                path.strip_prefix(dir)
                    .is_some_and(|rest| rest.starts_with('/'))
            })
    })
}

/// Whether a .NET program hosts something: a web server, a worker or a gRPC service.
fn hosts_dotnet(file: &crate::parse::FileFacts) -> bool {
    file.imports.iter().any(|i| {
        [
            "Microsoft.AspNetCore",
            "Microsoft.Extensions.Hosting",
            "Grpc.Core",
            "Topshelf",
        ]
        .iter()
        .any(|p| crate::detect::rules::import_matches(&i.path, p))
    })
}

/// A Go module with no `main` package of its own (examples and tools aside): a web
/// framework among its dependencies routes handlers the library offers (watermill's HTTP
/// components on chi); nothing here runs a server.
fn go_module_without_program(ctx: &Context, manifest: &str) -> bool {
    let Some(dir) = manifest.strip_suffix("go.mod") else {
        return false;
    };
    !ctx.app_files.iter().any(|f| {
        f.language == "go" && f.path.starts_with(dir) && f.module.as_deref() == Some("main")
    })
}

/// A framework the package only names as a peer or optional dependency is the host it plugs
/// into (a React state library, a discord.js extension, agendash's Express / Koa / Fastify /
/// Hapi middlewares for whichever the user runs), not an application of its own.
fn peer_only(ctx: &Context, f: &crate::facts::Framework) -> bool {
    ctx.analysis.project.manifests.iter().any(|m| {
        m.path == f.manifest
            && m.dependencies
                .iter()
                .any(|d| d.name == f.dependency && matches!(d.scope.as_str(), "peer" | "optional"))
    })
}

/// Chat-bot frameworks in the direct dependencies: a bot stays connected to its platform and
/// is deployed like a server, though it listens on no port.
fn chat_bots<'c>(ctx: &'c Context) -> impl Iterator<Item = Evidence> + 'c {
    ctx.frameworks()
        .filter(|f| f.category == "bot" && !peer_only(ctx, f))
        .map(|f| Evidence::at(&f.manifest, None, format!("a chat bot ({})", f.name)))
}

/// A package that declares itself a library in a way applications do not: composer.json
/// `"type": "library"` (or no type and nothing of an application), a gemspec at the root, a
/// .csproj packed for NuGet. (package.json `main` is left out: Express applications set it
/// too.)
fn packaged_library(ctx: &Context) -> bool {
    let manifests = &ctx.analysis.project.manifests;
    let declared = manifests.iter().any(|m| {
        m.ships.iter().any(|s| s == "library")
            && !ctx.outside_app(&m.path)
            && ((m.ecosystem == "composer" && !m.path.contains('/')) || m.ecosystem == "nuget")
    });
    // composer.json without a type is a library by Composer's default, unless the code has a
    // front controller or a web framework (custom PHP apps often leave the type out).
    let untyped_composer = manifests
        .iter()
        .any(|m| m.ecosystem == "composer" && !m.path.contains('/') && m.ships.is_empty())
        && !ctx.app_files.iter().any(|f| {
            let name = f.path.rsplit('/').next().unwrap_or(&f.path);
            matches!(name, "index.php" | "artisan" | "console")
        })
        && !ctx.frameworks().any(|f| f.category == "web");
    declared
        || untyped_composer
        || ctx
            .app_files
            .iter()
            .any(|f| !f.path.contains('/') && f.path.ends_with(".gemspec"))
}

/// Whether a Python module is part of its package's API: the package's `__init__.py`
/// re-exports from it (typer's `from .main import Typer`), so `main.py` names the library's
/// core, not a program's entry.
fn package_api(ctx: &Context, path: &str) -> bool {
    let Some((package, file)) = path.rsplit_once('/') else {
        return false;
    };
    let stem = file.trim_end_matches(".py");
    let init = format!("{package}/__init__.py");
    let relative = format!(".{stem}");
    let absolute = format!("{}.{stem}", package.replace('/', "."));
    ctx.app_files.iter().any(|f| {
        f.path == init
            && f.imports
                .iter()
                .any(|i| i.path == relative || i.path == absolute)
    })
}

/// Whether a Python file sits beside the project's `settings.py` or `urls.py` (Django).
fn beside_settings(ctx: &Context, path: &str) -> bool {
    let module = crate::graph::module_of(path);
    let package = format!("{module}/settings/");
    ctx.app_files.iter().any(|f| {
        (crate::graph::module_of(&f.path) == module
            && (f.path.ends_with("/settings.py") || f.path.ends_with("/urls.py")))
            || f.path.starts_with(&package)
    })
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
        .chain(declared_library(ctx))
        .chain(jvm_package(ctx))
        .chain(composer_package(ctx))
        .chain(npm_default_entry(ctx))
        .chain(go_root_package(ctx))
        .chain(peer_package(ctx))
        .collect();
    let published: Vec<Evidence> = ctx
        .analysis
        .project
        .manifests
        .iter()
        .filter(|m| m.name.is_some() && !m.path.contains('/') && !ctx.doc_site(&m.path))
        .map(|m| Evidence::at(&m.path, None, "a named, publishable package"))
        .collect();
    let no_app = app.is_empty();
    let mut root_lib = root_library(ctx);
    root_lib.extend(declared_library(ctx));
    let cli_first = cli_first(ctx);
    vec![
        when(
            true,
            "the package ships a command-line program and its root module exposes no API",
            -0.6,
            cli_first,
        ),
        when(
            no_app,
            "library entry points and no application entry point, web framework or deployment",
            0.6,
            lib_entries,
        ),
        when(
            no_app,
            "importable Go packages under pkg/ beside a command (its engine, offered as a library)",
            0.5,
            // Only where the module's root is not itself the library (goose's `package goose`).
            if go_root_package(ctx).is_empty() {
                go_public_packages(ctx)
            } else {
                Vec::new()
            },
        ),
        when(
            no_app,
            "the root package is a library (its binaries are secondary)",
            0.3,
            root_lib,
        ),
        when(
            no_app,
            "a publishable package without an application",
            0.3,
            published,
        ),
        when(
            true,
            "an application: entry point, web framework or deployment",
            -0.6,
            app,
        ),
    ]
}

/// A lexer feeding a parser in a library or tool: the text it reads flows through stages
/// (tokens, a syntax tree, what it renders or evaluates). In an application the same pair is
/// one feature (kanboard's search filter, linkding's query syntax), not how it is built.
fn text_stages(ctx: &Context) -> Vec<Signal> {
    // Not the stages of its own text: syntax-highlighting lexers plugged into Pygments
    // (httpie's output lexers) and command-line argument parsers.
    let named = |suffixes: &[&str]| -> Vec<Evidence> {
        ctx.app_files
            .iter()
            .filter(|f| !f.imports.iter().any(|i| i.path.starts_with("pygments")))
            .flat_map(|f| {
                f.types
                    .iter()
                    .filter(|t| {
                        t.name.starts_with(|c: char| c.is_ascii_uppercase())
                            && suffixes.iter().any(|s| t.name.ends_with(s))
                            && !["ArgumentParser", "OptionParser", "ArgParser"]
                                .iter()
                                .any(|cli| t.name.ends_with(cli))
                    })
                    .map(|t| Evidence::at(&f.path, Some(t.line), format!("class {}", t.name)))
            })
            .take(3)
            .collect()
    };
    let lexers = named(&["Lexer", "Tokenizer", "Tokeniser"]);
    let parsers = named(&["Parser"]);
    let stages = if lexers.is_empty() || parsers.is_empty() || !application_evidence(ctx).is_empty()
    {
        Vec::new()
    } else {
        lexers.into_iter().chain(parsers).collect()
    };
    vec![when(
        true,
        "a lexer feeding a parser in a library or tool: text flows through stages (tokens, syntax tree, output)",
        // Enough alone (see `FLOW_THRESHOLD`): unlike a `Step` or `Processor` interface,
        // which products declare for one feature, the pair is how such a library is built.
        0.6,
        stages,
    )]
}

/// A root npm package that names peer dependencies: it plugs into a host its users install
/// (a React state library, a Vite plugin); applications do not declare peers.
fn peer_package(ctx: &Context) -> Vec<Evidence> {
    ctx.analysis
        .project
        .manifests
        .iter()
        .filter(|m| m.ecosystem == "npm" && !m.path.contains('/'))
        .filter_map(|m| {
            let peer = m.dependencies.iter().find(|d| d.scope == "peer")?;
            Some(Evidence::at(
                &m.path,
                None,
                format!("a package for its users' {} (a peer dependency)", peer.name),
            ))
        })
        .collect()
}

/// The first Go file of a non-`main` package (one other modules can import) at a path `at`
/// accepts, in a repository whose root holds the `go.mod`.
fn go_importable_file<'a>(
    ctx: &'a Context,
    at: impl Fn(&str) -> bool,
) -> Option<&'a crate::parse::FileFacts> {
    let module_at_root = ctx
        .analysis
        .project
        .manifests
        .iter()
        .any(|m| m.ecosystem == "go" && !m.path.contains('/'));
    if !module_at_root {
        return None;
    }
    ctx.app_files.iter().copied().find(|f| {
        f.language == "go" && at(&f.path) && f.module.as_deref().is_some_and(|p| p != "main")
    })
}

/// Importable packages under a Go module's `pkg/` (the layout's name for code other modules
/// may use, beside `internal/` for code they may not): a command that also offers its engine
/// as a library (yq's `pkg/yqlib`, gdu's `pkg/analyze`).
fn go_public_packages(ctx: &Context) -> Vec<Evidence> {
    go_importable_file(ctx, |path| path.starts_with("pkg/"))
        .map(|f| {
            let dir = f.path.rsplit_once('/').map_or(f.path.as_str(), |(d, _)| d);
            Evidence::at(
                dir,
                None,
                "a package under pkg/ that other modules can import",
            )
        })
        .into_iter()
        .collect()
}

/// A Go module whose root directory holds an importable package (`package chi`, not
/// `package main`): what `go get` of the module path hands to its users.
fn go_root_package(ctx: &Context) -> Vec<Evidence> {
    go_importable_file(ctx, |path| !path.contains('/'))
        .map(|f| {
            Evidence::at(
                &f.path,
                None,
                format!(
                    "the module's root package `{}`",
                    f.module.as_deref().unwrap_or_default()
                ),
            )
        })
        .into_iter()
        .collect()
}

/// A root package.json that names no entry: npm's default entry is `index.js`. A public,
/// named package with that file at its root (express) exposes it to `require`.
fn npm_default_entry(ctx: &Context) -> Vec<Evidence> {
    let public = ctx.analysis.project.manifests.iter().any(|m| {
        m.ecosystem == "npm"
            && !m.path.contains('/')
            && m.name.is_some()
            && !m.ships.iter().any(|s| s == "private" || s == "library")
    });
    if !public {
        return Vec::new();
    }
    ctx.app_files
        .iter()
        .filter(|f| matches!(f.path.as_str(), "index.js" | "index.cjs" | "index.mjs"))
        .take(1)
        .map(|f| {
            Evidence::at(
                &f.path,
                None,
                "the package's default entry (no `main` declared)",
            )
        })
        .collect()
}

/// A root composer.json that names no type: Composer's default type is "library" (projects
/// say "project"). It says "library" only where nothing makes the repository an application.
fn composer_package(ctx: &Context) -> Vec<Evidence> {
    ctx.analysis
        .project
        .manifests
        .iter()
        .filter(|m| m.ecosystem == "composer" && !m.path.contains('/') && m.ships.is_empty())
        .take(1)
        .map(|m| {
            Evidence::at(
                &m.path,
                None,
                "a Composer package (its default type is library)",
            )
        })
        .collect()
}

/// A root Maven or Gradle build with Java or Kotlin sources: a jar. It says "library" only
/// where nothing else makes the repository an application (the caller checks).
fn jvm_package(ctx: &Context) -> Vec<Evidence> {
    let has_jvm_code = ctx
        .app_files
        .iter()
        .any(|f| matches!(f.language.as_str(), "java" | "kotlin"));
    ctx.analysis
        .project
        .manifests
        .iter()
        .filter(|m| has_jvm_code && !m.path.contains('/'))
        .filter(|m| matches!(m.ecosystem.as_str(), "maven" | "gradle"))
        // Gradle's `application` plugin builds the root into a program, not a jar to reuse.
        .filter(|m| !m.ships.iter().any(|s| s == "cli"))
        .take(1)
        .map(|m| Evidence::at(&m.path, None, "a jar built from the root"))
        .collect()
}

/// Root manifests that declare what they ship, with the declaration's name.
fn root_ships<'a>(
    ctx: &'a Context,
    what: &'a str,
) -> impl Iterator<Item = &'a crate::facts::Manifest> + 'a {
    ctx.analysis
        .project
        .manifests
        .iter()
        .filter(move |m| !m.path.contains('/') && m.ships.iter().any(|s| s == what))
}

/// A root manifest that declares a library (package.json main / exports / module / types,
/// composer.json `"type": "library"`), a .csproj packed for NuGet, or a package of a private
/// npm workspace that does, and is not private.
fn declared_library(ctx: &Context) -> Vec<Evidence> {
    // .NET projects live in folders of their own (src/MediatR/MediatR.csproj).
    let nuget = ctx.analysis.project.manifests.iter().filter(|m| {
        m.ecosystem == "nuget"
            && m.ships.iter().any(|s| s == "library")
            && !ctx.outside_app(&m.path)
    });
    // A private npm workspace root publishes its members (zod's packages/zod).
    let private_root = root_ships(ctx, "private").any(|m| m.ecosystem == "npm");
    let members = ctx.analysis.project.manifests.iter().filter(move |m| {
        private_root
            && m.ecosystem == "npm"
            && m.path.contains('/')
            && m.ships.iter().any(|s| s == "library")
            && !ctx.outside_app(&m.path)
    });
    root_ships(ctx, "library")
        .chain(nuget)
        .chain(members)
        .filter(|m| !m.ships.iter().any(|s| s == "private"))
        .take(1)
        .map(|m| Evidence::at(&m.path, None, "declares a library (package entry or type)"))
        .collect()
}

/// A package that declares command-line scripts while its root module exports nothing: a
/// program packaged for installation (pipx), not a library with a helper command (flask).
fn cli_first(ctx: &Context) -> Vec<Evidence> {
    let Some(manifest) = root_ships(ctx, "cli").next() else {
        return Vec::new();
    };
    if manifest.ships.iter().any(|s| s == "library") {
        return Vec::new();
    }
    let names: Vec<String> = manifest
        .name
        .iter()
        .map(|n| n.to_ascii_lowercase().replace('-', "_"))
        .collect();
    let root_module = ctx.app_files.iter().find(|f| {
        names.iter().any(|n| {
            f.path == format!("src/{n}/__init__.py") || f.path == format!("{n}/__init__.py")
        })
    });
    match root_module {
        Some(init)
            if init.imports.len() <= 2 && init.types.is_empty() && init.functions.is_empty() =>
        {
            vec![
                Evidence::at(&manifest.path, None, "declares command-line scripts"),
                Evidence::at(&init.path, None, "the root module exports no API"),
            ]
        }
        _ => Vec::new(),
    }
}

/// The root package's library entry: `src/lib.rs` of the root crate, the Python package named
/// like the project, `lib/` of a gem.
fn root_library(ctx: &Context) -> Vec<Evidence> {
    let names: Vec<String> = root_names(ctx)
        .map(|n| n.to_ascii_lowercase().replace('-', "_"))
        // The distribution `python-dotenv` installs the package `dotenv`.
        .flat_map(|n| {
            let bare = n
                .trim_start_matches("python_")
                .trim_start_matches("py_")
                .trim_end_matches("_python")
                .to_string();
            [n, bare]
        })
        .collect();
    // A root crate with its own `src/main.rs`, or filed under crates.io's command-line
    // utilities, is a program whose library serves it; so is a gem installing executables.
    let root_binary = ctx.app_files.iter().any(|f| f.path == "src/main.rs")
        || ctx.analysis.project.manifests.iter().any(|m| {
            (m.path == "Cargo.toml" || !m.path.contains('/') && m.path.ends_with(".gemspec"))
                && m.ships.iter().any(|s| s == "cli")
        });
    let core_crate = workspace_core_crate(ctx);
    ctx.app_files
        .iter()
        .filter(|f| {
            (f.path == "src/lib.rs" && !root_binary)
                || core_crate.as_deref() == Some(f.path.as_str())
                || names.iter().any(|n| {
                    f.path == format!("src/{n}/__init__.py")
                        || f.path == format!("{n}/__init__.py")
                        // A distribution of one module (peewee's peewee.py).
                        || f.path == format!("{n}.py")
                        || (f.path == format!("lib/{n}.rb") && !root_binary)
                })
        })
        .take(1)
        .map(|f| Evidence::at(&f.path, None, "the root package's library entry"))
        .collect()
}

/// The library entry of a virtual Cargo workspace's core crate: the member whose name the
/// other members extend (`minijinja/` beside `minijinja-cli/` and `minijinja-contrib/`) is
/// the product, and its companions (a command-line front end among them) serve it. A core
/// crate with a `src/main.rs` of its own is a program.
fn workspace_core_crate(ctx: &Context) -> Option<String> {
    let root = ctx
        .analysis
        .project
        .manifests
        .iter()
        .find(|m| m.path == "Cargo.toml")?;
    if root.name.is_some() || root.workspace.is_none() {
        return None;
    }
    let members: Vec<(&str, &str)> = ctx
        .analysis
        .project
        .manifests
        .iter()
        .filter(|m| m.ecosystem == "cargo" && m.path.matches('/').count() == 1)
        .filter_map(|m| Some((folder_of(&m.path), m.name.as_deref()?)))
        .collect();
    members.iter().find_map(|(dir, name)| {
        let companions = members
            .iter()
            .filter(|(_, other)| {
                other
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with(['-', '_']))
            })
            .count();
        let lib = format!("{dir}/src/lib.rs");
        let main = format!("{dir}/src/main.rs");
        (companions >= 2
            && ctx.app_files.iter().any(|f| f.path == lib)
            && !ctx.app_files.iter().any(|f| f.path == main))
        .then_some(lib)
    })
}

/// Layers by file role in feature folders (`orders/orders.controller.ts`,
/// `orders/orders.service.ts`, `orders/order.entity.ts`; `OwnerController`, `OwnerService`,
/// `OwnerRepository` in one package): modules holding all three roles.
fn file_role_layers(ctx: &Context) -> Vec<Evidence> {
    let role = |file: &crate::parse::FileFacts| -> Option<Layer> {
        let name = file
            .path
            .rsplit('/')
            .next()
            .unwrap_or(&file.path)
            .to_ascii_lowercase();
        let parts: Vec<&str> = name.split(['.', '_', '-']).collect();
        let has = |words: &[&str]| parts.iter().any(|p| words.contains(p));
        let class_suffix = |suffixes: &[&str]| {
            file.types
                .iter()
                .any(|t| t.kind == TypeKind::Class && suffixes.iter().any(|s| t.name.ends_with(s)))
        };
        if has(&["controller", "controllers", "resolver", "router", "routes"])
            || class_suffix(&["Controller"])
        {
            Some(Layer::Presentation)
        } else if has(&["service", "services", "usecase"]) || class_suffix(&["Service"]) {
            Some(Layer::Business)
        } else if has(&["repository", "repo", "dao", "entity", "model", "schema"])
            || class_suffix(&["Repository", "Dao", "Entity"])
        {
            Some(Layer::Data)
        } else {
            None
        }
    };
    let mut roles: BTreeMap<&str, BTreeSet<Layer>> = BTreeMap::new();
    for file in &ctx.app_files {
        if let Some(layer) = role(file) {
            roles
                .entry(crate::graph::module_of(&file.path))
                .or_default()
                .insert(layer);
        }
    }
    let full: Vec<&str> = roles
        .iter()
        .filter(|(_, r)| r.len() == 3)
        .map(|(m, _)| *m)
        .collect();
    if full.len() < 2 {
        return Vec::new();
    }
    full.iter()
        .take(3)
        .map(|m| {
            Evidence::at(
                m,
                None,
                "controller, service and data-access files side by side",
            )
        })
        .collect()
}

/// A read side of its own: read models, projections or query services apart from the write
/// model (`SingleTableReadModel`, `OrderProjection`, `ArticleQueryService`, a `read_models/`
/// folder). Commands and queries handled through a mediator over one model (MediatR feature
/// slices) separate requests, not models: the labelling conventions keep such an app a
/// monolith first, with CQRS present.
pub fn read_side(ctx: &Context) -> bool {
    static NAME: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let name = NAME.get_or_init(|| {
        regex::Regex::new(r"^I?[A-Z]\w*(ReadModel\w*|ReadService|QueryService|Projection|Projector|QueryModel)s?$")
            .expect("valid regex")
    });
    ctx.has_dir(&[
        "read_models",
        "read_model",
        "readmodels",
        "readmodel",
        "projections",
    ])
    .is_some()
        || ctx
            .app_files
            .iter()
            .any(|f| f.types.iter().any(|t| name.is_match(&t.name)))
}

/// Whether the project's own docs name this style ([`crate::facts::Statement`]).
fn docs_name(ctx: &Context, style: &str) -> bool {
    ctx.analysis
        .project
        .statements
        .iter()
        .any(|s| s.style == style && !s.generic)
}

/// Weight of a style the project's README or architecture notes name, where the code shows
/// it too: on the development sets 0.3 lifted two stated hexagonal systems over the
/// threshold with no false positive; 0.5 asserted a stated hexagonal that was not.
const STATED_STYLE_WEIGHT: f64 = 0.3;

/// What the project's own docs call its style: a little confidence where the code shows that
/// style too (never alone: prose is not evidence of code); docs naming clean or hexagonal and
/// not the other count against the other. The ranking of findings also puts a stated style
/// first among those asserted.
pub fn stated(statements: &[crate::facts::Statement], assessments: &mut [Assessment]) {
    let said_of = |id: &str| -> Vec<Evidence> {
        statements
            .iter()
            .filter(|s| s.style == id && !s.generic)
            .map(|s| Evidence::at(&s.path, Some(s.line), format!("says \"{}\"", s.text)))
            .collect()
    };
    for a in assessments
        .iter_mut()
        .filter(|a| a.kind == FindingKind::Style)
    {
        let said = said_of(&a.id);
        // Clean and hexagonal share their shape (an inward core); a project whose docs
        // name one and not the other has chosen between them.
        let sibling = match a.id.as_str() {
            "clean" => "hexagonal",
            "hexagonal" => "clean",
            _ => "",
        };
        let sibling_said = if said.is_empty() && !sibling.is_empty() {
            said_of(sibling)
        } else {
            Vec::new()
        };
        if said.is_empty() && sibling_said.is_empty() {
            continue;
        }
        let shown = a.signals.iter().any(|s| s.fired && s.weight > 0.0);
        let mut signals = std::mem::take(&mut a.signals);
        if said.is_empty() {
            signals.push(Signal {
                detail: format!(
                    "the project's documentation names {sibling} architecture, not this style"
                ),
                weight: -0.5,
                fired: true,
                hits: sibling_said.len(),
                evidence: sibling_said,
            });
        } else {
            signals.push(Signal {
                detail: "the project's documentation names this style (counts only beside evidence in the code, and lists it first)".to_string(),
                weight: if shown { STATED_STYLE_WEIGHT } else { 0.0 },
                fired: true,
                hits: said.len(),
                evidence: said,
            });
        }
        *a = assess(a.kind, &a.id, signals);
    }
}

/// A file of a command-line tool's `serve` command: `serve.rs`, `serve.go`, `serve/…` under a
/// commands folder (`src/cmd/serve.rs`, `cmd/serve.go`, `commands/serve/server.py`).
fn serve_command_file(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    let Some((file, folders)) = segments.split_last() else {
        return false;
    };
    let stem = file.split('.').next().unwrap_or(file);
    let serve_at = if stem == "serve" {
        Some(folders.len())
    } else {
        folders.iter().position(|s| *s == "serve")
    };
    serve_at.is_some_and(|at| {
        folders[..at].iter().any(|s| {
            matches!(
                *s,
                "cmd" | "cmds" | "command" | "commands" | "cli" | "subcommands"
            )
        })
    })
}

/// Styles that follow from other findings: layered yields to clean / hexagonal,
/// event-driven gains from a message queue, the `cli` style follows the `cli` interface,
/// monolith is what a single deployable application is when nothing more specific holds.
pub fn settle(ctx: &Context, assessments: &mut [Assessment]) {
    let asserted = |list: &[Assessment], kind: FindingKind, id: &str| {
        list.iter()
            .find(|a| a.kind == kind && a.id == id && a.asserted)
            .cloned()
    };
    let fired_evidence = |a: &Option<Assessment>, n: usize| -> Vec<Evidence> {
        a.as_ref()
            .map(|a| {
                a.signals
                    .iter()
                    .filter(|s| s.fired && s.weight > 0.0)
                    .flat_map(|s| s.evidence.clone())
                    .take(n)
                    .collect()
            })
            .unwrap_or_default()
    };
    let asserted_ids: BTreeSet<(FindingKind, String)> = assessments
        .iter()
        .filter(|a| a.asserted)
        .map(|a| (a.kind, a.id.clone()))
        .collect();
    let mq = asserted(assessments, FindingKind::Communication, "message-queue");
    let cli = asserted(assessments, FindingKind::Communication, "cli");
    let rest = asserted(assessments, FindingKind::Communication, "rest-http");
    let micro = asserted(assessments, FindingKind::Style, "microservices");
    let modular = asserted(assessments, FindingKind::Style, "modular-monolith");
    let library = asserted(assessments, FindingKind::Style, "library");
    let clean = asserted(assessments, FindingKind::Style, "clean");
    let hexagonal = asserted(assessments, FindingKind::Style, "hexagonal");
    let mvc = asserted(assessments, FindingKind::Style, "mvc");
    // A tool whose HTTP server is one of its commands (`mdbook serve`): the serving files sit
    // in the module that holds the command-line parsing. For an npm package that is the module
    // of its `bin` or `cli` source file, since package.json's `bin` names the built one
    // (json-server's lib/bin.js, from src/bin.ts beside src/app.ts).
    let npm_bin = root_ships(ctx, "cli").any(|m| m.ecosystem == "npm");
    let cli_modules: BTreeSet<String> = fired_evidence(&cli, 64)
        .iter()
        .filter(|e| e.line.is_some())
        .map(|e| crate::graph::module_of(&e.path).to_string())
        .chain(
            ctx.app_files
                .iter()
                .filter(|f| {
                    let name = f.path.rsplit('/').next().unwrap_or(&f.path);
                    npm_bin
                        && matches!(f.language.as_str(), "javascript" | "typescript")
                        && matches!(name.split('.').next(), Some("bin" | "cli"))
                })
                .map(|f| crate::graph::module_of(&f.path).to_string()),
        )
        .collect();
    // Unless something deploys it: then the server is the product and its flags configure it
    // (lldap's clap arguments sit beside its actix handlers).
    let deployed = ctx
        .analysis
        .project
        .infrastructure
        .iter()
        .any(|i| deploys(&ctx.analysis.project, i));
    // A chat bot's command line only launches it.
    let bots: Vec<Evidence> = chat_bots(ctx).take(2).collect();
    // A tool whose HTTP code all sits in its `serve` command (`zola serve` in src/cmd/serve.rs)
    // serves while it previews, packaged in a Dockerfile or not.
    let rest_evidence = fired_evidence(&rest, 64);
    // So does one that starts a standard-library HTTP server of its own and is deployed
    // nowhere (`pm2 serve`, mkdocs' live reload, vercel's `serve`); a deployed one is a
    // service (haste-server).
    // And so does one whose README describes the product as a command-line tool: serving
    // files over HTTP is what `miniserve` does when run.
    // So does one with a manual page of user commands (section 1): glances' web server is
    // its `-w` mode. Section 8 documents daemons (xandikos.8, a CalDAV server).
    let user_manual = manual_pages(ctx).any(|name| name.split('.').nth(1) == Some("1"));
    let serve_tool = cli.is_some()
        && (docs_name(ctx, "cli") || user_manual || {
            let server_files: BTreeSet<&str> = if deployed {
                BTreeSet::new()
            } else {
                stdlib_servers(ctx).map(|(f, _)| f.path.as_str()).collect()
            };
            let mut code = rest_evidence
                .iter()
                .filter(|e| ctx.app_files.iter().any(|f| f.path == e.path))
                .peekable();
            code.peek().is_some()
                && code
                    .all(|e| serve_command_file(&e.path) || server_files.contains(e.path.as_str()))
        });
    let (serve_command, served_app): (Vec<Evidence>, Vec<Evidence>) =
        rest_evidence.into_iter().partition(|e| {
            serve_tool || (!deployed && cli_modules.contains(crate::graph::module_of(&e.path)))
        });

    for a in assessments
        .iter_mut()
        .filter(|a| a.kind == FindingKind::Style)
    {
        let mut signals = std::mem::take(&mut a.signals);
        match a.id.as_str() {
            "layered" => {
                let mut rings = fired_evidence(&clean, 2);
                rings.extend(fired_evidence(&hexagonal, 2));
                signals.push(when(
                    true,
                    "its layers are the rings of a clean / hexagonal architecture",
                    -0.6,
                    rings,
                ));
                signals.push(when(
                    true,
                    "an MVC framework organises the code",
                    -0.4,
                    fired_evidence(&mvc, 2),
                ));
            }
            "clean" | "hexagonal" if clean.is_some() && hexagonal.is_some() => {
                // Both read the same dependency rule; the folder vocabulary tells them apart.
                let hex_words = ctx.has_dir(&[
                    "ports",
                    "port",
                    "adapters",
                    "adapter",
                    "driving",
                    "driven",
                    "inbound",
                    "outbound",
                    "entrypoints",
                ]);
                let clean_words = ctx.has_dir(&[
                    "usecases",
                    "usecase",
                    "use_cases",
                    "interactors",
                    "entities",
                    "infrastructure",
                ]);
                // Adapters split into driving and driven sides are the hexagon's own
                // vocabulary: use cases and entities alone do not make it clean.
                let clean_words = clean_words.filter(|_| split_edges(ctx).is_empty());
                let (other, words) = if a.id == "clean" {
                    (hex_words, clean_words)
                } else {
                    (clean_words, hex_words)
                };
                let evidence = match (other, words) {
                    (Some(o), None) => {
                        evidence_for(o.iter().cloned(), "vocabulary of the other style", 2)
                    }
                    _ => Vec::new(),
                };
                signals.push(when(
                    true,
                    "the folders use the vocabulary of the other ring-shaped style",
                    -0.5,
                    evidence,
                ));
            }
            "event-driven" => {
                signals.push(when(
                    true,
                    "components talk through a message broker",
                    0.3,
                    fired_evidence(&mq, 3),
                ));
                // Domain events raised and handled in one process (Laravel Events/, MediatR
                // notifications) organise code, not how components communicate.
                let in_process: Vec<Evidence> = signals
                    .iter()
                    .filter(|s| s.fired && s.weight > 0.0)
                    .filter_map(|s| s.evidence.first().cloned())
                    .take(2)
                    .collect();
                signals.push(when(
                    mq.is_none(),
                    "no message broker: the events stay inside one process",
                    -0.35,
                    in_process,
                ));
            }
            "cli" => {
                let weight = cli.as_ref().map(|c| c.confidence.min(0.9)).unwrap_or(0.75);
                signals.push(when(
                    cli.is_some(),
                    "a command-line interface is the entry point",
                    weight,
                    fired_evidence(&cli, 4),
                ));
                signals.push(when(
                    true,
                    "it also serves HTTP",
                    -0.5,
                    served_app.iter().take(2).cloned().collect(),
                ));
                signals.push(when(
                    true,
                    "it runs as a chat bot: its command line launches it",
                    -0.6,
                    bots.clone(),
                ));
                let lib_first = if library.is_some() {
                    root_library(ctx)
                } else {
                    Vec::new()
                };
                signals.push(when(
                    true,
                    "the root package is a library: its command line is secondary",
                    -0.3,
                    lib_first,
                ));
                // A Composer library with no `bin` of its own registers its console commands
                // into the host application (laravel-permission's artisan commands).
                let hosted: Vec<Evidence> = if library.is_some() {
                    ctx.analysis
                        .project
                        .manifests
                        .iter()
                        .filter(|m| m.ecosystem == "composer" && m.path == "composer.json")
                        .filter(|m| !m.ships.iter().any(|s| s == "cli" || s == "application"))
                        .map(|m| {
                            Evidence::at(&m.path, None, "a Composer package without executables")
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                signals.push(when(
                    true,
                    "a Composer library without executables: its commands run in the host application's console",
                    -0.6,
                    hosted,
                ));
            }
            "monolith" => {
                // A monolith is deployed and served: an interface over the network or a deployment.
                // So is a desktop application: users run the program itself.
                let served = rest.is_some()
                    || !bots.is_empty()
                    || ctx.app_files.iter().any(|f| desktop_program(f))
                    || ["grpc", "graphql", "websocket", "message-queue"]
                        .iter()
                        .any(|id| {
                            asserted_ids.contains(&(FindingKind::Communication, id.to_string()))
                        })
                    || deployed;
                let single = served && micro.is_none() && modular.is_none() && library.is_none();
                // A command-line program with a Dockerfile is packaged, not deployed: nothing
                // is served (the taxonomy keeps monolith for applications, not CLIs).
                let packaged_cli = cli.is_some()
                    && rest.is_none()
                    && bots.is_empty()
                    && !["grpc", "graphql", "websocket", "message-queue"]
                        .iter()
                        .any(|id| {
                            asserted_ids.contains(&(FindingKind::Communication, id.to_string()))
                        });
                signals.push(when(
                    packaged_cli,
                    "a command-line program that serves nothing: a container image packages it, it is not a deployed application",
                    -0.6,
                    fired_evidence(&cli, 2),
                ));
                signals.push(when(
                    served_app.is_empty()
                        && !serve_command.is_empty()
                        && (serve_tool || !deployed),
                    "its HTTP server is one command of a command-line tool (its `serve` command, or nothing deploys it)",
                    -0.6,
                    serve_command.iter().take(2).cloned().collect(),
                ));
                // Generic: it yields to any more specific style (see the style order in `detect`).
                signals.push(when(
                    single,
                    "one deployable application without separately deployed services or declared modules",
                    0.55,
                    application_evidence(ctx),
                ));
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
    fn exporter_and_command_line_images_are_no_services() {
        assert!(infrastructure_image("docker/exporter/Dockerfile"));
        assert!(infrastructure_image("deploy/Dockerfile.exporter"));
        assert!(infrastructure_image("deployment/docker/dredd/Dockerfile"));
        assert!(infrastructure_image("loadtest/k6/Dockerfile"));
        assert!(tool_image("svix-cli/Dockerfile"));
        assert!(tool_image("docker/Dockerfile.cli"));
        assert!(!tool_image("server/Dockerfile"));
        assert!(!tool_image("client/Dockerfile"));
    }

    #[test]
    fn image_folders_named_after_their_base_are_variants() {
        assert!(image_variant("alpine-fips"));
        assert!(image_variant("Debian"));
        assert!(image_variant("scratch"));
        assert!(!image_variant("orders-service"));
        assert!(!image_variant("gateway"));
    }

    #[test]
    fn one_class_per_entity_is_not_a_family_of_variants() {
        let declared: BTreeSet<&str> = ["Article", "Comment", "Profile"].into_iter().collect();
        let renderers = [
            "ArticleJSONRenderer",
            "CommentJSONRenderer",
            "ProfileJSONRenderer",
        ];
        assert!(per_entity(renderers.iter(), &declared));
        let stores = ["RedisCartStore", "SpannerCartStore"];
        assert!(!per_entity(stores.iter(), &declared));
        // Names sharing no word are not read as per-entity either.
        assert!(!per_entity(["Article", "Slack"].iter(), &declared));
        assert!(!per_entity(["ÉtatStore", "FichierStore"].iter(), &declared));
        // Without a shared suffix, Go's lower-case plurals, and one class per use case.
        let declared: BTreeSet<&str> = ["Book", "User", "Comment", "News"].into_iter().collect();
        assert!(per_entity(
            ["BookMySQL", "UserMySQL", "inmem"].iter(),
            &declared
        ));
        assert!(per_entity(
            ["authHandlers", "commentsHandlers", "newsHandlers"].iter(),
            &declared
        ));
        assert!(per_entity(
            [
                "DistributionCreateService",
                "DistributionDestroyService",
                "DistributionUpdateService"
            ]
            .iter(),
            &declared
        ));
        assert!(!per_entity(
            ["CsvExporter", "JsonExporter", "MarkdownExporter"].iter(),
            &declared
        ));
    }

    #[test]
    fn shapes_of_data_are_not_chosen_between() {
        // immer's MapState, SetState and ProxyBaseState are the shapes of a draft's state.
        assert!(unchosen_role("ImmerBaseState"));
        assert!(unchosen_role("UserCreatedEvent"));
        assert!(!unchosen_role("CartStore"));
        assert!(!unchosen_role("Pinger"));
    }

    #[test]
    fn roles_are_read_from_interface_names_without_their_conventions() {
        assert_eq!(role_of("ICartStore"), "CartStore");
        assert_eq!(role_of("AbstractProxy"), "Proxy");
        assert_eq!(role_of("BaseSender"), "Sender");
        assert_eq!(role_of("Identity"), "Identity");
        assert_eq!(role_of("Baseline"), "Baseline");
        assert_eq!(camel_words("CartStore"), 2);
        assert_eq!(camel_words("Proxy"), 1);
        assert_eq!(camel_words("EmailProviderSender"), 3);
    }

    #[test]
    fn only_standard_libraries_that_reach_another_system_are_adapted() {
        let outside = |language, import: &str| {
            let package = package_key(language, import).expect("a package");
            outside_system(language, import, package)
        };
        assert!(outside("go", "github.com/redis/go-redis/v9"));
        assert!(outside("go", "database/sql"));
        assert!(outside("go", "os/exec"));
        assert!(!outside("go", "sort"));
        assert!(!outside("go", "crypto/sha1"));
        assert!(outside("python", "smtplib"));
        assert!(outside("python", "boto3.session"));
        assert!(!outside("python", "copy"));
        assert!(!outside("python", "asyncio.tasks"));
        assert!(outside("csharp", "System.Net.Http"));
        assert!(!outside("csharp", "System.Runtime.CompilerServices"));
        assert!(outside("java", "java.sql.Connection"));
        assert!(!outside("java", "java.util.List"));
        assert!(outside("php", "Aws\\S3\\S3Client"));
        assert!(outside("php", "PDO"));
        assert!(!outside("php", "hash_equals"));
        assert!(outside("typescript", "ioredis"));
        assert!(!outside("typescript", "node:path"));
        assert!(!outside("ruby", "json"));
    }

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

    #[test]
    fn a_folder_holding_several_layers_is_not_one_itself() {
        let modules = [
            "src/api",
            "src/api/controllers",
            "src/api/services",
            "src/api/repositories",
            "src/api/types",
            "src/web",
        ];
        let containers = layer_containers(modules.iter().copied());
        assert_eq!(containers.into_iter().collect::<Vec<_>>(), ["src/api"]);
        let containers = layer_containers(modules.iter().copied());
        assert_eq!(layer_within("src/api/types", &containers), None);
        assert_eq!(layer_within("src/api", &containers), None);
        assert_eq!(
            layer_within("src/api/services", &containers),
            Some(Layer::Business)
        );
        // A folder named for one layer keeps lending it to its own subfolders.
        assert_eq!(
            layer_within("src/web/forms", &containers),
            Some(Layer::Presentation)
        );
    }

    #[test]
    fn outside_imports_are_keyed_by_their_package() {
        let cases = [
            (
                "java",
                "org.springframework.mail.javamail.JavaMailSender",
                Some("org.springframework"),
            ),
            ("csharp", "MailKit.Net.Smtp", Some("MailKit.Net")),
            (
                "php",
                "League\\CommonMark\\CommonMarkConverter",
                Some("League\\CommonMark"),
            ),
            (
                "typescript",
                "@aws-sdk/client-s3/dist",
                Some("@aws-sdk/client-s3"),
            ),
            ("javascript", "redis", Some("redis")),
            ("typescript", "./user.repo", None),
            ("typescript", "@/services/auth", None),
            ("rust", "reqwest::Client", Some("reqwest")),
            ("rust", "crate::domain::Order", None),
            (
                "go",
                "github.com/Conight/go-googletrans/v2",
                Some("github.com/Conight/go-googletrans"),
            ),
            (
                "go",
                "golang.org/x/sync/errgroup",
                Some("golang.org/x/sync"),
            ),
            ("go", "os/exec", Some("os/exec")),
            ("python", "smtplib", Some("smtplib")),
            ("python", "google.cloud.storage", Some("google")),
        ];
        for (language, import, key) in cases {
            assert_eq!(package_key(language, import), key, "{language} {import}");
        }
    }
}
