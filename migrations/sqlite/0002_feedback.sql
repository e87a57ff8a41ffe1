-- Feedback: every event as recorded (text, target, action, what the classifier read,
-- the reward), and each pattern score change it caused, so a score's history can be shown.
CREATE TABLE feedback_event (
    id             INTEGER PRIMARY KEY,
    recorded_at    TEXT NOT NULL,
    target_kind    TEXT NOT NULL,
    target_id      TEXT NOT NULL,
    text           TEXT,
    action         TEXT,
    edit_distance  INTEGER,
    classifier     TEXT,
    reading        TEXT,
    implicit       REAL,
    explicit       REAL,
    confidence     REAL NOT NULL,
    reward         REAL NOT NULL
);
CREATE INDEX feedback_event_by_target ON feedback_event(target_kind, target_id);

CREATE TABLE pattern_score (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    taxonomy_id  TEXT NOT NULL,
    event_id     INTEGER NOT NULL REFERENCES feedback_event(id) ON DELETE CASCADE,
    score_before       REAL NOT NULL,
    score_after        REAL NOT NULL,
    changed_at   TEXT NOT NULL
);
CREATE INDEX pattern_score_by_pattern ON pattern_score(kind, taxonomy_id);
