//! Deployment and infrastructure descriptors: how the project ships and runs.

use std::sync::LazyLock;

use regex::Regex;

use super::{
    file_name, has_extension, parent_dir, sorted_unique, yaml_scalar, FileIndex, InfraFile,
};

/// The descriptor formats understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum InfraKind {
    Dockerfile,
    Compose,
    Helm,
    Terraform,
    Serverless,
    /// A YAML file that may turn out to be Kubernetes manifests or an AWS SAM template;
    /// most are neither, so it is read quietly.
    Candidate,
}

/// Directory-name fragments under which YAML files are worth trying as Kubernetes.
const DEPLOYMENT_DIR_HINTS: &[&str] = &[
    "k8s",
    "kube",
    "kubernetes",
    "deploy",
    "manifests",
    "charts",
    "helm",
    "infra",
    "ops",
];

/// YAML files at most this many directories deep are tried as Kubernetes anywhere.
const SHALLOW_YAML_DEPTH: usize = 2;

/// Recognises a descriptor from its path (and, for Helm templates, the charts around it).
pub(super) fn kind_of(path: &str, index: &FileIndex) -> Option<InfraKind> {
    let name = file_name(path);
    let lower = name.to_ascii_lowercase();
    let is_yaml = has_extension(name, &[".yml", ".yaml"]);
    if lower == "dockerfile"
        || lower == "containerfile"
        || lower.ends_with(".dockerfile")
        || lower.starts_with("dockerfile.")
        // One per program in a shared folder: docker/Dockerfile-barista, Dockerfile_api.
        || ((lower.starts_with("dockerfile-") || lower.starts_with("dockerfile_"))
            && !lower.contains('.'))
    {
        Some(InfraKind::Dockerfile)
    } else if is_yaml && (lower.starts_with("docker-compose") || lower.starts_with("compose.")) {
        Some(InfraKind::Compose)
    } else if name == "Chart.yaml" {
        Some(InfraKind::Helm)
    } else if has_extension(name, &[".tf"]) {
        Some(InfraKind::Terraform)
    } else if lower == "serverless.yml" || lower == "serverless.yaml" {
        Some(InfraKind::Serverless)
    } else if is_yaml && !in_helm_templates(path, index) && worth_trying_as_kubernetes(path) {
        Some(InfraKind::Candidate)
    } else {
        None
    }
}

/// Helm templates are Go templates: they rarely parse, and when they do they describe
/// the chart, which its `Chart.yaml` already stands for.
fn in_helm_templates(path: &str, index: &FileIndex) -> bool {
    index.chart_dirs.iter().any(|dir| {
        let templates = if dir.is_empty() {
            "templates/".to_string()
        } else {
            format!("{dir}/templates/")
        };
        path.starts_with(&templates)
    })
}

/// Keeps the speculative parse cheap: shallow files, files under deployment-looking
/// directories, and SAM's conventional `template.yaml`.
fn worth_trying_as_kubernetes(path: &str) -> bool {
    let dir = parent_dir(path);
    let depth = if dir.is_empty() {
        0
    } else {
        dir.split('/').count()
    };
    let name = file_name(path).to_ascii_lowercase();
    depth <= SHALLOW_YAML_DEPTH
        || name.starts_with("template.")
        || dir.split('/').any(|part| {
            let part = part.to_ascii_lowercase();
            DEPLOYMENT_DIR_HINTS.iter().any(|hint| part.contains(hint))
        })
}

/// Reads a descriptor. `Ok(None)` means a candidate turned out to be something else.
pub(super) fn parse(kind: InfraKind, path: &str, text: &str) -> Result<Option<InfraFile>, String> {
    let mut images_only = false;
    let mut stages = Vec::new();
    let found = match kind {
        InfraKind::Dockerfile => {
            let (images, named) = dockerfile_froms(text);
            stages = sorted_unique(named);
            Some(("dockerfile", images))
        }
        InfraKind::Terraform => Some(("terraform", terraform_items(text))),
        InfraKind::Compose => {
            let root = parse_yaml(text)?;
            // Version 1 files list services at the top level.
            let services = root.get("services").unwrap_or(&root);
            let skip = [
                "version", "name", "networks", "volumes", "secrets", "configs",
            ];
            images_only = compose_images_only(services, &skip);
            Some(("compose", mapping_keys(services, &skip)))
        }
        InfraKind::Helm => {
            let root = parse_yaml(text)?;
            Some((
                "helm",
                root.get("name").and_then(yaml_scalar).into_iter().collect(),
            ))
        }
        InfraKind::Serverless => {
            let root = parse_yaml(text)?;
            Some(("serverless", serverless_functions(root.get("functions"))))
        }
        InfraKind::Candidate => candidate(text),
    };
    let copies = if kind == InfraKind::Dockerfile {
        dockerfile_copies(text)
    } else {
        Vec::new()
    };
    Ok(found.map(|(kind, items)| InfraFile {
        path: path.to_string(),
        kind: kind.to_string(),
        items: sorted_unique(items),
        images_only,
        copies,
        stages,
    }))
}

/// Whether every service of a compose file runs an `image:` and none has a `build:` (or
/// `extends` another file, which may build): then the file starts published software beside
/// this code rather than deploying it.
fn compose_images_only(services: &serde_yaml::Value, skip: &[&str]) -> bool {
    let Some(map) = services.as_mapping() else {
        return false;
    };
    let mut any = false;
    for (name, service) in map {
        let Some(name) = name.as_str() else { continue };
        if skip.contains(&name) || name.starts_with("x-") {
            continue;
        }
        any = true;
        let has = |key: &str| service.get(key).is_some();
        if has("build") || has("extends") || !has("image") {
            return false;
        }
    }
    any
}

fn parse_yaml(text: &str) -> Result<serde_yaml::Value, String> {
    let parse = || -> Result<serde_yaml::Value, String> {
        serde_yaml::from_str(text).map_err(|error| format!("invalid YAML: {error}"))
    };
    let mut value = parse()?;
    // Compose files share service settings through merge keys (`<<: *node`, pg-boss's
    // CockroachDB nodes take their `image:` from an `x-` anchor). A merge that cannot apply
    // leaves the file as written (read again: the failed merge may have begun).
    if value.apply_merge().is_err() {
        value = parse()?;
    }
    Ok(value)
}

/// String keys of a mapping, minus `skip` and `x-` extension fields.
fn mapping_keys(value: &serde_yaml::Value, skip: &[&str]) -> Vec<String> {
    value
        .as_mapping()
        .into_iter()
        .flatten()
        .filter_map(|(key, _)| yaml_scalar(key))
        .filter(|key| !key.starts_with("x-") && !skip.contains(&key.as_str()))
        .collect()
}

/// Every `FROM` of a Dockerfile: the base images it pulls (not the stages it builds itself),
/// and the stages it names (`FROM … AS deps`, lower-cased), which other Dockerfiles of a bake
/// build can start from.
fn dockerfile_froms(text: &str) -> (Vec<String>, Vec<String>) {
    let mut stages: Vec<String> = Vec::new();
    let mut images = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if !words
            .next()
            .is_some_and(|word| word.eq_ignore_ascii_case("FROM"))
        {
            continue;
        }
        let mut words = words.filter(|word| !word.starts_with("--"));
        let Some(image) = words.next() else {
            continue;
        };
        if !stages.iter().any(|stage| stage.eq_ignore_ascii_case(image)) {
            images.push(image.to_string());
        }
        if words
            .next()
            .is_some_and(|word| word.eq_ignore_ascii_case("AS"))
        {
            stages.extend(words.next().map(str::to_ascii_lowercase));
        }
    }
    (images, stages)
}

/// Folders a Dockerfile's `COPY` and `ADD` take from the build context by name: `./frontend`
/// and `backend/` → `backend`, `frontend`. Not other stages (`--from`), files named with an
/// extension, URLs or the whole context (`.`), which says nothing about what the image holds.
fn dockerfile_copies(text: &str) -> Vec<String> {
    let mut folders = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if !words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("COPY") || w.eq_ignore_ascii_case("ADD"))
        {
            continue;
        }
        let words: Vec<&str> = words.collect();
        if words.iter().any(|w| w.starts_with("--from")) {
            continue;
        }
        let args: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !w.starts_with("--"))
            .collect();
        // Every argument but the last is a source.
        let Some((_, sources)) = args.split_last() else {
            continue;
        };
        for source in sources {
            let path = source.trim_start_matches("./").trim_end_matches('/');
            let folder = path.split('/').next().unwrap_or("");
            // A file named with an extension at the top of the context (`package.json`) is
            // not a folder.
            let file_like = !path.contains('/') && folder.contains('.');
            if !folder.is_empty()
                && folder != "."
                && folder != ".."
                && !file_like
                && !folder.contains(['*', '$', ':', '"', '['])
            {
                folders.push(folder.to_string());
            }
        }
    }
    sorted_unique(folders)
}

fn terraform_items(text: &str) -> Vec<String> {
    static PROVIDER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"(?m)^\s*provider\s+"([^"]+)""#).expect("valid regex"));
    static RESOURCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?m)^\s*resource\s+"([^"]+)"\s+"[^"]+""#).expect("valid regex")
    });
    let providers = PROVIDER
        .captures_iter(text)
        .map(|c| format!("provider:{}", &c[1]));
    let resources = RESOURCE
        .captures_iter(text)
        .map(|c| format!("resource:{}", &c[1]));
    providers.chain(resources).collect()
}

/// `functions:` is a mapping of names, or a list of such mappings.
fn serverless_functions(functions: Option<&serde_yaml::Value>) -> Vec<String> {
    match functions {
        Some(serde_yaml::Value::Sequence(parts)) => parts
            .iter()
            .flat_map(|part| mapping_keys(part, &[]))
            .collect(),
        Some(functions) => mapping_keys(functions, &[]),
        None => Vec::new(),
    }
}

/// Tries a YAML file as an AWS SAM template, then as Kubernetes manifests. Files that do
/// not parse are not reported: most YAML in a repository is neither.
fn candidate(text: &str) -> Option<(&'static str, Vec<String>)> {
    let mut documents = Vec::new();
    for document in serde_yaml::Deserializer::from_str(text) {
        match serde::Deserialize::deserialize(document) {
            Ok(value) => documents.push(value),
            Err(_) => break,
        }
    }
    if let Some(functions) = documents.first().and_then(sam_functions) {
        return Some(("serverless", functions));
    }
    let mut objects = Vec::new();
    for document in &documents {
        kubernetes_objects(document, &mut objects);
    }
    (!objects.is_empty()).then_some(("kubernetes", objects))
}

/// Resource names of `AWS::Serverless::Function`s, if the template uses the SAM transform.
fn sam_functions(root: &serde_yaml::Value) -> Option<Vec<String>> {
    let is_sam = match root.get("Transform")? {
        serde_yaml::Value::Sequence(transforms) => transforms
            .iter()
            .filter_map(yaml_scalar)
            .any(|t| t.starts_with("AWS::Serverless")),
        transform => yaml_scalar(transform).is_some_and(|t| t.starts_with("AWS::Serverless")),
    };
    if !is_sam {
        return None;
    }
    let functions = root
        .get("Resources")
        .and_then(serde_yaml::Value::as_mapping)
        .into_iter()
        .flatten()
        .filter(|(_, resource)| {
            resource.get("Type").and_then(yaml_scalar).as_deref()
                == Some("AWS::Serverless::Function")
        })
        .filter_map(|(name, _)| yaml_scalar(name))
        .collect();
    Some(functions)
}

/// "Kind/name" for a document with `apiVersion` and `kind`, recursing into `kind: List`.
fn kubernetes_objects(document: &serde_yaml::Value, objects: &mut Vec<String>) {
    let (Some(_), Some(kind)) = (
        document
            .get("apiVersion")
            .and_then(serde_yaml::Value::as_str),
        document.get("kind").and_then(serde_yaml::Value::as_str),
    ) else {
        return;
    };
    if kind == "List" {
        for item in document
            .get("items")
            .and_then(serde_yaml::Value::as_sequence)
            .into_iter()
            .flatten()
        {
            kubernetes_objects(item, objects);
        }
        return;
    }
    match document
        .get("metadata")
        .and_then(|m| m.get("name"))
        .and_then(yaml_scalar)
    {
        Some(name) => objects.push(format!("{kind}/{name}")),
        // Kustomizations and a few other kinds carry no name.
        None => objects.push(kind.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::collect_from;
    use super::{dockerfile_copies, dockerfile_froms};

    fn infra(files: &[(&str, &str)]) -> Vec<(String, String, Vec<String>)> {
        let (facts, warnings) = collect_from(files);
        assert!(warnings.is_empty(), "{warnings:?}");
        facts
            .infrastructure
            .into_iter()
            .map(|f| (f.path, f.kind, f.items))
            .collect()
    }

    fn row(path: &str, kind: &str, items: &[&str]) -> (String, String, Vec<String>) {
        (
            path.to_string(),
            kind.to_string(),
            items.iter().map(|i| i.to_string()).collect(),
        )
    }

    #[test]
    fn dockerfile_copies_are_the_context_folders_named() {
        let text = "FROM node:22 AS web\nCOPY ./frontend/package.json ./frontend/yarn.lock ./\nCOPY ./frontend .\nFROM php:8.3\nCOPY --from=web /app/frontend /app/frontend\nCOPY --chown=www:www ./backend/ /app/backend\nADD VERSION /app/VERSION\nCOPY . /src\nCOPY [\"docs\", \"/docs\"]\n";
        // `VERSION` may be a file or a folder: only the folders images are built from are
        // matched against it.
        assert_eq!(dockerfile_copies(text), ["VERSION", "backend", "frontend"]);
        assert!(dockerfile_copies("FROM alpine\nRUN echo copy\n").is_empty());
    }

    #[test]
    fn dockerfile_stages_are_the_names_after_as() {
        let text = "FROM debian:12 AS base\nFROM base as Deps\nFROM deps AS wheels\nFROM scratch\n";
        let (images, stages) = dockerfile_froms(text);
        assert_eq!(images, ["debian:12", "scratch"]);
        assert_eq!(stages, ["base", "deps", "wheels"]);
    }

    #[test]
    fn dockerfile_base_images_skip_stage_aliases() {
        let text = "ARG V=1\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n";
        assert_eq!(
            infra(&[
                ("Dockerfile", text),
                ("docker/api.Dockerfile", "FROM node:20\n"),
                ("Dockerfile.dev", "from node:20\n"),
                ("docker/Dockerfile-kitchen", "FROM alpine:3.20\n"),
                ("docker/Dockerfile-lint.json", "{}\n")
            ]),
            vec![
                row(
                    "Dockerfile",
                    "dockerfile",
                    &["gcr.io/distroless/static", "golang:1.22"]
                ),
                row("Dockerfile.dev", "dockerfile", &["node:20"]),
                row("docker/Dockerfile-kitchen", "dockerfile", &["alpine:3.20"]),
                row("docker/api.Dockerfile", "dockerfile", &["node:20"]),
            ]
        );
    }

    #[test]
    fn compose_services() {
        let text = "version: '3.8'\nservices:\n  web:\n    image: nginx\n  db:\n    image: postgres\nx-common: &c {}\n";
        assert_eq!(
            infra(&[
                ("docker-compose.yml", text),
                ("compose.yaml", "services:\n  api: {}\n")
            ]),
            vec![
                row("compose.yaml", "compose", &["api"]),
                row("docker-compose.yml", "compose", &["db", "web"]),
            ]
        );
    }

    #[test]
    fn a_merge_key_that_cannot_apply_leaves_the_yaml_as_written() {
        // `<<` of a scalar is no merge: the file still parses, with the key kept.
        let value = super::parse_yaml("a: &x 1\nb:\n  <<: *x\n  c: 2\n").unwrap();
        assert_eq!(value["b"]["c"], serde_yaml::Value::from(2));
        let merged = super::parse_yaml("a: &x {image: redis}\nb:\n  <<: *x\n").unwrap();
        assert_eq!(merged["b"]["image"], serde_yaml::Value::from("redis"));
    }

    #[test]
    fn compose_files_that_only_run_published_images_are_marked() {
        let images = "services:\n  sftp:\n    image: atmoz/sftp\n  ftp:\n    image: delfer/alpine-ftp-server\nx-shared: {}\n";
        let builds = "services:\n  api:\n    build: .\n  db:\n    image: postgres\n";
        let extends = "services:\n  api:\n    extends: { file: base.yml, service: api }\n";
        // Services that take their image from an anchor through a merge key (pg-boss).
        let merged = "x-node: &node\n  image: cockroachdb/cockroach\nservices:\n  node-1:\n    <<: *node\n    command: start\n  node-2:\n    <<: *node\n";
        let (facts, warnings) = collect_from(&[
            ("docker-compose.yml", images),
            ("deploy/compose.yaml", builds),
            ("compose.yaml", extends),
            ("docker-compose.cockroach.yaml", merged),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        let marked: Vec<(&str, bool)> = facts
            .infrastructure
            .iter()
            .map(|f| (f.path.as_str(), f.images_only))
            .collect();
        assert_eq!(
            marked,
            [
                ("compose.yaml", false),
                ("deploy/compose.yaml", false),
                ("docker-compose.cockroach.yaml", true),
                ("docker-compose.yml", true)
            ]
        );
    }

    #[test]
    fn kubernetes_helm_and_exclusions() {
        let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n";
        let files = [
            ("deploy/k8s/base/app.yaml", deployment),
            ("deploy/k8s/base/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n"),
            ("charts/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n"),
            ("charts/api/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: templated\n"),
            ("src/main/resources/deep/config/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n"),
            ("config.yml", "key: [unclosed\n"),
            (".github/dependabot.yml", "version: 2\n"),
        ];
        assert_eq!(
            infra(&files),
            vec![
                row("charts/api/Chart.yaml", "helm", &["api"]),
                row(
                    "deploy/k8s/base/app.yaml",
                    "kubernetes",
                    &["Deployment/api", "Service/api"]
                ),
                row(
                    "deploy/k8s/base/kustomization.yaml",
                    "kubernetes",
                    &["Kustomization"]
                ),
            ]
        );
    }

    #[test]
    fn terraform_providers_and_resources() {
        let text = "provider \"aws\" {\n  region = \"eu-west-1\"\n}\nresource \"aws_s3_bucket\" \"a\" {}\nresource \"aws_s3_bucket\" \"b\" {}\nresource \"aws_lambda_function\" \"f\" {}\n";
        assert_eq!(
            infra(&[("infra/main.tf", text)]),
            vec![row(
                "infra/main.tf",
                "terraform",
                &[
                    "provider:aws",
                    "resource:aws_lambda_function",
                    "resource:aws_s3_bucket"
                ]
            )]
        );
    }

    #[test]
    fn serverless_and_sam_functions() {
        let serverless = "service: api\nprovider:\n  name: aws\nfunctions:\n  hello:\n    handler: handler.hello\n  world:\n    handler: handler.world\n";
        let sam = "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  HelloFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: !Ref Code\n  Table:\n    Type: AWS::DynamoDB::Table\n";
        assert_eq!(
            infra(&[("serverless.yml", serverless), ("app/template.yaml", sam)]),
            vec![
                row("app/template.yaml", "serverless", &["HelloFunction"]),
                row("serverless.yml", "serverless", &["hello", "world"]),
            ]
        );
    }

    #[test]
    fn broken_compose_file_is_a_warning() {
        let (facts, warnings) = collect_from(&[("docker-compose.yml", "services: [oops\n")]);
        assert!(facts.infrastructure.is_empty());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.starts_with("invalid YAML"));
    }
}
