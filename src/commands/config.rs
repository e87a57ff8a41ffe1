//! `arch config show`: the resolved settings and where each came from.

use std::io::Write;

use crate::cli::{ConfigCommand, GlobalArgs};
use crate::commands::{resolve_settings, Outcome};
use crate::settings::{Format, Layer};

/// Runs `arch config …`.
pub fn run(global: &GlobalArgs, command: ConfigCommand) -> anyhow::Result<Outcome> {
    let ConfigCommand::Show { path } = command;
    let settings = resolve_settings(global, Some(&path), Layer::default())?;
    let rows = settings.rows();
    let mut out = std::io::stdout().lock();
    if global.format == Some(Format::Json) {
        let json: Vec<serde_json::Value> = rows
            .iter()
            .map(|(key, value, source)| {
                serde_json::json!({ "key": key, "value": value, "source": source.to_string() })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
    } else {
        let width = rows.iter().map(|(k, _, _)| k.len()).max().unwrap_or(0);
        let value_width = rows.iter().map(|(_, v, _)| v.len()).max().unwrap_or(0);
        for (key, value, source) in rows {
            writeln!(out, "{key:width$}  {value:value_width$}  ({source})")?;
        }
    }
    Ok(Outcome::Success)
}
