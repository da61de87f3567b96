-- A paragraph written from data that staff switched off for one letter (key: 'late_remedies', 'public_report:CASE_REF').
CREATE TABLE letter_switches (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    paragraph TEXT NOT NULL,
    PRIMARY KEY (authority_code, year, paragraph)
);

-- The letter staff approved, by the hash of its composed content; a different hash now means "changed since approval".
CREATE TABLE letter_approvals (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    approved_by TEXT,
    PRIMARY KEY (authority_code, year)
);

-- Rendered letters keyed by the hash of their content and edition, so a PDF is rendered once until its data changes.
-- BYTEA is PostgreSQL's binary type; SQLite stores a blob as given whatever the declared type.
CREATE TABLE letter_renders (
    content_hash TEXT NOT NULL,
    format TEXT NOT NULL,
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    body BYTEA NOT NULL,
    PRIMARY KEY (content_hash, format)
);
CREATE INDEX letter_renders_by_letter ON letter_renders (authority_code, year, format);

-- Authority-years whose data is synthetic demonstration data: their letters carry a visible marking.
CREATE TABLE demonstration_data (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    PRIMARY KEY (authority_code, year)
);
