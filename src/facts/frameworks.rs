//! Frameworks, recognised from direct dependencies through one data table.
//!
//! Each rule names the package family it applies to, so a name that means one thing in
//! one ecosystem (`spring` is a Rails preloader gem) cannot be read as another.

use std::collections::{BTreeMap, BTreeSet};

use super::{Dependency, Framework, Manifest};

/// Package families: ecosystems that share a naming scheme share a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Cargo,
    Npm,
    Go,
    /// Maven and Gradle: `group:artifact`, plus Gradle plugin ids.
    Jvm,
    /// PEP 503 names from pyproject, requirements and Pipfile.
    Python,
    Ruby,
    Dotnet,
    Php,
}

impl Family {
    fn of(ecosystem: &str) -> Option<Self> {
        let family = match ecosystem {
            "cargo" => Self::Cargo,
            "npm" => Self::Npm,
            "go" => Self::Go,
            "maven" | "gradle" => Self::Jvm,
            "python" | "pipenv" => Self::Python,
            "bundler" => Self::Ruby,
            "nuget" => Self::Dotnet,
            "composer" => Self::Php,
            _ => return None,
        };
        Some(family)
    }
}

use Family::{Cargo, Dotnet, Go, Jvm, Npm, Php, Python, Ruby};

/// (family, dependency-name pattern, framework, category). A pattern matches the name
/// exactly, ignoring ASCII case, or by prefix when it ends with `*`. One dependency may
/// match several rows: `django` is both the web framework and its ORM.
const RULES: &[(Family, &str, &str, &str)] = &[
    // web
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-web",
        "Spring Boot",
        "web",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-webflux",
        "Spring Boot",
        "web",
    ),
    (Jvm, "org.springframework.boot:*", "Spring Boot", "web"),
    (Jvm, "org.springframework.boot", "Spring Boot", "web"),
    (
        Jvm,
        "org.springframework:spring-webmvc",
        "Spring MVC",
        "web",
    ),
    (Jvm, "io.ktor:ktor-server-core", "Ktor", "web"),
    (Jvm, "io.ktor:*", "Ktor", "web"),
    (Jvm, "io.ktor.plugin", "Ktor", "web"),
    (Python, "django", "Django", "web"),
    (Python, "flask", "Flask", "web"),
    (Python, "fastapi", "FastAPI", "web"),
    (Ruby, "rails", "Rails", "web"),
    (Ruby, "sinatra", "Sinatra", "web"),
    (Npm, "express", "Express", "web"),
    (Npm, "@nestjs/core", "NestJS", "web"),
    (Npm, "koa", "Koa", "web"),
    (Npm, "fastify", "Fastify", "web"),
    (Npm, "@hapi/hapi", "Hapi", "web"),
    (Npm, "hapi", "Hapi", "web"),
    (Npm, "next", "Next.js", "web"),
    (Go, "github.com/gin-gonic/gin", "Gin", "web"),
    (Go, "github.com/labstack/echo", "Echo", "web"),
    (Go, "github.com/labstack/echo/v4", "Echo", "web"),
    (Go, "github.com/gofiber/fiber", "Fiber", "web"),
    (Go, "github.com/gofiber/fiber/v2", "Fiber", "web"),
    (Go, "github.com/gofiber/fiber/v3", "Fiber", "web"),
    (Go, "github.com/go-chi/chi", "chi", "web"),
    (Go, "github.com/go-chi/chi/v5", "chi", "web"),
    (Go, "github.com/gorilla/mux", "gorilla/mux", "web"),
    (Cargo, "axum", "axum", "web"),
    (Cargo, "actix-web", "actix-web", "web"),
    (Cargo, "rocket", "rocket", "web"),
    (Cargo, "warp", "warp", "web"),
    (Dotnet, "Microsoft.AspNetCore.*", "ASP.NET Core", "web"),
    (Dotnet, "Microsoft.NET.Sdk.Web", "ASP.NET Core", "web"),
    (Php, "laravel/framework", "Laravel", "web"),
    (Php, "symfony/framework-bundle", "Symfony", "web"),
    // Server frameworks beside the most common ones: each makes a web application as surely.
    (Npm, "hono", "Hono", "web"),
    (Npm, "elysia", "Elysia", "web"),
    (Npm, "h3", "h3", "web"),
    (Npm, "restify", "restify", "web"),
    (Npm, "polka", "Polka", "web"),
    (Npm, "sails", "Sails", "web"),
    (Npm, "@adonisjs/core", "AdonisJS", "web"),
    (Npm, "@feathersjs/feathers", "Feathers", "web"),
    (Npm, "@loopback/core", "LoopBack", "web"),
    (Python, "starlette", "Starlette", "web"),
    (Python, "litestar", "Litestar", "web"),
    (Python, "sanic", "Sanic", "web"),
    (Python, "quart", "Quart", "web"),
    (Python, "tornado", "Tornado", "web"),
    (Python, "falcon", "Falcon", "web"),
    (Python, "bottle", "Bottle", "web"),
    (Python, "pyramid", "Pyramid", "web"),
    (Ruby, "roda", "Roda", "web"),
    (Ruby, "hanami", "Hanami", "web"),
    (Ruby, "grape", "Grape", "web"),
    (Ruby, "padrino", "Padrino", "web"),
    (
        Go,
        "github.com/julienschmidt/httprouter",
        "httprouter",
        "web",
    ),
    (Go, "github.com/beego/beego/v2", "Beego", "web"),
    (Go, "github.com/kataras/iris/v12", "Iris", "web"),
    (Go, "github.com/zeromicro/go-zero", "go-zero", "web"),
    (Cargo, "poem", "poem", "web"),
    (Cargo, "salvo", "salvo", "web"),
    (Cargo, "tide", "tide", "web"),
    (Cargo, "ntex", "ntex", "web"),
    (
        Jvm,
        "io.micronaut:micronaut-http-server*",
        "Micronaut",
        "web",
    ),
    (Jvm, "io.quarkus:quarkus-rest*", "Quarkus", "web"),
    (Jvm, "io.quarkus:quarkus-resteasy*", "Quarkus", "web"),
    (Jvm, "io.javalin:javalin", "Javalin", "web"),
    (Jvm, "io.vertx:vertx-web", "Vert.x", "web"),
    (Jvm, "io.dropwizard:dropwizard-core", "Dropwizard", "web"),
    (Jvm, "com.sparkjava:spark-core", "Spark", "web"),
    (Php, "slim/slim", "Slim", "web"),
    (Php, "cakephp/cakephp", "CakePHP", "web"),
    (Php, "yiisoft/yii2", "Yii", "web"),
    (Php, "codeigniter4/framework", "CodeIgniter", "web"),
    (Php, "laminas/laminas-mvc", "Laminas", "web"),
    (Php, "mezzio/mezzio", "Mezzio", "web"),
    // orm
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-jpa",
        "Hibernate/JPA",
        "orm",
    ),
    (Jvm, "org.hibernate:hibernate-core", "Hibernate/JPA", "orm"),
    (
        Jvm,
        "org.hibernate.orm:hibernate-core",
        "Hibernate/JPA",
        "orm",
    ),
    (
        Jvm,
        "jakarta.persistence:jakarta.persistence-api",
        "Hibernate/JPA",
        "orm",
    ),
    (
        Jvm,
        "javax.persistence:javax.persistence-api",
        "Hibernate/JPA",
        "orm",
    ),
    // Spring Data over a relational database is an ORM; over a document, key-value or graph
    // store it is an object-document mapper (like Mongoose), not an ORM.
    (
        Jvm,
        "org.springframework.data:spring-data-jpa",
        "Spring Data",
        "orm",
    ),
    (
        Jvm,
        "org.springframework.data:spring-data-jdbc",
        "Spring Data",
        "orm",
    ),
    (
        Jvm,
        "org.springframework.data:spring-data-r2dbc",
        "Spring Data",
        "orm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-jpa",
        "Spring Data",
        "orm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-jdbc",
        "Spring Data",
        "orm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-r2dbc",
        "Spring Data",
        "orm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-rest",
        "Spring Data",
        "orm",
    ),
    (
        Jvm,
        "org.springframework.data:spring-data-mongodb",
        "Spring Data MongoDB",
        "odm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-mongodb*",
        "Spring Data MongoDB",
        "odm",
    ),
    (
        Jvm,
        "org.springframework.data:spring-data-elasticsearch",
        "Spring Data Elasticsearch",
        "odm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-elasticsearch",
        "Spring Data Elasticsearch",
        "odm",
    ),
    (
        Jvm,
        "org.springframework.data:spring-data-cassandra",
        "Spring Data Cassandra",
        "odm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-cassandra*",
        "Spring Data Cassandra",
        "odm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-couchbase*",
        "Spring Data Couchbase",
        "odm",
    ),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-data-neo4j",
        "Spring Data Neo4j",
        "odm",
    ),
    (Jvm, "org.jetbrains.exposed:*", "Exposed", "orm"),
    (Python, "django", "Django ORM", "orm"),
    (Python, "sqlalchemy", "SQLAlchemy", "orm"),
    (Python, "flask-sqlalchemy", "SQLAlchemy", "orm"),
    (Python, "peewee", "Peewee", "orm"),
    (Python, "tortoise-orm", "Tortoise ORM", "orm"),
    (Ruby, "activerecord", "ActiveRecord", "orm"),
    (Ruby, "rails", "ActiveRecord", "orm"),
    (Npm, "sequelize", "Sequelize", "orm"),
    (Npm, "typeorm", "TypeORM", "orm"),
    (Npm, "@prisma/client", "Prisma", "orm"),
    (Npm, "prisma", "Prisma", "orm"),
    (Npm, "mongoose", "Mongoose", "odm"),
    // Rails autoloads its gems: the Gemfile is where a Ruby app says what it stores data in.
    (Ruby, "mongoid", "Mongoid", "odm"),
    // Search indexes kept beside the database (models indexed and queried through them).
    (Ruby, "searchkick", "Searchkick", "search"),
    (Ruby, "elasticsearch-model", "Elasticsearch Rails", "search"),
    (Ruby, "chewy", "Chewy", "search"),
    (Ruby, "meilisearch-rails", "Meilisearch Rails", "search"),
    (Go, "gorm.io/gorm", "GORM", "orm"),
    (Go, "entgo.io/ent", "ent", "orm"),
    (Cargo, "diesel", "Diesel", "orm"),
    (Cargo, "sea-orm", "SeaORM", "orm"),
    (Cargo, "sqlx", "sqlx", "orm"),
    (
        Dotnet,
        "Microsoft.EntityFrameworkCore*",
        "Entity Framework Core",
        "orm",
    ),
    (Dotnet, "Dapper", "Dapper", "orm"),
    (Php, "doctrine/orm", "Doctrine", "orm"),
    (Php, "laravel/framework", "Eloquent", "orm"),
    // messaging (boto3 is deliberately absent: it is the whole AWS SDK, not a queue)
    (Python, "kafka-python", "Kafka", "messaging"),
    (Python, "confluent-kafka", "Kafka", "messaging"),
    (Npm, "kafkajs", "Kafka", "messaging"),
    (Go, "github.com/segmentio/kafka-go", "Kafka", "messaging"),
    (Go, "github.com/IBM/sarama", "Kafka", "messaging"),
    (Go, "github.com/Shopify/sarama", "Kafka", "messaging"),
    (
        Go,
        "github.com/confluentinc/confluent-kafka-go",
        "Kafka",
        "messaging",
    ),
    (
        Go,
        "github.com/confluentinc/confluent-kafka-go/v2",
        "Kafka",
        "messaging",
    ),
    (Cargo, "rdkafka", "Kafka", "messaging"),
    (
        Jvm,
        "org.springframework.kafka:spring-kafka",
        "Kafka",
        "messaging",
    ),
    (Jvm, "org.apache.kafka:*", "Kafka", "messaging"),
    (Dotnet, "Confluent.Kafka", "Kafka", "messaging"),
    (Ruby, "ruby-kafka", "Kafka", "messaging"),
    (Python, "pika", "RabbitMQ/AMQP", "messaging"),
    (Npm, "amqplib", "RabbitMQ/AMQP", "messaging"),
    (
        Go,
        "github.com/rabbitmq/amqp091-go",
        "RabbitMQ/AMQP",
        "messaging",
    ),
    (
        Go,
        "github.com/streadway/amqp",
        "RabbitMQ/AMQP",
        "messaging",
    ),
    (Cargo, "lapin", "RabbitMQ/AMQP", "messaging"),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-amqp",
        "RabbitMQ/AMQP",
        "messaging",
    ),
    (
        Jvm,
        "com.rabbitmq:amqp-client",
        "RabbitMQ/AMQP",
        "messaging",
    ),
    (Dotnet, "RabbitMQ.Client", "RabbitMQ/AMQP", "messaging"),
    (Ruby, "bunny", "RabbitMQ/AMQP", "messaging"),
    (Python, "nats-py", "NATS", "messaging"),
    (Npm, "nats", "NATS", "messaging"),
    (Go, "github.com/nats-io/nats.go", "NATS", "messaging"),
    (Cargo, "async-nats", "NATS", "messaging"),
    (Cargo, "nats", "NATS", "messaging"),
    (Npm, "@aws-sdk/client-sqs", "SQS", "messaging"),
    (
        Go,
        "github.com/aws/aws-sdk-go-v2/service/sqs",
        "SQS",
        "messaging",
    ),
    (Cargo, "aws-sdk-sqs", "SQS", "messaging"),
    (Jvm, "software.amazon.awssdk:sqs", "SQS", "messaging"),
    (Dotnet, "AWSSDK.SQS", "SQS", "messaging"),
    (Python, "celery", "Celery", "messaging"),
    (Ruby, "sidekiq", "Sidekiq", "messaging"),
    (Dotnet, "MassTransit", "MassTransit", "messaging"),
    (Dotnet, "MassTransit.*", "MassTransit", "messaging"),
    (Dotnet, "NServiceBus", "NServiceBus", "messaging"),
    (Dotnet, "NServiceBus.*", "NServiceBus", "messaging"),
    // rpc
    (Python, "grpcio", "gRPC", "rpc"),
    (Npm, "@grpc/grpc-js", "gRPC", "rpc"),
    (Go, "google.golang.org/grpc", "gRPC", "rpc"),
    (Cargo, "tonic", "gRPC", "rpc"),
    (Jvm, "io.grpc:*", "gRPC", "rpc"),
    (Dotnet, "Grpc.AspNetCore", "gRPC", "rpc"),
    (Dotnet, "Grpc.Net.Client", "gRPC", "rpc"),
    (Ruby, "grpc", "gRPC", "rpc"),
    (Python, "graphene", "GraphQL", "rpc"),
    (Python, "strawberry-graphql", "GraphQL", "rpc"),
    (Python, "ariadne", "GraphQL", "rpc"),
    (Npm, "graphql", "GraphQL", "rpc"),
    (Npm, "apollo-server", "GraphQL", "rpc"),
    (Npm, "@apollo/server", "GraphQL", "rpc"),
    (Npm, "@nestjs/graphql", "GraphQL", "rpc"),
    (Go, "github.com/99designs/gqlgen", "GraphQL", "rpc"),
    (Go, "github.com/graph-gophers/graphql-go", "GraphQL", "rpc"),
    (Cargo, "async-graphql", "GraphQL", "rpc"),
    (Cargo, "juniper", "GraphQL", "rpc"),
    (Jvm, "com.graphql-java:graphql-java", "GraphQL", "rpc"),
    (
        Jvm,
        "org.springframework.boot:spring-boot-starter-graphql",
        "GraphQL",
        "rpc",
    ),
    (Dotnet, "HotChocolate.AspNetCore", "GraphQL", "rpc"),
    (Ruby, "graphql", "GraphQL", "rpc"),
    // bot: a long-running client of a chat platform, deployed like a server though it
    // listens on no port of its own
    (Python, "discord-py", "discord.py", "bot"),
    (Python, "py-cord", "Pycord", "bot"),
    (Python, "nextcord", "nextcord", "bot"),
    (Python, "disnake", "disnake", "bot"),
    (Python, "hikari", "hikari", "bot"),
    (Python, "pydis-core", "discord.py", "bot"),
    (Python, "python-telegram-bot", "python-telegram-bot", "bot"),
    (Python, "aiogram", "aiogram", "bot"),
    (Python, "pyTelegramBotAPI", "pyTelegramBotAPI", "bot"),
    (Python, "slack-bolt", "Bolt for Python", "bot"),
    (Jvm, "net.dv8tion:JDA", "JDA", "bot"),
    (Jvm, "com.discord4j:*", "Discord4J", "bot"),
    (Jvm, "org.javacord:*", "Javacord", "bot"),
    (Jvm, "org.telegram:telegrambots*", "TelegramBots", "bot"),
    (Npm, "discord.js", "discord.js", "bot"),
    (Npm, "eris", "Eris", "bot"),
    (Npm, "telegraf", "Telegraf", "bot"),
    (Npm, "grammy", "grammY", "bot"),
    (Npm, "node-telegram-bot-api", "node-telegram-bot-api", "bot"),
    (Npm, "@slack/bolt", "Bolt for JavaScript", "bot"),
    (Npm, "botbuilder", "Bot Framework", "bot"),
    (Go, "github.com/bwmarrin/discordgo", "discordgo", "bot"),
    (
        Go,
        "github.com/go-telegram-bot-api/telegram-bot-api*",
        "telegram-bot-api",
        "bot",
    ),
    (
        Go,
        "github.com/OvyFlash/telegram-bot-api*",
        "telegram-bot-api",
        "bot",
    ),
    (Go, "gopkg.in/telebot.*", "telebot", "bot"),
    (Go, "gopkg.in/tucnak/telebot.*", "telebot", "bot"),
    (Go, "github.com/go-telegram/bot", "go-telegram/bot", "bot"),
    (Go, "github.com/mymmrac/telego", "telego", "bot"),
    (Go, "github.com/diamondburned/arikawa*", "arikawa", "bot"),
    (Cargo, "serenity", "serenity", "bot"),
    (Cargo, "poise", "poise", "bot"),
    (Cargo, "twilight-gateway", "twilight", "bot"),
    (Cargo, "teloxide", "teloxide", "bot"),
    (Dotnet, "Discord.Net*", "Discord.Net", "bot"),
    (Dotnet, "DSharpPlus*", "DSharpPlus", "bot"),
    (Dotnet, "Telegram.Bot", "Telegram.Bot", "bot"),
    (Dotnet, "Microsoft.Bot.Builder*", "Bot Framework", "bot"),
    (Ruby, "discordrb", "discordrb", "bot"),
    (Ruby, "telegram-bot-ruby", "telegram-bot-ruby", "bot"),
    (Ruby, "slack-ruby-bot", "slack-ruby-bot", "bot"),
    (Php, "irazasyed/telegram-bot-sdk", "Telegram Bot SDK", "bot"),
    (Php, "team-reflex/discord-php", "DiscordPHP", "bot"),
    (Php, "botman/botman", "BotMan", "bot"),
    // cli (argparse is in the standard library, so no dependency reveals it)
    (Cargo, "clap", "clap", "cli"),
    (Cargo, "structopt", "structopt", "cli"),
    (Cargo, "argh", "argh", "cli"),
    (Python, "click", "Click", "cli"),
    (Python, "typer", "Typer", "cli"),
    (Npm, "commander", "Commander.js", "cli"),
    (Npm, "yargs", "yargs", "cli"),
    (Npm, "oclif", "oclif", "cli"),
    (Npm, "@oclif/core", "oclif", "cli"),
    (Go, "github.com/spf13/cobra", "Cobra", "cli"),
    (Go, "github.com/urfave/cli", "urfave/cli", "cli"),
    (Go, "github.com/urfave/cli/v2", "urfave/cli", "cli"),
    (Go, "github.com/urfave/cli/v3", "urfave/cli", "cli"),
    (Jvm, "info.picocli:picocli", "picocli", "cli"),
    (Dotnet, "System.CommandLine", "System.CommandLine", "cli"),
    (Ruby, "thor", "Thor", "cli"),
    (Php, "symfony/console", "Symfony Console", "cli"),
    // di
    (Jvm, "org.springframework:spring-context", "Spring", "di"),
    (Python, "dependency-injector", "Dependency Injector", "di"),
    (Python, "injector", "Injector", "di"),
    (Npm, "inversify", "InversifyJS", "di"),
    (Npm, "tsyringe", "TSyringe", "di"),
    (Go, "github.com/google/wire", "Wire", "di"),
    (Go, "go.uber.org/fx", "Fx", "di"),
    (Go, "go.uber.org/dig", "dig", "di"),
    (Jvm, "com.google.inject:guice", "Guice", "di"),
    (Jvm, "com.google.dagger:dagger", "Dagger", "di"),
    (
        Dotnet,
        "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.DependencyInjection",
        "di",
    ),
    (Ruby, "dry-container", "dry-container", "di"),
    // frontend
    (Npm, "react", "React", "frontend"),
    (Npm, "vue", "Vue", "frontend"),
    (Npm, "@angular/core", "Angular", "frontend"),
    (Npm, "svelte", "Svelte", "frontend"),
    (Npm, "solid-js", "SolidJS", "frontend"),
    (Npm, "preact", "Preact", "frontend"),
    (Npm, "lit", "Lit", "frontend"),
    // test
    (Python, "pytest", "pytest", "test"),
    (Npm, "jest", "Jest", "test"),
    (Npm, "mocha", "Mocha", "test"),
    (Npm, "vitest", "Vitest", "test"),
    (Jvm, "junit:junit", "JUnit", "test"),
    (Jvm, "org.junit.jupiter:*", "JUnit", "test"),
    (Ruby, "rspec", "RSpec", "test"),
    (Ruby, "rspec-*", "RSpec", "test"),
    (Php, "phpunit/phpunit", "PHPUnit", "test"),
    (Dotnet, "xunit", "xUnit", "test"),
    (Dotnet, "xunit.*", "xUnit", "test"),
    (Dotnet, "NUnit", "NUnit", "test"),
];

/// Scopes whose dependencies ship with (or shape) the product. Test and dev tools say
/// nothing about its architecture, except that they reveal its test framework.
const PRODUCT_SCOPES: &[&str] = &["runtime", "build", "optional", "peer"];

/// Frameworks revealed by the manifests' direct dependencies, one per (name, manifest),
/// sorted by name then manifest.
pub(super) fn detect(manifests: &[Manifest]) -> Vec<Framework> {
    // Packages the repository builds itself: a dependency on one of them is a module of the
    // framework's own repository (javalin-bundle on io.javalin:javalin), not an app using it.
    let own: BTreeSet<String> = manifests
        .iter()
        .filter_map(|m| {
            let family = Family::of(&m.ecosystem)?;
            m.name.as_deref().map(|n| normalise(family, n))
        })
        .collect();
    let mut found: BTreeMap<(&str, &str), (Preference, Framework)> = BTreeMap::new();
    for manifest in manifests {
        let Some(family) = Family::of(&manifest.ecosystem) else {
            continue;
        };
        for dependency in &manifest.dependencies {
            let name = normalise(family, &dependency.name);
            let artifact = name.rsplit(':').next().unwrap_or(&name);
            if own.contains(&name) || (family == Family::Jvm && own.contains(artifact)) {
                continue;
            }
            for &(rule_family, pattern, framework, category) in RULES {
                let in_scope =
                    category == "test" || PRODUCT_SCOPES.contains(&dependency.scope.as_str());
                if rule_family != family || !in_scope || !matches(pattern, &name) {
                    continue;
                }
                let preference = (
                    scope_rank(dependency),
                    pattern.ends_with('*'),
                    dependency.name.as_str(),
                );
                let key = (framework, manifest.path.as_str());
                if found.get(&key).is_some_and(|(best, _)| *best <= preference) {
                    continue;
                }
                let framework = Framework {
                    name: framework.to_string(),
                    category: category.to_string(),
                    dependency: dependency.name.clone(),
                    manifest: manifest.path.clone(),
                };
                found.insert(key, (preference, framework));
            }
        }
    }
    // A Rails app on Mongoid has no ActiveRecord, though the `rails` gem implies it.
    let on_mongoid: Vec<&str> = manifests
        .iter()
        .filter(|m| m.dependencies.iter().any(|d| d.name == "mongoid"))
        .map(|m| m.path.as_str())
        .collect();
    found
        .into_values()
        .map(|(_, framework)| framework)
        .filter(|f| {
            !(f.name == "ActiveRecord"
                && f.dependency == "rails"
                && on_mongoid.contains(&f.manifest.as_str()))
        })
        .collect()
}

/// Ranks the dependencies revealing one framework, lowest first: by scope, then exact
/// matches before prefix ones (`spring-boot-starter-web` names Spring Boot better than
/// `spring-boot-starter-actuator`), then name.
type Preference<'a> = (usize, bool, &'a str);

/// When several dependencies reveal the same framework, name the runtime one first.
fn scope_rank(dependency: &Dependency) -> usize {
    ["runtime", "build", "optional", "peer", "dev", "test"]
        .iter()
        .position(|scope| *scope == dependency.scope)
        .unwrap_or(usize::MAX)
}

/// Lower-cases the name, and for Python applies PEP 503 (`Flask_SQLAlchemy` is
/// `flask-sqlalchemy`).
fn normalise(family: Family, name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if family == Family::Python {
        lower.replace(['_', '.'], "-")
    } else {
        lower
    }
}

/// `name` (already lower-cased) matches `pattern` exactly or, for `prefix*`, by prefix.
fn matches(pattern: &str, name: &str) -> bool {
    match pattern.strip_suffix('*') {
        // `Foo*` matches `Foo` itself; `Foo.*` needs something after the separator.
        Some(prefix) => {
            name.starts_with(&prefix.to_ascii_lowercase())
                && (name.len() > prefix.len() || !prefix.ends_with(['.', ':', '/', '-', '_']))
        }
        None => name == pattern.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::collect_from;
    use super::*;

    fn names(files: &[(&str, &str)]) -> Vec<(String, String, String)> {
        let (facts, warnings) = collect_from(files);
        assert!(warnings.is_empty(), "{warnings:?}");
        facts
            .frameworks
            .into_iter()
            .map(|f| (f.name, f.category, f.dependency))
            .collect()
    }

    fn triple(name: &str, category: &str, dependency: &str) -> (String, String, String) {
        (
            name.to_string(),
            category.to_string(),
            dependency.to_string(),
        )
    }

    #[test]
    fn matcher_supports_trailing_star() {
        assert!(matches(
            "org.apache.kafka:*",
            "org.apache.kafka:kafka-clients"
        ));
        assert!(matches(
            "Microsoft.AspNetCore.*",
            "microsoft.aspnetcore.mvc"
        ));
        assert!(!matches("Microsoft.AspNetCore.*", "microsoft.aspnetcore."));
        assert!(matches(
            "Microsoft.EntityFrameworkCore*",
            "microsoft.entityframeworkcore"
        ));
        assert!(matches("axum", "axum"));
        assert!(!matches("axum", "axum-extra"));
    }

    #[test]
    fn less_common_server_frameworks_make_web_apps_but_not_in_their_own_repository() {
        let hono = r#"{"name": "bookmarks", "dependencies": {"hono": "^4.5.1"}}"#;
        assert_eq!(
            names(&[("package.json", hono)]),
            vec![triple("Hono", "web", "hono")]
        );
        // The framework's own modules depend on its core artifact.
        let core =
            "<project><groupId>io.javalin</groupId><artifactId>javalin</artifactId></project>";
        let bundle = "<project><artifactId>javalin-bundle</artifactId><dependencies><dependency><groupId>io.javalin</groupId><artifactId>javalin</artifactId></dependency></dependencies></project>";
        assert!(names(&[
            ("javalin/pom.xml", core),
            ("javalin-bundle/pom.xml", bundle)
        ])
        .is_empty());
        assert_eq!(
            names(&[("pom.xml", bundle)]),
            vec![triple("Javalin", "web", "io.javalin:javalin")]
        );
    }

    #[test]
    fn spring_gem_in_development_group_is_not_spring() {
        let gemfile = "gem 'rails'\ngroup :development do\n  gem 'spring'\nend\ngroup :test do\n  gem 'rspec-rails'\nend\n";
        assert_eq!(
            names(&[("Gemfile", gemfile)]),
            vec![
                triple("ActiveRecord", "orm", "rails"),
                triple("RSpec", "test", "rspec-rails"),
                triple("Rails", "web", "rails"),
            ]
        );
    }

    #[test]
    fn spring_data_over_a_document_store_is_an_odm_not_an_orm() {
        let pom = |artifact: &str| {
            format!("<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>{artifact}</artifactId></dependency></dependencies></project>")
        };
        // Spring Boot itself is recognised from any starter; only persistence matters here.
        let names = |files: &[(&str, &str)]| {
            names(files)
                .into_iter()
                .filter(|(name, _, _)| name != "Spring Boot")
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(&[("pom.xml", &pom("spring-boot-starter-data-mongodb"))]),
            vec![triple(
                "Spring Data MongoDB",
                "odm",
                "org.springframework.boot:spring-boot-starter-data-mongodb"
            )]
        );
        let jpa = "org.springframework.boot:spring-boot-starter-data-jpa";
        assert_eq!(
            names(&[("pom.xml", &pom("spring-boot-starter-data-jpa"))]),
            vec![
                triple("Hibernate/JPA", "orm", jpa),
                triple("Spring Data", "orm", jpa)
            ]
        );
        // Redis through Spring Data is neither: a key-value client (cache or store).
        assert!(names(&[("pom.xml", &pom("spring-boot-starter-data-redis"))]).is_empty());
    }

    #[test]
    fn rails_on_mongoid_has_no_active_record() {
        let gemfile = "gem 'rails'\ngem 'mongoid'\n";
        assert_eq!(
            names(&[("Gemfile", gemfile)]),
            vec![
                triple("Mongoid", "odm", "mongoid"),
                triple("Rails", "web", "rails")
            ]
        );
    }

    #[test]
    fn dev_scope_hides_product_frameworks_but_not_test_ones() {
        let package = r#"{"dependencies": {"express": "4"}, "devDependencies": {"jest": "29", "react": "18"}}"#;
        assert_eq!(
            names(&[("package.json", package)]),
            vec![
                triple("Express", "web", "express"),
                triple("Jest", "test", "jest")
            ]
        );
    }

    #[test]
    fn one_framework_per_manifest_named_by_its_runtime_dependency() {
        let pom = "<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId></parent>\
            <dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-jpa</artifactId></dependency>\
            <dependency><groupId>org.springframework.kafka</groupId><artifactId>spring-kafka</artifactId></dependency>\
            <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>";
        assert_eq!(
            names(&[("pom.xml", pom)]),
            vec![
                triple(
                    "Hibernate/JPA",
                    "orm",
                    "org.springframework.boot:spring-boot-starter-data-jpa"
                ),
                triple(
                    "Kafka",
                    "messaging",
                    "org.springframework.kafka:spring-kafka"
                ),
                triple(
                    "Spring Boot",
                    "web",
                    "org.springframework.boot:spring-boot-starter-web"
                ),
                triple(
                    "Spring Data",
                    "orm",
                    "org.springframework.boot:spring-boot-starter-data-jpa"
                ),
            ]
        );
    }

    #[test]
    fn frameworks_across_ecosystems() {
        let files = [
            ("svc/go.mod", "module x\nrequire (\n github.com/labstack/echo/v4 v4.11.0\n gorm.io/gorm v1.25.0\n)\n"),
            ("api/Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><PackageReference Include=\"Microsoft.EntityFrameworkCore.SqlServer\" Version=\"8\" /></ItemGroup></Project>"),
            ("py/requirements.txt", "Flask_SQLAlchemy\nboto3\n"),
            ("rs/Cargo.toml", "[dependencies]\naxum = \"0.7\"\n[dev-dependencies]\nclap = \"4\"\n"),
        ];
        let (facts, _) = collect_from(&files);
        let found: Vec<(&str, &str)> = facts
            .frameworks
            .iter()
            .map(|f| (f.name.as_str(), f.manifest.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("ASP.NET Core", "api/Api.csproj"),
                ("Echo", "svc/go.mod"),
                ("Entity Framework Core", "api/Api.csproj"),
                ("GORM", "svc/go.mod"),
                ("SQLAlchemy", "py/requirements.txt"),
                ("axum", "rs/Cargo.toml"),
            ]
        );
    }

    #[test]
    fn chat_bot_libraries_are_bots_whatever_their_spelling() {
        let files = [
            ("requirements.txt", "discord.py[speed]>=2.3.1\nclick\n"),
            ("bot/pom.xml", "<project><dependencies><dependency><groupId>net.dv8tion</groupId><artifactId>JDA</artifactId><version>4.4.1</version></dependency></dependencies></project>"),
        ];
        let (facts, _) = collect_from(&files);
        let bots: Vec<(&str, &str)> = facts
            .frameworks
            .iter()
            .filter(|f| f.category == "bot")
            .map(|f| (f.name.as_str(), f.manifest.as_str()))
            .collect();
        assert_eq!(
            bots,
            vec![("JDA", "bot/pom.xml"), ("discord.py", "requirements.txt")]
        );
    }
}
