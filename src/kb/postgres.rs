//! The PostgreSQL + pgvector backend, for a knowledge base a team shares. Same model and
//! behaviour as SQLite; vectors live in `vector(384)` columns behind an HNSW index.

use std::cell::RefCell;

use postgres::{Client, NoTls, Transaction};

use super::{
    DbStatus, Embeddings, KbError, LearnOutcome, Pattern, ProjectSummary, ProjectVector, Result,
    Stats, Store,
};
use crate::analysis::Analysis;

/// Numbered migrations, embedded from `migrations/postgres/`.
pub const MIGRATIONS: &[(u32, &str)] = &[
    (
        1,
        include_str!("../../migrations/postgres/0001_knowledge_base.sql"),
    ),
    (
        2,
        include_str!("../../migrations/postgres/0002_feedback.sql"),
    ),
];

/// A knowledge base in PostgreSQL.
pub struct PostgresStore {
    location: String,
    // The synchronous client needs `&mut` even to read; the Store's read methods take
    // `&self`, so reads borrow it through a RefCell instead of opening a connection each.
    client: RefCell<Client>,
}

fn err(location: &str) -> impl Fn(postgres::Error) -> KbError + '_ {
    move |e| KbError::Postgres(format!("{}: {e}", redact(location)))
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

fn latest() -> u32 {
    MIGRATIONS.last().map(|(v, _)| *v).unwrap_or(0)
}

fn now() -> String {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        .to_string()
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user@host:port/db`).
    pub fn open(url: &str) -> Result<Self> {
        let client = Client::connect(url, NoTls).map_err(err(url))?;
        Ok(Self {
            location: url.to_string(),
            client: RefCell::new(client),
        })
    }
}

impl PostgresStore {
    fn changes(
        &self,
        filter: &str,
        args: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<super::ScoreChange>> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                &format!("SELECT kind, taxonomy_id, event_id, score_before, score_after, changed_at FROM pattern_score WHERE {filter} ORDER BY id"),
                args,
            )
            .map_err(err(&self.location))?;
        Ok(rows
            .iter()
            .map(|r| super::ScoreChange {
                kind: r.get(0),
                taxonomy_id: r.get(1),
                event_id: r.get(2),
                before: r.get(3),
                after: r.get(4),
                changed_at: r.get::<_, String>(5).parse().unwrap_or(0),
            })
            .collect())
    }
}

fn version(tx: &mut Transaction) -> std::result::Result<u32, postgres::Error> {
    tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")?;
    let row = tx.query_one(
        "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        &[],
    )?;
    Ok(row.get::<_, i32>(0) as u32)
}

impl Store for PostgresStore {
    fn migrate(&mut self) -> Result<usize> {
        let location = self.location.clone();
        let mut applied = 0;
        for (v, sql) in MIGRATIONS {
            let mut tx = self
                .client
                .get_mut()
                .transaction()
                .map_err(err(&location))?;
            // Serialises concurrent migrators; the lock ends with the transaction.
            tx.batch_execute("SELECT pg_advisory_xact_lock(7243520001)")
                .map_err(err(&location))?;
            let current = version(&mut tx).map_err(err(&location))?;
            if current > latest() {
                return Err(KbError::TooNew {
                    location: redact(&location),
                    found: current,
                    latest: latest(),
                });
            }
            if *v <= current {
                continue;
            }
            tx.batch_execute(sql).map_err(err(&location))?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                &[&(*v as i32), &now()],
            )
            .map_err(err(&location))?;
            tx.commit().map_err(err(&location))?;
            applied += 1;
        }
        Ok(applied)
    }

    fn status(&self) -> Result<DbStatus> {
        let mut client = self.client.borrow_mut();
        let version: i32 = client
            .query_opt("SELECT MAX(version) FROM schema_migrations", &[])
            .ok()
            .flatten()
            .and_then(|r| r.get::<_, Option<i32>>(0))
            .unwrap_or(0);
        let projects: i64 = if version > 0 {
            client
                .query_one("SELECT COUNT(*) FROM project", &[])
                .map_err(err(&self.location))?
                .get(0)
        } else {
            0
        };
        let _ = &mut client;
        Ok(DbStatus {
            backend: "postgres".into(),
            location: redact(&self.location),
            version: version as u32,
            latest: latest(),
            projects: projects as usize,
        })
    }

    fn learn(
        &mut self,
        analysis: &Analysis,
        root: &str,
        revision: Option<&str>,
        embeddings: &Embeddings,
    ) -> Result<LearnOutcome> {
        let location = self.location.clone();
        let e = err(&location);
        let json = serde_json::to_string(analysis).unwrap_or_default();
        let fingerprint = format!(
            "{:016x}",
            crate::cache::hash(format!("{json}\u{0}{}", embeddings.model).as_bytes())
        );
        let mut tx = self.client.get_mut().transaction().map_err(&e)?;
        // One learn at a time per knowledge base keeps the generalisation consistent.
        tx.batch_execute("SELECT pg_advisory_xact_lock(7243520002)")
            .map_err(&e)?;
        let existing = tx
            .query_opt(
                "SELECT id, fingerprint, revision FROM project WHERE root = $1",
                &[&root],
            )
            .map_err(&e)?
            .map(|r| {
                (
                    r.get::<_, i64>(0),
                    r.get::<_, String>(1),
                    r.get::<_, Option<String>>(2),
                )
            });
        if let Some((_, old_fingerprint, old_revision)) = &existing {
            if old_fingerprint == &fingerprint && old_revision.as_deref() == revision {
                tx.commit().map_err(&e)?;
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
        let project_id: i64 = match &existing {
            Some((id, _, _)) => {
                tx.execute(
                    "UPDATE project SET name = $1, revision = $2, fingerprint = $3, languages = $4, description = $5, analysed_at = $6, analysis = $7 WHERE id = $8",
                    &[&analysis.root, &revision, &fingerprint, &languages, &description, &now(), &json, id],
                )
                .map_err(&e)?;
                for table in ["finding", "decision", "module"] {
                    tx.execute(&format!("DELETE FROM {table} WHERE project_id = $1"), &[id]).map_err(&e)?;
                }
                *id
            }
            None => tx
                .query_one(
                    "INSERT INTO project (name, root, revision, fingerprint, languages, description, analysed_at, analysis) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                    &[&analysis.root, &root, &revision, &fingerprint, &languages, &description, &now(), &json],
                )
                .map_err(&e)?
                .get(0),
        };
        for f in &analysis.findings {
            tx.execute(
                "INSERT INTO finding (project_id, kind, taxonomy_id, confidence, evidence) VALUES ($1, $2, $3, $4, $5)",
                &[&project_id, &f.kind.as_str(), &f.id, &f.confidence, &serde_json::to_string(&f.evidence).unwrap_or_default()],
            )
            .map_err(&e)?;
        }
        for d in &analysis.decisions {
            tx.execute(
                "INSERT INTO decision (project_id, topic, choice, evidence) VALUES ($1, $2, $3, $4)",
                &[&project_id, &crate::report::topic_name(d.topic), &d.choice, &serde_json::to_string(&d.evidence).unwrap_or_default()],
            )
            .map_err(&e)?;
        }
        for m in &analysis.modules {
            tx.execute(
                "INSERT INTO module (project_id, path, files, code, fan_in, fan_out) VALUES ($1, $2, $3, $4, $5, $6)",
                &[&project_id, &m.id, &(m.files as i64), &(m.code as i64), &(m.fan_in as i64), &(m.fan_out as i64)],
            )
            .map_err(&e)?;
        }
        tx.execute(
            "DELETE FROM embedding WHERE owner LIKE 'project:%' AND owner_id = $1",
            &[&project_id],
        )
        .map_err(&e)?;
        for (what, vector) in &embeddings.vectors {
            tx.execute(
                "INSERT INTO embedding (owner, owner_id, model, dim, vector) VALUES ($1, $2, $3, $4, $5)",
                &[&format!("project:{what}"), &project_id, &embeddings.model, &(vector.len() as i32), &pgvector::Vector::from(vector.clone())],
            )
            .map_err(&e)?;
        }
        generalise(&mut tx).map_err(&e)?;
        tx.commit().map_err(&e)?;
        Ok(if existing.is_some() {
            LearnOutcome::Updated
        } else {
            LearnOutcome::Added
        })
    }

    fn record_feedback(
        &mut self,
        records: &[super::FeedbackRecord],
    ) -> Result<Vec<super::StoredEvent>> {
        let location = self.location.clone();
        let e = err(&location);
        let mut tx = self.client.get_mut().transaction().map_err(&e)?;
        let mut stored = Vec::with_capacity(records.len());
        for record in records {
            let at = now();
            let event_id: i64 = tx
                .query_one(
                    "INSERT INTO feedback_event (recorded_at, target_kind, target_id, text, action, edit_distance, classifier, reading, implicit, explicit, confidence, reward) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                    &[
                        &at,
                        &record.target_kind,
                        &record.target_id,
                        &record.text,
                        &record.action,
                        &record.edit_distance.map(|d| d as i64),
                        &record.classifier,
                        &super::reading_json(record),
                        &record.reward.implicit,
                        &record.reward.explicit,
                        &record.reward.confidence,
                        &record.reward.value,
                    ],
                )
                .map_err(&e)?
                .get(0);
            let mut changes = Vec::new();
            for (kind, taxonomy_id) in &record.patterns {
                // FOR UPDATE: two recorders of the same pattern apply their steps in turn.
                let Some(row) = tx
                    .query_opt(
                        "SELECT score FROM pattern WHERE kind = $1 AND taxonomy_id = $2 FOR UPDATE",
                        &[kind, taxonomy_id],
                    )
                    .map_err(&e)?
                else {
                    continue;
                };
                let before: f64 = row.get(0);
                let after = crate::feedback::reward::update(before, &record.reward);
                tx.execute(
                    "UPDATE pattern SET score = $1 WHERE kind = $2 AND taxonomy_id = $3",
                    &[&after, kind, taxonomy_id],
                )
                .map_err(&e)?;
                tx.execute(
                    "INSERT INTO pattern_score (kind, taxonomy_id, event_id, score_before, score_after, changed_at) VALUES ($1, $2, $3, $4, $5, $6)",
                    &[kind, taxonomy_id, &event_id, &before, &after, &at],
                )
                .map_err(&e)?;
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
        tx.commit().map_err(&e)?;
        Ok(stored)
    }

    fn feedback_event(&self, id: i64) -> Result<Option<super::StoredEvent>> {
        let row = self
            .client
            .borrow_mut()
            .query_opt(
                "SELECT recorded_at, target_kind, target_id, text, action, edit_distance, classifier, reading, implicit, explicit, confidence, reward FROM feedback_event WHERE id = $1",
                &[&id],
            )
            .map_err(err(&self.location))?;
        let Some(r) = row else { return Ok(None) };
        let changes = self.changes("event_id = $1", &[&id])?;
        Ok(Some(super::event_from_row(
            id,
            r.get::<_, String>(0).as_str(),
            r.get(1),
            r.get(2),
            r.get(3),
            r.get(4),
            r.get(5),
            r.get(6),
            r.get(7),
            crate::feedback::reward::Reward {
                implicit: r.get(8),
                explicit: r.get(9),
                confidence: r.get(10),
                value: r.get(11),
            },
            changes,
        )))
    }

    fn score_history(&self, kind: &str, taxonomy_id: &str) -> Result<Vec<super::ScoreChange>> {
        self.changes("kind = $1 AND taxonomy_id = $2", &[&kind, &taxonomy_id])
    }

    fn patterns(&self) -> Result<Vec<Pattern>> {
        let mut client = self.client.borrow_mut();
        let rows = client
            .query(
                "SELECT kind, taxonomy_id, support, projects, contexts, co_occurs, mean_confidence, score, last_used FROM pattern ORDER BY support DESC, kind, taxonomy_id",
                &[],
            )
            .map_err(err(&self.location))?;
        Ok(rows
            .iter()
            .map(|r| Pattern {
                kind: r.get(0),
                id: r.get(1),
                support: r.get::<_, i64>(2) as usize,
                projects: serde_json::from_str(r.get(3)).unwrap_or_default(),
                contexts: serde_json::from_str(r.get(4)).unwrap_or_default(),
                co_occurs: serde_json::from_str(r.get(5)).unwrap_or_default(),
                mean_confidence: r.get(6),
                score: r.get(7),
                last_used: r.get::<_, Option<String>>(8).and_then(|t| t.parse().ok()),
            })
            .collect())
    }

    fn projects(&self) -> Result<Vec<ProjectSummary>> {
        let mut client = self.client.borrow_mut();
        let rows = client
            .query(
                "SELECT p.name, p.root, p.revision, p.languages, p.description,
                        COALESCE(ARRAY_AGG(f.kind || ':' || f.taxonomy_id ORDER BY f.kind, f.taxonomy_id) FILTER (WHERE f.id IS NOT NULL), '{}')
                 FROM project p LEFT JOIN finding f ON f.project_id = p.id
                 GROUP BY p.id ORDER BY p.name, p.root",
                &[],
            )
            .map_err(err(&self.location))?;
        Ok(rows
            .iter()
            .map(|r| ProjectSummary {
                name: r.get(0),
                root: r.get(1),
                revision: r.get(2),
                languages: serde_json::from_str(r.get(3)).unwrap_or_default(),
                description: r.get(4),
                findings: r.get(5),
            })
            .collect())
    }

    fn vectors(&self) -> Result<Vec<ProjectVector>> {
        let mut client = self.client.borrow_mut();
        let rows = client
            .query(
                "SELECT p.name, e.owner, e.model, e.vector FROM embedding e JOIN project p ON p.id = e.owner_id WHERE e.owner LIKE 'project:%' ORDER BY p.name, e.owner",
                &[],
            )
            .map_err(err(&self.location))?;
        Ok(rows.iter().map(vector_row).collect())
    }

    fn nearest(&self, query: &[f32], k: usize) -> Result<Vec<(ProjectVector, f32)>> {
        let mut client = self.client.borrow_mut();
        let q = pgvector::Vector::from(query.to_vec());
        let rows = client
            .query(
                "SELECT p.name, e.owner, e.model, e.vector, 1 - (e.vector <=> $1) AS similarity
                 FROM embedding e JOIN project p ON p.id = e.owner_id
                 ORDER BY e.vector <=> $1 LIMIT $2",
                &[&q, &(k as i64)],
            )
            .map_err(err(&self.location))?;
        Ok(rows
            .iter()
            .map(|r| (vector_row(r), r.get::<_, f64>(4) as f32))
            .collect())
    }

    fn stats(&self) -> Result<Stats> {
        let mut client = self.client.borrow_mut();
        let mut count = |table: &str| -> Result<usize> {
            client
                .query_one(&format!("SELECT COUNT(*) FROM {table}"), &[])
                .map(|r| r.get::<_, i64>(0) as usize)
                .map_err(err(&self.location))
        };
        Ok(Stats {
            projects: count("project")?,
            findings: count("finding")?,
            decisions: count("decision")?,
            patterns: count("pattern")?,
            embeddings: count("embedding")?,
        })
    }
}

/// A project vector from a row whose first four columns are name, owner, model, vector.
fn vector_row(r: &postgres::Row) -> ProjectVector {
    ProjectVector {
        project: r.get(0),
        what: r
            .get::<_, String>(1)
            .trim_start_matches("project:")
            .to_string(),
        model: r.get(2),
        vector: r.get::<_, pgvector::Vector>(3).to_vec(),
    }
}

fn generalise(tx: &mut Transaction) -> std::result::Result<(), postgres::Error> {
    let mut input = super::GeneraliseInput::default();
    for r in tx.query("SELECT id, name, languages FROM project", &[])? {
        input.projects.push((r.get(0), r.get(1), r.get(2)));
    }
    for r in tx.query(
        "SELECT project_id, choice FROM decision WHERE topic IN ('web_framework', 'orm_database')",
        &[],
    )? {
        input.frameworks.push((r.get(0), r.get(1)));
    }
    for r in tx.query(
        "SELECT project_id, kind, taxonomy_id, confidence FROM finding",
        &[],
    )? {
        input
            .findings
            .push((r.get(0), r.get(1), r.get(2), r.get(3)));
    }
    tx.execute("UPDATE pattern SET support = 0", &[])?;
    for p in super::generalise(&input) {
        tx.execute(
            "INSERT INTO pattern (kind, taxonomy_id, support, projects, contexts, co_occurs, mean_confidence) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (kind, taxonomy_id) DO UPDATE SET support = excluded.support, projects = excluded.projects,
               contexts = excluded.contexts, co_occurs = excluded.co_occurs, mean_confidence = excluded.mean_confidence",
            &[
                &p.kind,
                &p.id,
                &(p.support as i64),
                &serde_json::to_string(&p.projects).unwrap_or_default(),
                &serde_json::to_string(&p.contexts).unwrap_or_default(),
                &serde_json::to_string(&p.co_occurs).unwrap_or_default(),
                &p.mean_confidence,
            ],
        )?;
    }
    tx.execute("DELETE FROM pattern WHERE support = 0", &[])?;
    Ok(())
}
