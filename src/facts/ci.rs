//! Continuous-integration pipelines and the jobs they define.

use std::sync::LazyLock;

use regex::Regex;

use super::{file_name, has_extension, parent_dir, sorted_unique, yaml_scalar, CiFile};

/// The CI systems understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CiSystem {
    GithubActions,
    GitlabCi,
    CircleCi,
    Jenkins,
    AzurePipelines,
    Travis,
    Bitbucket,
}

impl CiSystem {
    fn name(self) -> &'static str {
        match self {
            Self::GithubActions => "github-actions",
            Self::GitlabCi => "gitlab-ci",
            Self::CircleCi => "circleci",
            Self::Jenkins => "jenkins",
            Self::AzurePipelines => "azure-pipelines",
            Self::Travis => "travis",
            Self::Bitbucket => "bitbucket",
        }
    }
}

/// Top-level GitLab keywords that configure the pipeline rather than name a job.
const GITLAB_RESERVED: &[&str] = &[
    "after_script",
    "before_script",
    "cache",
    "default",
    "image",
    "include",
    "services",
    "stages",
    "types",
    "variables",
    "workflow",
];

/// Keys that make a top-level GitLab mapping a job (hidden `.templates` aside).
const GITLAB_JOB_KEYS: &[&str] = &["script", "stage", "extends", "trigger"];

/// Recognises a CI definition from its path.
pub(super) fn kind_of(path: &str) -> Option<CiSystem> {
    let name = file_name(path);
    let dir = parent_dir(path);
    let is_yaml = has_extension(name, &[".yml", ".yaml"]);
    let in_dir = |wanted: &str| dir == wanted || dir.ends_with(&format!("/{wanted}"));
    let system = if is_yaml && in_dir(".github/workflows") {
        CiSystem::GithubActions
    } else if name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml" {
        CiSystem::GitlabCi
    } else if is_yaml && name.starts_with("config.") && in_dir(".circleci") {
        CiSystem::CircleCi
    } else if name == "Jenkinsfile" || name.starts_with("Jenkinsfile.") {
        CiSystem::Jenkins
    } else if is_yaml && name.starts_with("azure-pipelines") {
        CiSystem::AzurePipelines
    } else if name == ".travis.yml" || name == ".travis.yaml" {
        CiSystem::Travis
    } else if name == "bitbucket-pipelines.yml" || name == "bitbucket-pipelines.yaml" {
        CiSystem::Bitbucket
    } else {
        return None;
    };
    Some(system)
}

/// Reads a pipeline's job names; YAML definitions must parse.
pub(super) fn parse(system: CiSystem, path: &str, text: &str) -> Result<CiFile, String> {
    let jobs = match system {
        CiSystem::Jenkins => jenkins_stages(text),
        // Travis jobs are matrix expansions without names of their own; the file is
        // still parsed so that a broken one is reported like any other.
        CiSystem::Travis => {
            parse_yaml(text)?;
            Vec::new()
        }
        CiSystem::GithubActions | CiSystem::CircleCi => keys(parse_yaml(text)?.get("jobs")),
        CiSystem::GitlabCi => gitlab_jobs(&parse_yaml(text)?),
        CiSystem::AzurePipelines => {
            let mut jobs = Vec::new();
            collect_named(
                &parse_yaml(text)?,
                &["stage", "job", "deployment"],
                &mut jobs,
            );
            jobs
        }
        CiSystem::Bitbucket => {
            let mut steps = Vec::new();
            bitbucket_steps(&parse_yaml(text)?, &mut steps);
            steps
        }
    };
    Ok(CiFile {
        path: path.to_string(),
        system: system.name().to_string(),
        jobs: sorted_unique(jobs),
    })
}

fn parse_yaml(text: &str) -> Result<serde_yaml::Value, String> {
    serde_yaml::from_str(text).map_err(|error| format!("invalid YAML: {error}"))
}

fn keys(mapping: Option<&serde_yaml::Value>) -> Vec<String> {
    mapping
        .and_then(serde_yaml::Value::as_mapping)
        .into_iter()
        .flatten()
        .filter_map(|(key, _)| yaml_scalar(key))
        .collect()
}

fn gitlab_jobs(root: &serde_yaml::Value) -> Vec<String> {
    root.as_mapping()
        .into_iter()
        .flatten()
        .filter(|(_, body)| GITLAB_JOB_KEYS.iter().any(|key| body.get(key).is_some()))
        .filter_map(|(key, _)| yaml_scalar(key))
        .filter(|key| !key.starts_with('.') && !GITLAB_RESERVED.contains(&key.as_str()))
        .collect()
}

/// Azure names stages, jobs and deployments with `- stage: Name` entries at any depth.
fn collect_named(value: &serde_yaml::Value, keys: &[&str], names: &mut Vec<String>) {
    match value {
        serde_yaml::Value::Mapping(mapping) => {
            for (key, child) in mapping {
                let is_name = key.as_str().is_some_and(|key| keys.contains(&key));
                match yaml_scalar(child) {
                    Some(name) if is_name => names.push(name),
                    _ => collect_named(child, keys, names),
                }
            }
        }
        serde_yaml::Value::Sequence(items) => {
            for item in items {
                collect_named(item, keys, names);
            }
        }
        _ => {}
    }
}

/// Bitbucket steps are anonymous unless they carry `name:`; those names are the jobs.
fn bitbucket_steps(value: &serde_yaml::Value, names: &mut Vec<String>) {
    match value {
        serde_yaml::Value::Mapping(mapping) => {
            for (key, child) in mapping {
                if key.as_str() == Some("step") {
                    names.extend(child.get("name").and_then(yaml_scalar));
                }
                bitbucket_steps(child, names);
            }
        }
        serde_yaml::Value::Sequence(items) => {
            for item in items {
                bitbucket_steps(item, names);
            }
        }
        _ => {}
    }
}

fn jenkins_stages(text: &str) -> Vec<String> {
    static STAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"\bstage\s*\(\s*['"]([^'"]+)['"]"#).expect("valid regex"));
    STAGE
        .captures_iter(text)
        .map(|c| c[1].to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::collect_from;

    fn ci(files: &[(&str, &str)]) -> Vec<(String, String, Vec<String>)> {
        let (facts, warnings) = collect_from(files);
        assert!(warnings.is_empty(), "{warnings:?}");
        facts
            .ci
            .into_iter()
            .map(|f| (f.path, f.system, f.jobs))
            .collect()
    }

    fn row(path: &str, system: &str, jobs: &[&str]) -> (String, String, Vec<String>) {
        (
            path.to_string(),
            system.to_string(),
            jobs.iter().map(|j| j.to_string()).collect(),
        )
    }

    #[test]
    fn every_system_and_its_jobs() {
        let files = [
            (".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: x\n  build:\n    runs-on: x\n"),
            (
                ".gitlab-ci.yml",
                "stages: [build, test]\nvariables: {A: b}\n.base:\n  script: [x]\nbuild:\n  stage: build\n  script: [make]\nlint:\n  extends: .base\ndefault:\n  image: ruby\n",
            ),
            (".circleci/config.yml", "version: 2.1\njobs:\n  unit: {}\nworkflows: {}\n"),
            ("Jenkinsfile", "pipeline {\n  stages {\n    stage('Build') { }\n    stage(\"Test\") { }\n    stage('Build') { }\n  }\n}\n"),
            ("azure-pipelines.yml", "stages:\n- stage: Build\n  jobs:\n  - job: Compile\n  - deployment: Ship\n"),
            (".travis.yml", "language: rust\n"),
            ("bitbucket-pipelines.yml", "pipelines:\n  default:\n    - step:\n        name: Unit tests\n        script: [make]\n    - step:\n        script: [x]\n"),
        ];
        assert_eq!(
            ci(&files),
            vec![
                row(".circleci/config.yml", "circleci", &["unit"]),
                row(
                    ".github/workflows/ci.yml",
                    "github-actions",
                    &["build", "test"]
                ),
                row(".gitlab-ci.yml", "gitlab-ci", &["build", "lint"]),
                row(".travis.yml", "travis", &[]),
                row("Jenkinsfile", "jenkins", &["Build", "Test"]),
                row(
                    "azure-pipelines.yml",
                    "azure-pipelines",
                    &["Build", "Compile", "Ship"]
                ),
                row("bitbucket-pipelines.yml", "bitbucket", &["Unit tests"]),
            ]
        );
    }

    #[test]
    fn broken_workflow_is_a_warning() {
        let (facts, warnings) = collect_from(&[(".github/workflows/ci.yaml", "jobs: [\n")]);
        assert!(facts.ci.is_empty());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, ".github/workflows/ci.yaml");
    }
}
