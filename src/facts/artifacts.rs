//! Artifacts: interface schemas (protobuf, GraphQL, OpenAPI, AsyncAPI, Avro) and schema
//! migrations. They say how a system talks and how it evolves its data, independently of
//! the language it is written in.

use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use super::Artifact;

/// Directory names that hold versioned schema migrations, by tool convention.
const MIGRATION_DIRS: &[&str] = &[
    "migrations",
    "migration",
    "migrate",
    "Migrations",
    "alembic/versions",
    "db/changelog",
    "changelog",
    "changelogs",
    "flyway",
    "liquibase",
    // A knex migrations folder named for its tool (uptime-kuma's db/knex_migrations).
    "knex_migrations",
];

/// Files with these extensions inside a migration directory are migrations.
const MIGRATION_EXTENSIONS: &[&str] = &[
    "sql", "py", "rb", "php", "cs", "ts", "js", "go", "rs", "java", "kt", "xml", "yaml", "yml",
];

/// The item of a GraphQL schema that declares `input` types.
const INPUT_TYPES: &str = "input types";

/// Largest schema file read for its contents.
const MAX_SCHEMA_BYTES: u64 = 1024 * 1024;

/// Finds the artifacts among `paths` (relative to `root`).
pub fn collect(root: &Path, paths: &[&str]) -> Vec<Artifact> {
    // Helm charts: their `templates/` render Kubernetes manifests, not pages.
    let charts: Vec<String> = paths
        .iter()
        .filter_map(|p| match p.rsplit_once('/') {
            Some((dir, "Chart.yaml")) => Some(format!("{dir}/templates/")),
            None if *p == "Chart.yaml" => Some("templates/".to_string()),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for path in paths {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        let kind = match ext {
            "proto" => Some("proto"),
            "graphql" | "graphqls" | "gql" => Some("graphql"),
            "avsc" => Some("avro"),
            _ if is_openapi(name) => Some("openapi"),
            _ if is_asyncapi(name) => Some("asyncapi"),
            _ => None,
        };
        if let Some(kind) = kind {
            let items = read(root, path)
                .map(|t| items(kind, &t))
                .unwrap_or_default();
            out.push(Artifact {
                path: path.to_string(),
                kind: kind.to_string(),
                items,
            });
            continue;
        }
        // Files recognised by where and how they are named, with nothing read from them.
        let marker = if is_di_config(path, name) {
            Some("di-config")
        } else if is_manual_page(path, name) {
            Some("manpage")
        } else if is_view_template(path, name)
            && !charts.iter().any(|c| path.starts_with(c.as_str()))
        {
            Some("view")
        } else if is_migration(path, ext) || liquibase_changelog(root, path, ext) {
            Some("migration")
        } else {
            None
        };
        // Front-end components that emit events to the components using them (Vue `$emit` /
        // `defineEmits`, Svelte `createEventDispatcher`): the observer of a component tree.
        let marker = marker.or_else(|| {
            (matches!(ext, "vue" | "svelte")
                && read(root, path).is_some_and(|t| component_events().is_match(&t)))
            .then_some("component-events")
        });
        let laravel_queue = *path == "config/queue.php" || path.ends_with("/config/queue.php");
        if is_env_file(name) || laravel_queue {
            // Environment files configure the running application: a broker URL or queue
            // driver there is a connection the app makes, unlike a broker a compose file
            // merely starts beside it. Laravel's queue configuration names its default driver.
            let items = read(root, path)
                .map(|t| {
                    if laravel_queue {
                        laravel_queue_driver(&t)
                    } else {
                        broker_settings(&t)
                    }
                })
                .unwrap_or_default();
            if !items.is_empty() {
                out.push(Artifact {
                    path: path.to_string(),
                    kind: "broker-setting".to_string(),
                    items,
                });
            }
            continue;
        }
        if let Some(kind) = marker {
            // A view that caches its rendered fragments (Rails `<% cache record do %>`,
            // Django `{% cache 500 sidebar %}`) keeps server-side output for reuse.
            let items = if kind == "view"
                && matches!(ext, "erb" | "haml" | "slim" | "html" | "jinja" | "j2")
                && read(root, path).is_some_and(|t| caches_fragments(ext, &t))
            {
                vec![FRAGMENT_CACHE.to_string()]
            } else {
                Vec::new()
            };
            out.push(Artifact {
                path: path.to_string(),
                kind: kind.to_string(),
                items,
            });
        } else if ext == "sql" {
            // Query files named for a loader (sqlc, aiosql, yesql, HugSQL: `-- name: get_user`)
            // are SQL the application runs, unlike schema dumps and seed scripts.
            let named = read(root, path).is_some_and(|t| {
                t.lines()
                    .any(|l| l.trim_start().to_ascii_lowercase().starts_with("-- name:"))
            });
            out.push(Artifact {
                path: path.to_string(),
                kind: "sql".to_string(),
                items: if named {
                    vec!["named-queries".to_string()]
                } else {
                    Vec::new()
                },
            });
        }
    }
    out
}

/// Environment files an application reads its settings from (`.env`, `.env.example`,
/// `.env.dist`, `app.env`); test environments (`.env.test`, `.env.testing`) are left out.
fn is_env_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let env = lower == ".env"
        || lower.starts_with(".env.")
        || (lower.ends_with(".env") && lower.len() > 4);
    env && !lower.contains("test")
}

/// Settings of an environment file that connect the application to a message broker:
/// a broker URL (`amqp://`, `nats://`, `kafka://`, `sqs://`), a setting named for a broker
/// (`RABBITMQ_HOST`, `KAFKA_BROKERS`), or a queue driver backed by one (Laravel's
/// `QUEUE_CONNECTION=redis`; `sync` and `database` queues are not brokers).
fn broker_settings(text: &str) -> Vec<String> {
    static SETTING: OnceLock<Regex> = OnceLock::new();
    let setting = SETTING.get_or_init(|| {
        Regex::new(r#"(?mi)^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)\s*=\s*["']?([^\s"'#]*)"#)
            .expect("valid")
    });
    let mut out = Vec::new();
    for c in setting.captures_iter(text) {
        let (key, value) = (&c[1], &c[2]);
        if value.is_empty() {
            continue;
        }
        let upper = key.to_ascii_uppercase();
        let lower = value.to_ascii_lowercase();
        let scheme = [
            "amqp://",
            "amqps://",
            "nats://",
            "kafka://",
            "sqs://",
            "stomp://",
            "pulsar://",
        ]
        .iter()
        .any(|s| lower.starts_with(s));
        let named = ["KAFKA", "RABBITMQ", "AMQP", "NATS_", "PULSAR"]
            .iter()
            .any(|w| upper.contains(w));
        let driver = matches!(upper.as_str(), "QUEUE_CONNECTION" | "QUEUE_DRIVER")
            && matches!(lower.as_str(), "redis" | "sqs" | "beanstalkd" | "rabbitmq");
        if scheme || named || driver {
            // Only the key and the scheme or driver: the rest may be a credential.
            let shown = if scheme {
                format!("{key}={}", &value[..value.find("://").map_or(0, |i| i + 3)])
            } else if driver {
                format!("{key}={value}")
            } else {
                key.to_string()
            };
            out.push(shown);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The broker behind a Laravel queue configuration's default connection
/// (`'default' => env('QUEUE_CONNECTION', 'redis')`), when it is one.
fn laravel_queue_driver(text: &str) -> Vec<String> {
    static DEFAULT: OnceLock<Regex> = OnceLock::new();
    let default = DEFAULT.get_or_init(|| {
        Regex::new(
            r#"'default'\s*=>\s*(?:env\([^\n]*?)?'(redis|sqs|beanstalkd|rabbitmq)'\s*\)*\s*,"#,
        )
        .expect("valid")
    });
    default
        .captures(text)
        .map(|c| vec![format!("default queue connection {}", &c[1])])
        .unwrap_or_default()
}

/// Dependency-injection container configuration: Symfony service files, Spring XML beans.
fn is_di_config(path: &str, name: &str) -> bool {
    let in_config = path.contains("config/") || path.starts_with("config");
    (in_config
        && (name.starts_with("services")
            || name.ends_with("_services.yaml")
            || name.ends_with("_services.yml"))
        && (name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".xml")))
        || matches!(name, "applicationContext.xml" | "beans.xml")
}

/// Unix manual pages of the program (`man/fzf.1`, `doc/xh.1.md`, `colorls.1.ronn`): what a
/// command-line tool ships. Version-numbered notes (`changes-1.9.1.md`) are not pages.
fn is_manual_page(path: &str, name: &str) -> bool {
    static PAGE: OnceLock<Regex> = OnceLock::new();
    let page = PAGE.get_or_init(|| {
        // The name before the section ends with a letter: `UPGRADE-2.4.md` names a version.
        Regex::new(r"^[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z_])?\.[1-8](\.(md|ronn|scd|adoc|txt))?$")
            .expect("valid")
    });
    let in_tests = path
        .split('/')
        .any(|s| matches!(s, "test" | "tests" | "testdata" | "fixtures"));
    page.is_match(name) && !in_tests
}

/// Server-side view templates: what the V of an MVC application renders.
fn is_view_template(path: &str, name: &str) -> bool {
    // E-mail bodies (and the message templates kept with configuration) are rendered for a
    // mailer, not as the pages of a web application.
    let lower = path.to_ascii_lowercase();
    if [
        "email",
        "mail/",
        "mails/",
        "mailer",
        // Notification messages kept with the templates (a Rails app's
        // app/views/notifications/ is the notifications page, still a view).
        "templates/notifications/",
        "config/templates/",
    ]
    .iter()
    .any(|m| lower.contains(m))
        || name.to_ascii_lowercase().starts_with("email")
    {
        return false;
    }
    // A code generator's templates render source files, not pages: they sit in a generator's
    // module (eladmin-generator's template/admin/Controller.ftl) or name the source file they
    // produce (`entity.java.ftl`, `model.go.tpl`).
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let source = stem.rsplit_once('.').is_some_and(|(_, ext)| {
        [
            "java", "kt", "cs", "go", "py", "rb", "php", "ts", "rs", "sql", "swift", "scala",
        ]
        .contains(&ext)
    });
    if source
        || lower
            .split('/')
            .any(|segment| segment.contains("generator") || segment.contains("codegen"))
    {
        return false;
    }
    // Mozilla Fluent keeps its translations in `.ftl` files too, one folder per locale
    // (send's public/locales/en-US/send.ftl): messages, not FreeMarker pages.
    let translations = |segment: &str| {
        matches!(
            segment,
            "locales" | "locale" | "l10n" | "i18n" | "translations" | "lang" | "langs"
        )
    };
    if name.ends_with(".ftl") && lower.split('/').any(translations) {
        return false;
    }
    const ALWAYS: &[&str] = &[
        ".erb",
        ".haml",
        ".slim",
        ".blade.php",
        ".cshtml",
        ".vbhtml",
        ".jsp",
        ".twig",
        ".ejs",
        ".pug",
        ".jinja",
        ".jinja2",
        ".j2",
        ".ftl",
        // FreeMarker's HTML and XML flavours, Spring Boot's default suffix since 2.2.
        ".ftlh",
        ".ftlx",
        ".gsp",
        ".hbs",
        ".mustache",
        ".liquid",
        ".njk",
        ".tpl",
        // Rails' JSON views: the templates an API's controllers render (`show.json.jbuilder`).
        ".jbuilder",
        ".rabl",
    ];
    if ALWAYS.iter().any(|ext| name.ends_with(ext)) {
        return true;
    }
    // Plain HTML is a template only where frameworks keep templates.
    (name.ends_with(".html") || name.ends_with(".htm"))
        && ["templates/", "views/", "Views/", "WEB-INF/"]
            .iter()
            .any(|dir| path.contains(dir))
}

/// Events a Vue or Svelte component declares or emits.
/// The item of a view template that caches fragments of its output ([`caches_fragments`]).
const FRAGMENT_CACHE: &str = "fragment-cache";

/// Whether a view template caches fragments of its output: Rails' `cache` / `cache_if` /
/// `cache_unless` blocks in ERB (`<% cache ... do %>`), HAML and Slim (`- cache ... do`),
/// and Django's `{% cache %}` tag.
fn caches_fragments(ext: &str, text: &str) -> bool {
    static ERB: OnceLock<Regex> = OnceLock::new();
    static INDENTED: OnceLock<Regex> = OnceLock::new();
    static DJANGO: OnceLock<Regex> = OnceLock::new();
    let (cell, pattern) = match ext {
        "erb" => (&ERB, r"<%=?-?\s*cache(?:_if|_unless)?[\s(]"),
        "haml" | "slim" => (&INDENTED, r"(?m)^\s*[-=]\s*cache(?:_if|_unless)?[\s(]"),
        "html" | "jinja" | "j2" => (&DJANGO, r"\{%-?\s*cache\s"),
        _ => return false,
    };
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
        .is_match(text)
}

fn component_events() -> &'static Regex {
    static EVENTS: OnceLock<Regex> = OnceLock::new();
    EVENTS.get_or_init(|| {
        Regex::new(r"\$emit\(|\bdefineEmits\b|\bemits\s*:\s*[\[{]|\bcreateEventDispatcher\(")
            .expect("valid")
    })
}

fn is_openapi(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.starts_with("openapi") || lower.starts_with("swagger"))
        && (lower.ends_with(".yaml") || lower.ends_with(".yml") || lower.ends_with(".json"))
}

fn is_asyncapi(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("asyncapi")
        && (lower.ends_with(".yaml") || lower.ends_with(".yml") || lower.ends_with(".json"))
}

/// A file below a migration directory, or a Flyway-style `V1__init.sql`.
fn is_migration(path: &str, ext: &str) -> bool {
    if !MIGRATION_EXTENSIONS.contains(&ext) {
        return false;
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    if ext == "sql" && flyway_name().is_match(name) {
        return true;
    }
    // Entity Framework Core's `20240101120000_Initial.cs` and Doctrine's
    // `Version20180118095302.php` are named by their tools, whatever folder holds them
    // (fullstackhero's Migrations.PostgreSQL/Identity/).
    if (ext == "cs" || ext == "php") && tool_migration_name().is_match(name) {
        return true;
    }
    // drizzle-kit's output folder: `drizzle/0000_luxuriant_johnny_blaze.sql` (a `drizzle/`
    // folder of TypeScript is the ORM's setup, not migrations).
    if ext == "sql"
        && name.starts_with(|c: char| c.is_ascii_digit())
        && (path.starts_with("drizzle/") || path.contains("/drizzle/"))
    {
        return true;
    }
    // A schema step named by the release that introduced it (mailpit's
    // `storage/schemas/1.21.2.sql`, applied in version order): `1.2.sql`, `v1.21.2.sql`.
    if ext == "sql" && release_name(name.trim_end_matches(".sql")) {
        return true;
    }
    // Liquibase's changelog files (`db.changelog-1.0.xml`, `db.changelog-master.yaml`,
    // traccar's `schema/changelog-6.2.xml`), wherever the resources keep them.
    if (name.starts_with("db.changelog") && matches!(ext, "xml" | "yaml" | "yml" | "sql"))
        || (name.starts_with("changelog-") && ext == "xml")
    {
        return true;
    }
    let dir = match path.rfind('/') {
        Some(i) => &path[..i],
        None => return false,
    };
    // `__init__.py` in a Django migrations package is not a migration.
    if name == "__init__.py" {
        return false;
    }
    let in_dir = |m: &str| {
        dir == m
            || dir.ends_with(&format!("/{m}"))
            || dir.contains(&format!("/{m}/"))
            || dir.starts_with(&format!("{m}/"))
    };
    // `migrate` is also what code that migrates something else is called (gotify's
    // config/migrate/migrate.go converts a config file): there, only versioned names
    // (Rails' db/migrate/20240101_create_orders.rb) are schema migrations.
    if ["migrate", "migration"]
        .iter()
        .any(|m| dir == *m || dir.ends_with(&format!("/{m}")))
    {
        let versioned = name.trim_start_matches(['V', 'R', 'U']);
        return versioned.starts_with(|c: char| c.is_ascii_digit());
    }
    // A Liquibase changelog folder holds XML, YAML or SQL; code in a `changelog/` folder
    // writes release notes (open-im-server's tools/changelog/changelog.go).
    let changelog_code = !matches!(ext, "xml" | "yaml" | "yml" | "sql");
    MIGRATION_DIRS
        .iter()
        .filter(|m| !(changelog_code && m.contains("changelog")))
        .any(|m| in_dir(m))
}

/// A Liquibase changelog that its resources keep under a name and folder of their own
/// (`resources/adapter/persistence/ddl/order-ddl-1.0.0.xml`): its root element says so.
/// Only XML and YAML files below a `resources/` folder are opened, and only their start.
fn liquibase_changelog(root: &Path, path: &str, ext: &str) -> bool {
    if !matches!(ext, "xml" | "yaml" | "yml") || !path.contains("resources/") {
        return false;
    }
    let Ok(file) = std::fs::File::open(root.join(path)) else {
        return false;
    };
    let mut head = Vec::with_capacity(2048);
    if std::io::Read::read_to_end(&mut std::io::Read::take(file, 2048), &mut head).is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    head.contains("<databaseChangeLog") || head.contains("databaseChangeLog:")
}

/// A release version and nothing else: `1.2`, `1.21.2`, `v2.0.0`.
fn release_name(stem: &str) -> bool {
    let parts: Vec<&str> = stem.strip_prefix('v').unwrap_or(stem).split('.').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn tool_migration_name() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:\d{14}_\w+(?:\.Designer)?\.cs|Version\d{14}\.php)$").expect("valid regex")
    })
}

fn flyway_name() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^[VRU]\d+(\.\d+)*__\w+\.sql$").expect("valid regex"))
}

fn read(root: &Path, path: &str) -> Option<String> {
    let full = root.join(path);
    if std::fs::metadata(&full).ok()?.len() > MAX_SCHEMA_BYTES {
        return None;
    }
    std::fs::read(&full)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Services of a .proto file, root operation types of a GraphQL schema (and [`INPUT_TYPES`]
/// when it declares request shapes), the title of an API spec.
fn items(kind: &str, text: &str) -> Vec<String> {
    static PROTO: OnceLock<Regex> = OnceLock::new();
    static GRAPHQL: OnceLock<Regex> = OnceLock::new();
    let re = match kind {
        "proto" => {
            PROTO.get_or_init(|| Regex::new(r"(?m)^\s*service\s+(\w+)\s*\{").expect("valid regex"))
        }
        "graphql" => GRAPHQL.get_or_init(|| {
            Regex::new(r"(?m)^\s*(?:extend\s+)?type\s+(Query|Mutation|Subscription)\b")
                .expect("valid regex")
        }),
        _ => return Vec::new(),
    };
    let mut found: Vec<String> = re
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .collect();
    // `input` types are the shapes a GraphQL API accepts: its request DTOs.
    static INPUT: OnceLock<Regex> = OnceLock::new();
    let input = INPUT
        .get_or_init(|| Regex::new(r"(?m)^\s*(?:extend\s+)?input\s+\w+").expect("valid regex"));
    if kind == "graphql" && input.is_match(text) {
        found.push(INPUT_TYPES.to_string());
    }
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broker_settings_name_the_key_and_scheme_but_never_a_credential() {
        let env = "APP_ENV=dev\nMESSENGER_TRANSPORT_DSN=amqp://guest:secret@rmq:5672/%2f\n\
                   export RABBITMQ_PASSWORD=\"hunter2\"\nQUEUE_CONNECTION=redis\nCACHE_DRIVER=redis\n\
                   KAFKA_BROKERS=\n";
        assert_eq!(
            broker_settings(env),
            [
                "MESSENGER_TRANSPORT_DSN=amqp://",
                "QUEUE_CONNECTION=redis",
                "RABBITMQ_PASSWORD"
            ]
        );
        assert!(broker_settings("QUEUE_CONNECTION=sync\nDB_URL=mysql://x").is_empty());
        assert!(is_env_file(".env.example") && is_env_file("app.env") && is_env_file(".env"));
        assert!(!is_env_file(".env.testing") && !is_env_file(".env.test") && !is_env_file("env"));
    }

    #[test]
    fn laravel_queue_default_counts_only_broker_drivers() {
        let redis = "'default' => env('QUEUE_CONNECTION', env('QUEUE_DRIVER', 'redis')),";
        assert_eq!(
            laravel_queue_driver(redis),
            ["default queue connection redis"]
        );
        let sync = "'default' => env('QUEUE_CONNECTION', 'sync'),\n'queue' => env('REDIS_QUEUE', 'default'),";
        assert!(laravel_queue_driver(sync).is_empty());
    }

    #[test]
    fn migrations_are_recognised_by_directory_and_flyway_name() {
        assert!(is_migration("db/migrate/20240101_create_orders.rb", "rb"));
        assert!(!is_migration("config/migrate/migrate.go", "go"));
        assert!(!is_migration("src/migration/runner.ts", "ts"));
        assert!(is_migration(
            "src/main/java/db/migration/V2__Backfill.java",
            "java"
        ));
        assert!(is_migration("shop/migrations/0001_initial.py", "py"));
        assert!(!is_migration("shop/migrations/__init__.py", "py"));
        assert!(is_migration(
            "server/src/main/resources/changelogs/db.changelog-5.1.xml",
            "xml"
        ));
        assert!(is_migration(
            "src/main/resources/db.changelog-master.yaml",
            "yaml"
        ));
        assert!(!is_migration("docs/CHANGELOG.xml", "xml"));
        assert!(is_migration("internal/storage/schemas/1.21.2.sql", "sql"));
        assert!(is_migration("sql/v2.0.sql", "sql"));
        assert!(!is_migration("sql/schema.sql", "sql") && !is_migration("sql/2.sql", "sql"));
        assert!(!is_migration("tools/changelog/changelog.go", "go"));
        assert!(is_migration(
            "src/Host/Shop.Migrations.PostgreSQL/Identity/20251222232937_Initial.cs",
            "cs"
        ));
        assert!(is_migration(
            "build/Migration/Version/Version20180118095302.php",
            "php"
        ));
        assert!(!is_migration("src/Versioning/Version2.php", "php"));
        assert!(is_migration("db/changelog/v1/create-users.yaml", "yaml"));
        assert!(is_migration("schema/changelog-6.2.xml", "xml"));
        assert!(!is_migration("docs/changelog-6.2.md", "md"));
        assert!(is_migration(
            "src/main/resources/db/migration/V1__init.sql",
            "sql"
        ));
        assert!(is_migration("migrations/20240101_users/up.sql", "sql"));
        assert!(is_migration(
            "Infrastructure/Migrations/20240101_Init.cs",
            "cs"
        ));
        assert!(!is_migration("src/orders/service.py", "py"));
        assert!(!is_migration("docs/migrations.md", "md"));
        assert!(is_migration("packages/db/drizzle/0003_tags.sql", "sql"));
        assert!(!is_migration("src/drizzle/schema.ts", "ts"));
        assert!(is_migration(
            "db/knex_migrations/2023-08-16-0000-create-uptime.js",
            "js"
        ));
    }

    #[test]
    fn manual_pages_are_named_by_section_not_by_version() {
        assert!(is_manual_page("man/man1/fzf.1", "fzf.1"));
        assert!(is_manual_page("doc/xh.1.md", "xh.1.md"));
        assert!(is_manual_page("man/colorls.1.ronn", "colorls.1.ronn"));
        assert!(!is_manual_page(
            "changes/changes-1.9.1.md",
            "changes-1.9.1.md"
        ));
        assert!(!is_manual_page("docs/relnotes/v0.10.6.md", "v0.10.6.md"));
        assert!(!is_manual_page(
            "docs/upgrade/UPGRADE-2.4.md",
            "UPGRADE-2.4.md"
        ));
        assert!(!is_manual_page("tests/fixtures/page.1", "page.1"));
        assert!(!is_manual_page("README.md", "README.md"));
    }

    #[test]
    fn fragment_caching_is_read_in_the_template_language_that_writes_it() {
        assert!(caches_fragments(
            "erb",
            "<% cache [todo, current_user] do %>"
        ));
        assert!(caches_fragments("erb", "<%= cache_if admin?, post do %>"));
        assert!(caches_fragments(
            "slim",
            "div\n  - cache \"welcome\" do\n    p hi"
        ));
        assert!(caches_fragments("haml", "= cache(@project) do"));
        assert!(caches_fragments(
            "html",
            "{% cache 500 sidebar request.user.id %}"
        ));
        // A list item in HTML and a method named like the helper are not the helper.
        assert!(!caches_fragments("html", "<ul>\n- cache the result\n</ul>"));
        assert!(!caches_fragments("erb", "<%= cached_total(order) %>"));
    }

    #[test]
    fn views_are_pages_not_mail_bodies() {
        assert!(is_view_template(
            "app/views/orders/show.html.erb",
            "show.html.erb"
        ));
        assert!(is_view_template(
            "src/main/resources/templates/owners/list.html",
            "list.html"
        ));
        assert!(is_view_template(
            "src/main/resources/templates/topic-overview.ftlh",
            "topic-overview.ftlh"
        ));
        assert!(!is_view_template(
            "app/views/user_mailer/welcome.html.erb",
            "welcome.html.erb"
        ));
        assert!(!is_view_template(
            "API/config/templates/EmailConfirm.html",
            "EmailConfirm.html"
        ));
        assert!(!is_view_template(
            "resources/views/emails/reset.blade.php",
            "reset.blade.php"
        ));
        // Fluent translations share FreeMarker's extension.
        assert!(!is_view_template(
            "public/locales/en-US/send.ftl",
            "send.ftl"
        ));
        assert!(is_view_template(
            "src/main/resources/templates/topic.ftl",
            "topic.ftl"
        ));
    }

    /// (path, kind) of the artifacts among `paths`.
    fn kinds(root: &Path, paths: &[&str]) -> Vec<(String, String)> {
        collect(root, paths)
            .into_iter()
            .map(|a| (a.path, a.kind))
            .collect()
    }

    #[test]
    fn helm_chart_templates_are_not_views() {
        let kinds = kinds(
            Path::new("/nonexistent"),
            &[
                "chart/Chart.yaml",
                "chart/templates/_helpers.tpl",
                "src/main/resources/templates/topic.ftl",
            ],
        );
        assert_eq!(
            kinds,
            vec![(
                "src/main/resources/templates/topic.ftl".to_string(),
                "view".to_string()
            )]
        );
    }

    #[test]
    fn mail_notifications_and_code_generator_templates_are_not_views() {
        let kinds = kinds(
            Path::new("/nonexistent"),
            &[
                "app/src/main/resources/templates/notifications/order-created.html",
                "app/views/notifications/index.html.erb",
                "eladmin-generator/src/main/resources/template/admin/Controller.ftl",
                "tools/templates/entity.java.ftl",
                "app/views/orders/create.js.erb",
            ],
        );
        assert_eq!(
            kinds,
            vec![
                (
                    "app/views/notifications/index.html.erb".to_string(),
                    "view".to_string()
                ),
                (
                    "app/views/orders/create.js.erb".to_string(),
                    "view".to_string()
                )
            ]
        );
    }

    #[test]
    fn components_that_emit_events_are_marked_and_silent_ones_are_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, text: &str| {
            std::fs::write(dir.path().join(name), text).expect("writes");
        };
        write(
            "Modal.vue",
            "<template><div @click=\"$emit('hide')\"/></template>\n",
        );
        write(
            "Picker.vue",
            "<script setup>\nconst emit = defineEmits(['change'])\n</script>\n",
        );
        write(
            "Toggle.svelte",
            "<script>\nconst dispatch = createEventDispatcher();\n</script>\n",
        );
        write(
            "Badge.vue",
            "<template><span>{{ label }}</span></template>\n",
        );
        let kinds = kinds(
            dir.path(),
            &["Modal.vue", "Picker.vue", "Toggle.svelte", "Badge.vue"],
        );
        let events = |p: &str| (p.to_string(), "component-events".to_string());
        assert_eq!(
            kinds,
            vec![
                events("Modal.vue"),
                events("Picker.vue"),
                events("Toggle.svelte")
            ]
        );
    }

    #[test]
    fn named_query_files_are_marked_and_schema_dumps_are_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let queries =
            "-- name: get-user-by-email^\nSELECT id, email FROM users WHERE email = :email;\n";
        std::fs::create_dir_all(dir.path().join("app/db/sql")).expect("mkdir");
        std::fs::write(dir.path().join("app/db/sql/users.sql"), queries).expect("write");
        std::fs::write(
            dir.path().join("schema.sql"),
            "CREATE TABLE users (id int);\n",
        )
        .expect("write");
        let found = collect(dir.path(), &["app/db/sql/users.sql", "schema.sql"]);
        let items: Vec<(&str, &[String])> = found
            .iter()
            .map(|a| (a.path.as_str(), a.items.as_slice()))
            .collect();
        assert_eq!(
            items,
            [
                ("app/db/sql/users.sql", &["named-queries".to_string()][..]),
                ("schema.sql", &[][..])
            ]
        );
    }

    #[test]
    fn proto_services_and_graphql_roots_are_listed() {
        let proto =
            "syntax = \"proto3\";\nservice Checkout {\n rpc Pay(A) returns (B);\n}\nmessage A {}\n";
        assert_eq!(items("proto", proto), vec!["Checkout".to_string()]);
        let gql = "type Query {\n orders: [Order]\n}\ntype Order { id: ID }\nextend type Mutation { x: Int }\n";
        assert_eq!(
            items("graphql", gql),
            vec!["Mutation".to_string(), "Query".to_string()]
        );
        let with_input = format!("{gql}  input NewOrder {{\n  sku: String!\n}}\n");
        assert_eq!(
            items("graphql", &with_input),
            vec![
                "Mutation".to_string(),
                "Query".to_string(),
                INPUT_TYPES.to_string()
            ]
        );
    }
}
