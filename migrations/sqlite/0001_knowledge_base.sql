-- The knowledge base: projects learned, what was found in them, and the patterns that
-- generalise across them. One statement per line group; applied in one transaction.
CREATE TABLE project (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    root         TEXT NOT NULL UNIQUE,
    revision     TEXT,
    fingerprint  TEXT NOT NULL,
    languages    TEXT NOT NULL,
    description  TEXT NOT NULL,
    analysed_at  TEXT NOT NULL,
    analysis     TEXT NOT NULL
);

CREATE TABLE finding (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    taxonomy_id   TEXT NOT NULL,
    confidence    REAL NOT NULL,
    evidence      TEXT NOT NULL
);
CREATE INDEX finding_by_id ON finding(kind, taxonomy_id);
CREATE INDEX finding_by_project ON finding(project_id);

CREATE TABLE decision (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    topic       TEXT NOT NULL,
    choice      TEXT NOT NULL,
    evidence    TEXT NOT NULL
);
CREATE INDEX decision_by_project ON decision(project_id);

CREATE TABLE module (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    files       INTEGER NOT NULL,
    code        INTEGER NOT NULL,
    fan_in      INTEGER NOT NULL,
    fan_out     INTEGER NOT NULL
);
CREATE INDEX module_by_project ON module(project_id);

-- Generalised across projects: support (how many projects, which), the contexts the
-- pattern appears in, and its score from feedback.
CREATE TABLE pattern (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    taxonomy_id      TEXT NOT NULL,
    support          INTEGER NOT NULL,
    projects         TEXT NOT NULL,
    contexts         TEXT NOT NULL,
    co_occurs        TEXT NOT NULL,
    mean_confidence  REAL NOT NULL,
    score            REAL NOT NULL DEFAULT 0,
    last_used        TEXT,
    replay_priority  REAL NOT NULL DEFAULT 0,
    UNIQUE (kind, taxonomy_id)
);

CREATE TABLE embedding (
    id        INTEGER PRIMARY KEY,
    owner     TEXT NOT NULL,
    owner_id  INTEGER NOT NULL,
    model     TEXT NOT NULL,
    dim       INTEGER NOT NULL,
    vector    BLOB NOT NULL,
    UNIQUE (owner, owner_id, model)
);
