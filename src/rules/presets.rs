//! Presets: an architecture style turned into rules for this repository's own modules,
//! using the same folder vocabulary the detectors read.

use super::{Allowed, Forbidden, ModuleGlob, Preset, Rules};
use crate::analysis::Analysis;
use crate::detect::styles::{in_vocabulary, layer_of, Layer, OUTER, STRICT_CORE};

const APPLICATION: &[&str] = &[
    "application",
    "usecases",
    "usecase",
    "use_cases",
    "services",
    "service",
    "ports",
    "port",
];
const MODELS: &[&str] = &["models", "model"];
const CONTROLLERS_AND_VIEWS: &[&str] = &["controllers", "controller", "views", "view"];

fn modules<'a>(analysis: &'a Analysis, keep: impl Fn(&str) -> bool + 'a) -> Vec<&'a str> {
    analysis
        .modules
        .iter()
        .filter(|m| m.files > 0)
        .map(|m| m.id.as_str())
        .filter(move |m| keep(m))
        .collect()
}

fn forbid(rules: &mut Rules, name: &str, from: &[&str], to: &[&str], message: &str) {
    for f in from {
        for t in to {
            if f != t {
                rules.forbidden.push(Forbidden {
                    name: name.to_string(),
                    from: ModuleGlob::module(f),
                    to: ModuleGlob::module(t),
                    unless: None,
                    message: Some(format!("{message}: {f} → {t}")),
                });
            }
        }
    }
}

/// Adds the rules of `preset` to `rules`.
pub fn expand(preset: Preset, analysis: &Analysis, rules: &mut Rules) {
    let core = modules(analysis, |m| {
        in_vocabulary(m, STRICT_CORE) && !in_vocabulary(m, OUTER)
    });
    let outer = modules(analysis, |m| {
        in_vocabulary(m, OUTER) && !in_vocabulary(m, STRICT_CORE)
    });
    match preset {
        Preset::Layered => {
            for (name, layer) in [
                ("presentation", Layer::Presentation),
                ("business", Layer::Business),
                ("data", Layer::Data),
            ] {
                let globs: Vec<ModuleGlob> = modules(analysis, |m| layer_of(m) == Some(layer))
                    .into_iter()
                    .map(ModuleGlob::module)
                    .collect();
                if !globs.is_empty() {
                    rules.layers.push((name.to_string(), globs));
                }
            }
        }
        Preset::Hexagonal => {
            let application = modules(analysis, |m| {
                in_vocabulary(m, APPLICATION) && !in_vocabulary(m, OUTER)
            });
            forbid(
                rules,
                "preset-hexagonal",
                &core,
                &outer,
                "the domain must not depend on an adapter",
            );
            forbid(
                rules,
                "preset-hexagonal",
                &application,
                &outer,
                "ports and application services must not depend on an adapter",
            );
        }
        Preset::Clean => {
            let application = modules(analysis, |m| {
                in_vocabulary(m, APPLICATION) && !in_vocabulary(m, OUTER)
            });
            let core_globs: Vec<ModuleGlob> = core.iter().map(|m| ModuleGlob::module(m)).collect();
            for m in &core {
                rules.allowed.push(Allowed {
                    name: "preset-clean".to_string(),
                    from: ModuleGlob::module(m),
                    to: core_globs.clone(),
                    message: Some(format!(
                        "entities depend on nothing outside the domain: {m}"
                    )),
                });
            }
            forbid(
                rules,
                "preset-clean",
                &application,
                &outer,
                "use cases must not depend on infrastructure or delivery",
            );
        }
        Preset::Mvc => {
            let models = modules(analysis, |m| in_vocabulary(m, MODELS));
            let upper = modules(analysis, |m| in_vocabulary(m, CONTROLLERS_AND_VIEWS));
            forbid(
                rules,
                "preset-mvc",
                &models,
                &upper,
                "models must not depend on controllers or views",
            );
        }
    }
}
