//! The SQLite backend: one file, WAL journal, a busy timeout so concurrent learns wait for
//! each other instead of failing, foreign keys on.

use std::path::PathBuf;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{DbStatus, KbError, LearnOutcome, Pattern, Result, Store};
use crate::analysis::Analysis;

/// Numbered migrations, embedded from `migrations/sqlite/`.
pub const MIGRATIONS: &[(u32, &str)] = &[
    (
        1,
        include_str!("../../migrations/sqlite/0001_knowledge_base.sql"),
    ),
    (2, include_str!("../../migrations/sqlite/0002_feedback.sql")),
];

/// A knowledge base in one SQLite file.
pub struct SqliteStore {
    path: PathBuf,
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`, without migrating.
    pub fn open(path: PathBuf) -> Result<Self> {
        let err = |source| KbError::Sqlite {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| err(rusqlite::Error::ToSqlConversionFailure(Box::new(e))))?;
        }
        let conn = Connection::open(&path).map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(err)?;
        // Switching a new file to WAL takes an exclusive lock that the busy handler does not
        // wait for; concurrent first opens retry instead of failing.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            match conn.execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
            ) {
                Ok(()) => break,
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if matches!(
                        e.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(e) => return Err(err(e)),
            }
        }
        Ok(Self { path, conn })
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> KbError + '_ {
        move |source| KbError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    fn version(conn: &Connection) -> rusqlite::Result<u32> {
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
        )?;
        conn.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            [],
            |r| r.get(0),
        )
    }
}

impl SqliteStore {
    fn changes(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<super::ScoreChange>> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT kind, taxonomy_id, event_id, score_before, score_after, changed_at FROM pattern_score WHERE {filter} ORDER BY id"
            ))
            .map_err(self.err())?;
        let rows = stmt
            .query_map(args, |r| {
                Ok(super::ScoreChange {
                    kind: r.get(0)?,
                    taxonomy_id: r.get(1)?,
                    event_id: r.get(2)?,
                    before: r.get(3)?,
                    after: r.get(4)?,
                    changed_at: r.get::<_, String>(5)?.parse().unwrap_or(0),
                })
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }
}

fn latest() -> u32 {
    MIGRATIONS.last().map(|(v, _)| *v).unwrap_or(0)
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    secs.to_string()
}

impl Store for SqliteStore {
    fn migrate(&mut self) -> Result<usize> {
        let path = self.path.clone();
        let err = |source| KbError::Sqlite {
            path: path.clone(),
            source,
        };
        // One transaction per migration; IMMEDIATE so a concurrent migrator waits, then
        // sees the version already applied.
        let mut applied = 0;
        for (version, sql) in MIGRATIONS {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(err)?;
            let current = Self::version(&tx).map_err(err)?;
            if current > latest() {
                return Err(KbError::TooNew {
                    location: path.display().to_string(),
                    found: current,
                    latest: latest(),
                });
            }
            if *version <= current {
                continue;
            }
            tx.execute_batch(sql).map_err(err)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                params![version, now()],
            )
            .map_err(err)?;
            tx.commit().map_err(err)?;
            applied += 1;
        }
        Ok(applied)
    }

    fn status(&self) -> Result<DbStatus> {
        let version = Self::version(&self.conn).map_err(self.err())?;
        let projects: i64 = if version > 0 {
            self.conn
                .query_row("SELECT COUNT(*) FROM project", [], |r| r.get(0))
                .map_err(self.err())?
        } else {
            0
        };
        Ok(DbStatus {
            backend: "sqlite".into(),
            location: self.path.display().to_string(),
            version,
            latest: latest(),
            projects: projects as usize,
        })
    }

    fn learn(
        &mut self,
        analysis: &Analysis,
        root: &str,
        revision: Option<&str>,
        embeddings: &super::Embeddings,
    ) -> Result<LearnOutcome> {
        let path = self.path.clone();
        let err = |source| KbError::Sqlite {
            path: path.clone(),
            source,
        };
        let json = serde_json::to_string(analysis).unwrap_or_default();
        // The encoder is part of what was stored: learning again once it is installed adds vectors.
        let fingerprint = format!(
            "{:016x}",
            crate::cache::hash(format!("{json}\u{0}{}", embeddings.model).as_bytes())
        );
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let existing: Option<(i64, String, Option<String>)> = tx
            .query_row(
                "SELECT id, fingerprint, revision FROM project WHERE root = ?1",
                params![root],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(err)?;
        if let Some((_, old_fingerprint, old_revision)) = &existing {
            if old_fingerprint == &fingerprint && old_revision.as_deref() == revision {
                tx.commit().map_err(err)?;
                return Ok(LearnOutcome::Unchanged);
            }
        }
        let languages = serde_json::to_string(
            &analysis
                .languages
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default();
        let description = super::describe(analysis);
        let project_id = match &existing {
            Some((id, _, _)) => {
                tx.execute(
                    "UPDATE project SET name = ?1, revision = ?2, fingerprint = ?3, languages = ?4, description = ?5, analysed_at = ?6, analysis = ?7 WHERE id = ?8",
                    params![analysis.root, revision, fingerprint, languages, description, now(), json, id],
                )
                .map_err(err)?;
                for table in ["finding", "decision", "module"] {
                    tx.execute(
                        &format!("DELETE FROM {table} WHERE project_id = ?1"),
                        params![id],
                    )
                    .map_err(err)?;
                }
                *id
            }
            None => {
                tx.execute(
                    "INSERT INTO project (name, root, revision, fingerprint, languages, description, analysed_at, analysis) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![analysis.root, root, revision, fingerprint, languages, description, now(), json],
                )
                .map_err(err)?;
                tx.last_insert_rowid()
            }
        };
        for f in &analysis.findings {
            tx.execute(
                "INSERT INTO finding (project_id, kind, taxonomy_id, confidence, evidence) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![project_id, f.kind.as_str(), f.id, f.confidence, serde_json::to_string(&f.evidence).unwrap_or_default()],
            )
            .map_err(err)?;
        }
        for d in &analysis.decisions {
            tx.execute(
                "INSERT INTO decision (project_id, topic, choice, evidence) VALUES (?1, ?2, ?3, ?4)",
                params![project_id, crate::report::topic_name(d.topic), d.choice, serde_json::to_string(&d.evidence).unwrap_or_default()],
            )
            .map_err(err)?;
        }
        for m in &analysis.modules {
            tx.execute(
                "INSERT INTO module (project_id, path, files, code, fan_in, fan_out) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![project_id, m.id, m.files as i64, m.code as i64, m.fan_in as i64, m.fan_out as i64],
            )
            .map_err(err)?;
        }
        tx.execute(
            "DELETE FROM embedding WHERE owner LIKE 'project:%' AND owner_id = ?1",
            params![project_id],
        )
        .map_err(err)?;
        for (what, vector) in &embeddings.vectors {
            let blob: Vec<u8> = vector.iter().flat_map(|x| x.to_le_bytes()).collect();
            tx.execute(
                "INSERT INTO embedding (owner, owner_id, model, dim, vector) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![format!("project:{what}"), project_id, embeddings.model, vector.len() as i64, blob],
            )
            .map_err(err)?;
        }
        generalise(&tx).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(if existing.is_some() {
            LearnOutcome::Updated
        } else {
            LearnOutcome::Added
        })
    }

    fn projects(&self) -> Result<Vec<super::ProjectSummary>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, root, revision, languages, description FROM project ORDER BY name, root")
            .map_err(self.err())?;
        let rows: Vec<(i64, super::ProjectSummary)> = stmt
            .query_map([], |r| {
                let languages: String = r.get(4)?;
                Ok((
                    r.get(0)?,
                    super::ProjectSummary {
                        name: r.get(1)?,
                        root: r.get(2)?,
                        revision: r.get(3)?,
                        languages: serde_json::from_str(&languages).unwrap_or_default(),
                        description: r.get(5)?,
                        findings: Vec::new(),
                    },
                ))
            })
            .map_err(self.err())?
            .collect::<rusqlite::Result<_>>()
            .map_err(self.err())?;
        let mut out = Vec::with_capacity(rows.len());
        let mut findings = self
            .conn
            .prepare("SELECT kind || ':' || taxonomy_id FROM finding WHERE project_id = ?1 ORDER BY kind, taxonomy_id")
            .map_err(self.err())?;
        for (id, mut project) in rows {
            project.findings = findings
                .query_map(params![id], |r| r.get(0))
                .map_err(self.err())?
                .collect::<rusqlite::Result<_>>()
                .map_err(self.err())?;
            out.push(project);
        }
        Ok(out)
    }

    fn vectors(&self) -> Result<Vec<super::ProjectVector>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT p.name, e.owner, e.model, e.vector FROM embedding e JOIN project p ON p.id = e.owner_id WHERE e.owner LIKE 'project:%' ORDER BY p.name, e.owner",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                let owner: String = r.get(1)?;
                let blob: Vec<u8> = r.get(3)?;
                let vector = blob
                    .chunks_exact(4)
                    .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect();
                Ok(super::ProjectVector {
                    project: r.get(0)?,
                    what: owner.trim_start_matches("project:").to_string(),
                    model: r.get(2)?,
                    vector,
                })
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }

    fn nearest(&self, query: &[f32], k: usize) -> Result<Vec<(super::ProjectVector, f32)>> {
        let mut scored: Vec<(super::ProjectVector, f32)> = self
            .vectors()?
            .into_iter()
            .map(|v| {
                let score = crate::embed::cosine(query, &v.vector);
                (v, score)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        scored.truncate(k);
        Ok(scored)
    }

    fn stats(&self) -> Result<super::Stats> {
        let count = |table: &str| -> Result<usize> {
            self.conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as usize)
                .map_err(self.err())
        };
        Ok(super::Stats {
            projects: count("project")?,
            findings: count("finding")?,
            decisions: count("decision")?,
            patterns: count("pattern")?,
            embeddings: count("embedding")?,
        })
    }

    fn record_feedback(
        &mut self,
        records: &[super::FeedbackRecord],
    ) -> Result<Vec<super::StoredEvent>> {
        let path = self.path.clone();
        let err = |source| KbError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut stored = Vec::with_capacity(records.len());
        for record in records {
            let at = now();
            tx.execute(
                "INSERT INTO feedback_event (recorded_at, target_kind, target_id, text, action, edit_distance, classifier, reading, implicit, explicit, confidence, reward) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    at,
                    record.target_kind,
                    record.target_id,
                    record.text,
                    record.action,
                    record.edit_distance.map(|d| d as i64),
                    record.classifier,
                    super::reading_json(record),
                    record.reward.implicit,
                    record.reward.explicit,
                    record.reward.confidence,
                    record.reward.value
                ],
            )
            .map_err(err)?;
            let event_id = tx.last_insert_rowid();
            let mut changes = Vec::new();
            for (kind, taxonomy_id) in &record.patterns {
                let before: Option<f64> = tx
                    .query_row(
                        "SELECT score FROM pattern WHERE kind = ?1 AND taxonomy_id = ?2",
                        params![kind, taxonomy_id],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(err)?;
                let Some(before) = before else { continue };
                let after = crate::feedback::reward::update(before, &record.reward);
                tx.execute(
                    "UPDATE pattern SET score = ?1 WHERE kind = ?2 AND taxonomy_id = ?3",
                    params![after, kind, taxonomy_id],
                )
                .map_err(err)?;
                tx.execute(
                    "INSERT INTO pattern_score (kind, taxonomy_id, event_id, score_before, score_after, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![kind, taxonomy_id, event_id, before, after, at],
                )
                .map_err(err)?;
                changes.push(super::ScoreChange {
                    kind: kind.clone(),
                    taxonomy_id: taxonomy_id.clone(),
                    event_id,
                    before,
                    after,
                    changed_at: at.parse().unwrap_or(0),
                });
            }
            stored.push(super::StoredEvent {
                id: event_id,
                recorded_at: at.parse().unwrap_or(0),
                record: record.clone(),
                changes,
            });
        }
        tx.commit().map_err(err)?;
        Ok(stored)
    }

    fn feedback_event(&self, id: i64) -> Result<Option<super::StoredEvent>> {
        let row = self
            .conn
            .query_row(
                "SELECT recorded_at, target_kind, target_id, text, action, edit_distance, classifier, reading, implicit, explicit, confidence, reward FROM feedback_event WHERE id = ?1",
                params![id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                        crate::feedback::reward::Reward {
                            implicit: r.get(8)?,
                            explicit: r.get(9)?,
                            confidence: r.get(10)?,
                            value: r.get(11)?,
                        },
                    ))
                },
            )
            .optional()
            .map_err(self.err())?;
        let Some((at, kind, target, text, action, edit, classifier, reading, reward)) = row else {
            return Ok(None);
        };
        let changes = self.changes("event_id = ?1", params![id])?;
        Ok(Some(super::event_from_row(
            id, &at, kind, target, text, action, edit, classifier, reading, reward, changes,
        )))
    }

    fn score_history(&self, kind: &str, taxonomy_id: &str) -> Result<Vec<super::ScoreChange>> {
        self.changes("kind = ?1 AND taxonomy_id = ?2", params![kind, taxonomy_id])
    }

    fn patterns(&self) -> Result<Vec<Pattern>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT kind, taxonomy_id, support, projects, contexts, co_occurs, mean_confidence, score, last_used FROM pattern ORDER BY support DESC, kind, taxonomy_id",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                let projects: String = r.get(3)?;
                let contexts: String = r.get(4)?;
                let co_occurs: String = r.get(5)?;
                Ok(Pattern {
                    kind: r.get(0)?,
                    id: r.get(1)?,
                    support: r.get::<_, i64>(2)? as usize,
                    projects: serde_json::from_str(&projects).unwrap_or_default(),
                    contexts: serde_json::from_str(&contexts).unwrap_or_default(),
                    co_occurs: serde_json::from_str(&co_occurs).unwrap_or_default(),
                    mean_confidence: r.get(6)?,
                    score: r.get(7)?,
                    last_used: r.get::<_, Option<String>>(8)?.and_then(|t| t.parse().ok()),
                })
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }
}
/// Recomputes every pattern from the findings of all projects (see [`super::generalise`]);
/// feedback scores and replay state of existing patterns are kept.
fn generalise(conn: &Connection) -> rusqlite::Result<()> {
    let mut input = super::GeneraliseInput::default();
    {
        let mut stmt = conn.prepare("SELECT id, name, languages FROM project")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            input.projects.push(row?);
        }
        let mut stmt = conn.prepare("SELECT project_id, choice FROM decision WHERE topic IN ('web_framework', 'orm_database')")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            input.frameworks.push(row?);
        }
        let mut stmt =
            conn.prepare("SELECT project_id, kind, taxonomy_id, confidence FROM finding")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, f64>(3)?,
            ))
        })?;
        for row in rows {
            input.findings.push(row?);
        }
    }
    conn.execute("UPDATE pattern SET support = 0", [])?;
    for p in super::generalise(&input) {
        conn.execute(
            "INSERT INTO pattern (kind, taxonomy_id, support, projects, contexts, co_occurs, mean_confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (kind, taxonomy_id) DO UPDATE SET support = excluded.support, projects = excluded.projects,
               contexts = excluded.contexts, co_occurs = excluded.co_occurs, mean_confidence = excluded.mean_confidence",
            params![
                p.kind,
                p.id,
                p.support as i64,
                serde_json::to_string(&p.projects).unwrap_or_default(),
                serde_json::to_string(&p.contexts).unwrap_or_default(),
                serde_json::to_string(&p.co_occurs).unwrap_or_default(),
                p.mean_confidence
            ],
        )?;
    }
    conn.execute("DELETE FROM pattern WHERE support = 0", [])?;
    Ok(())
}
