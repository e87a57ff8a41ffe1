//! Decisions: the technology choices a repository made, each with its evidence.

use std::collections::BTreeMap;

use super::rules::Context;
use super::{Decision, DecisionTopic, Evidence};
use crate::analysis::Analysis;

/// Languages with at least this share of the code are reported as a language decision.
const LANGUAGE_SHARE: f64 = 0.2;
/// Share of a second language's code that must lie in the project's own files (not tests,
/// examples or fixtures) for it to be a decision.
const OWN_SHARE: f64 = 0.2;

/// Database engines recognised from direct dependencies (name prefix) and from images.
const ENGINES: &[(&str, &[&str])] = &[
    (
        "PostgreSQL",
        &[
            "pg",
            "postgres",
            "psycopg",
            "psycopg2",
            "psycopg2-binary",
            "asyncpg",
            "npgsql",
            "org.postgresql:postgresql",
            "github.com/lib/pq",
            "github.com/jackc/pgx",
            "tokio-postgres",
            "npgsql.entityframeworkcore.postgresql",
            "gorm.io/driver/postgres",
            "pq",
        ],
    ),
    (
        "MySQL",
        &[
            "mysql",
            "mysql2",
            "pymysql",
            "mysqlclient",
            "mysql:mysql-connector-java",
            "com.mysql:mysql-connector-j",
            "github.com/go-sql-driver/mysql",
            "gorm.io/driver/mysql",
            "pomelo.entityframeworkcore.mysql",
            "mariadb",
        ],
    ),
    (
        "SQLite",
        &[
            "sqlite3",
            "better-sqlite3",
            "rusqlite",
            "github.com/mattn/go-sqlite3",
            "gorm.io/driver/sqlite",
            "microsoft.entityframeworkcore.sqlite",
            "org.xerial:sqlite-jdbc",
            "sqlite",
        ],
    ),
    (
        "SQL Server",
        &[
            "microsoft.entityframeworkcore.sqlserver",
            "microsoft.data.sqlclient",
            "system.data.sqlclient",
            "com.microsoft.sqlserver:mssql-jdbc",
            "mssql",
            "tedious",
        ],
    ),
    (
        "MongoDB",
        &[
            "mongodb",
            "mongoose",
            "pymongo",
            "motor",
            "mongoengine",
            "go.mongodb.org/mongo-driver",
            "mongodb.driver",
            "org.springframework.boot:spring-boot-starter-data-mongodb",
            "org.mongodb:mongodb-driver-sync",
        ],
    ),
    (
        "Redis",
        &[
            "redis",
            "ioredis",
            "github.com/redis/go-redis/v9",
            "github.com/go-redis/redis/v8",
            "stackexchange.redis",
            "org.springframework.boot:spring-boot-starter-data-redis",
            "predis/predis",
            "redis-rb",
            "django-redis",
        ],
    ),
    ("H2", &["com.h2database:h2"]),
    (
        "Cassandra",
        &[
            "cassandra-driver",
            "github.com/gocql/gocql",
            "com.datastax.oss:java-driver-core",
        ],
    ),
    (
        "DynamoDB",
        &[
            "@aws-sdk/client-dynamodb",
            "github.com/aws/aws-sdk-go-v2/service/dynamodb",
            "aws-sdk-dynamodb",
            "awssdk.dynamodbv2",
        ],
    ),
];

const IMAGE_ENGINES: &[(&str, &str)] = &[
    ("postgres", "PostgreSQL"),
    ("mysql", "MySQL"),
    ("mariadb", "MySQL"),
    ("mongo", "MongoDB"),
    ("redis", "Redis"),
    ("mssql", "SQL Server"),
    ("cassandra", "Cassandra"),
];

/// Every decision the analysis supports.
pub fn decide(analysis: &Analysis, ctx: &Context) -> Vec<Decision> {
    let mut decisions = Vec::new();
    language(analysis, ctx, &mut decisions);
    frameworks(ctx, &mut decisions);
    engines(analysis, ctx, &mut decisions);
    build(analysis, ctx, &mut decisions);
    deploy(analysis, ctx, &mut decisions);
    ci(analysis, ctx, &mut decisions);
    adrs(analysis, ctx, &mut decisions);
    decisions.sort_by(|a, b| (a.topic, &a.choice).cmp(&(b.topic, &b.choice)));
    decisions
}

/// The languages the project is written in, by share of code lines, tests included (they
/// are written in it too). A second language is a decision only where the project's own
/// files use it: the Rails apps a scanner's test suite checks, with their vendored
/// JavaScript, do not make it a JavaScript project. The evidence is the largest file of
/// the project's own code in that language, where there is one.
fn language(analysis: &Analysis, ctx: &Context, out: &mut Vec<Decision>) {
    let total: u64 = analysis.languages.iter().map(|l| l.code).sum();
    if total == 0 {
        return;
    }
    let own_code = |name: &str| -> u64 {
        analysis
            .files
            .iter()
            .filter(|f| f.language == name && !ctx.outside_app(&f.path))
            .map(|f| f.lines.code)
            .sum()
    };
    // The first language is the one most of the project's own code is written in.
    let mut languages: Vec<(&crate::analysis::LanguageStats, u64)> = analysis
        .languages
        .iter()
        .map(|l| (l, own_code(&l.name)))
        .collect();
    languages.sort_by(|(a, own_a), (b, own_b)| own_b.cmp(own_a).then(b.code.cmp(&a.code)));
    for (i, (l, own)) in languages.iter().enumerate() {
        let share = l.code as f64 / total as f64;
        let own_enough = (*own as f64) >= l.code as f64 * OWN_SHARE;
        if i == 0 || (share >= LANGUAGE_SHARE && own_enough) {
            let files = analysis.files.iter().filter(|f| f.language == l.name);
            let size =
                |f: &&crate::parse::FileFacts| (f.lines.code, std::cmp::Reverse(f.path.clone()));
            let largest = files
                .clone()
                .filter(|f| !ctx.outside_app(&f.path))
                .max_by_key(size)
                .or_else(|| files.clone().max_by_key(size));
            out.push(Decision {
                topic: super::DecisionTopic::Language,
                choice: l.name.clone(),
                evidence: largest
                    .map(|f| {
                        vec![Evidence::at(
                            &f.path,
                            None,
                            format!(
                                "{:.0}% of the code ({} files, {} code lines)",
                                share * 100.0,
                                l.files,
                                l.code
                            ),
                        )]
                    })
                    .unwrap_or_default(),
            });
        }
    }
}

fn group(out: &mut Vec<Decision>, topic: DecisionTopic, entries: Vec<(String, Evidence)>) {
    let mut by_choice: BTreeMap<String, Vec<Evidence>> = BTreeMap::new();
    for (choice, e) in entries {
        let list = by_choice.entry(choice).or_default();
        if !list.contains(&e) && list.len() < 5 {
            list.push(e);
        }
    }
    for (choice, evidence) in by_choice {
        out.push(Decision {
            topic,
            choice,
            evidence,
        });
    }
}

fn dep_line(ctx: &Context, manifest: &str, dependency: &str) -> Option<u32> {
    ctx.deps
        .iter()
        .find(|(_, n, m, _)| m == manifest && n.eq_ignore_ascii_case(dependency))
        .and_then(|(_, _, _, l)| *l)
}

fn frameworks(ctx: &Context, out: &mut Vec<Decision>) {
    let mut web = Vec::new();
    let mut orm = Vec::new();
    for f in ctx.frameworks() {
        let e = Evidence::at(
            &f.manifest,
            dep_line(ctx, &f.manifest, &f.dependency),
            format!("depends on {}", f.dependency),
        );
        match f.category.as_str() {
            "web" => web.push((f.name.clone(), e)),
            // Object-document mappers answer the same question: how the app persists.
            "orm" | "odm" => orm.push((f.name.clone(), e)),
            _ => {}
        }
    }
    group(out, DecisionTopic::WebFramework, web);
    group(out, DecisionTopic::OrmDatabase, orm);
}

fn engines(analysis: &Analysis, ctx: &Context, out: &mut Vec<Decision>) {
    let mut found = Vec::new();
    for (eco, name, manifest, line) in &ctx.deps {
        let _ = eco;
        for (engine, names) in ENGINES {
            if names.iter().any(|n| name == n) {
                found.push((
                    engine.to_string(),
                    Evidence::at(manifest, *line, format!("depends on {name}")),
                ));
            }
        }
    }
    for infra in analysis
        .project
        .infrastructure
        .iter()
        .filter(|i| !ctx.outside_app(&i.path))
    {
        if !matches!(infra.kind.as_str(), "compose" | "kubernetes" | "dockerfile") {
            continue;
        }
        for item in &infra.items {
            let lower = item.to_ascii_lowercase();
            for (image, engine) in IMAGE_ENGINES {
                if lower.contains(image) {
                    found.push((
                        engine.to_string(),
                        Evidence::at(&infra.path, None, format!("{} runs {item}", infra.kind)),
                    ));
                }
            }
        }
    }
    group(out, DecisionTopic::OrmDatabase, found);
}

/// Test fixtures, examples and demo apps carry their own manifests, CI files and ADRs, which
/// are not this repository's decisions ([`Context::outside_app`]).
fn build(analysis: &Analysis, ctx: &Context, out: &mut Vec<Decision>) {
    let mut entries = Vec::new();
    for m in analysis
        .project
        .manifests
        .iter()
        .filter(|m| !ctx.outside_app(&m.path))
    {
        let tool = match m.ecosystem.as_str() {
            "cargo" => "cargo",
            "npm" => "npm",
            "go" => "go modules",
            "maven" => "maven",
            "gradle" => "gradle",
            "python" if m.path.ends_with("pyproject.toml") => "pyproject (pip)",
            "python" => "pip",
            "pipenv" => "pipenv",
            "bundler" => "bundler",
            "nuget" => "dotnet (nuget)",
            "composer" => "composer",
            other => other,
        };
        entries.push((
            tool.to_string(),
            Evidence::at(&m.path, None, format!("{} manifest", m.ecosystem)),
        ));
    }
    for l in analysis
        .project
        .lockfiles
        .iter()
        .filter(|l| !ctx.outside_app(&l.path))
    {
        let name = l.path.rsplit('/').next().unwrap_or(&l.path);
        let tool = match name {
            "yarn.lock" => Some("yarn"),
            "pnpm-lock.yaml" => Some("pnpm"),
            "poetry.lock" => Some("poetry"),
            "uv.lock" => Some("uv"),
            _ => None,
        };
        if let Some(tool) = tool {
            entries.push((tool.to_string(), Evidence::at(&l.path, None, "lock file")));
        }
    }
    group(out, DecisionTopic::Build, entries);
}

fn deploy(analysis: &Analysis, ctx: &Context, out: &mut Vec<Decision>) {
    let entries = analysis
        .project
        .infrastructure
        .iter()
        // Compose files that only start published images are development services.
        .filter(|i| {
            !ctx.outside_app(&i.path) && !super::rules::dev_services_only(&analysis.project, i)
        })
        .map(|i| {
            let choice = match i.kind.as_str() {
                "dockerfile" => "Docker",
                "compose" => "Docker Compose",
                "kubernetes" => "Kubernetes",
                "helm" => "Helm",
                "terraform" => "Terraform",
                "serverless" => "Serverless",
                other => other,
            };
            (
                choice.to_string(),
                Evidence::at(&i.path, None, i.items.join(", ")),
            )
        })
        .collect();
    group(out, DecisionTopic::Deploy, entries);
}

fn ci(analysis: &Analysis, ctx: &Context, out: &mut Vec<Decision>) {
    let entries = analysis
        .project
        .ci
        .iter()
        .filter(|c| !ctx.outside_app(&c.path))
        .map(|c| {
            (
                c.system.clone(),
                Evidence::at(&c.path, None, format!("jobs: {}", c.jobs.join(", "))),
            )
        })
        .collect();
    group(out, DecisionTopic::Ci, entries);
}

fn adrs(analysis: &Analysis, ctx: &Context, out: &mut Vec<Decision>) {
    for adr in analysis
        .project
        .adrs
        .iter()
        .filter(|a| !ctx.outside_app(&a.path))
    {
        let status = adr.status.as_deref().unwrap_or("no status");
        let mut detail = format!("status: {status}");
        if let Some(date) = &adr.date {
            detail.push_str(&format!(", date: {date}"));
        }
        out.push(Decision {
            topic: DecisionTopic::Adr,
            choice: format!("{} ({status})", adr.title),
            evidence: vec![Evidence::at(&adr.path, None, detail)],
        });
    }
}
