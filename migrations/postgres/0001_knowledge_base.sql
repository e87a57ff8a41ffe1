-- The knowledge base on PostgreSQL: the same model as migrations/sqlite, with vectors in
-- pgvector columns behind an HNSW index.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE project (
    id           BIGSERIAL PRIMARY KEY,
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
    id            BIGSERIAL PRIMARY KEY,
    project_id    BIGINT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    taxonomy_id   TEXT NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    evidence      TEXT NOT NULL
);
CREATE INDEX finding_by_id ON finding(kind, taxonomy_id);
CREATE INDEX finding_by_project ON finding(project_id);

CREATE TABLE decision (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    topic       TEXT NOT NULL,
    choice      TEXT NOT NULL,
    evidence    TEXT NOT NULL
);
CREATE INDEX decision_by_project ON decision(project_id);

CREATE TABLE module (
    id          BIGSERIAL PRIMARY KEY,
    project_id  BIGINT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    files       BIGINT NOT NULL,
    code        BIGINT NOT NULL,
    fan_in      BIGINT NOT NULL,
    fan_out     BIGINT NOT NULL
);
CREATE INDEX module_by_project ON module(project_id);

CREATE TABLE pattern (
    id               BIGSERIAL PRIMARY KEY,
    kind             TEXT NOT NULL,
    taxonomy_id      TEXT NOT NULL,
    support          BIGINT NOT NULL,
    projects         TEXT NOT NULL,
    contexts         TEXT NOT NULL,
    co_occurs        TEXT NOT NULL,
    mean_confidence  DOUBLE PRECISION NOT NULL,
    score            DOUBLE PRECISION NOT NULL DEFAULT 0,
    last_used        TEXT,
    replay_priority  DOUBLE PRECISION NOT NULL DEFAULT 0,
    UNIQUE (kind, taxonomy_id)
);

CREATE TABLE embedding (
    id        BIGSERIAL PRIMARY KEY,
    owner     TEXT NOT NULL,
    owner_id  BIGINT NOT NULL,
    model     TEXT NOT NULL,
    dim       INTEGER NOT NULL,
    vector    vector(384) NOT NULL,
    UNIQUE (owner, owner_id, model)
);
CREATE INDEX embedding_hnsw ON embedding USING hnsw (vector vector_cosine_ops);
