-- The published snapshot holds more than the key statistics, and every version of a year is kept
-- (docs/staff-guide.md, "Published figures are frozen" and "Versions").
--
-- published_records: each kind of per-council record that the year's current publication froze — the key statistics,
-- the council's complaint handling figures, its Complaint Handling Code self-assessment — keyed by kind. Before the
-- publication time it is retaken with every change; after it, it is never touched.
CREATE TABLE published_records (
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    authority_code TEXT NOT NULL,
    record_json TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (year, kind, authority_code)
);

INSERT INTO published_records (year, kind, authority_code, record_json, taken_at)
SELECT year, 'statistics', authority_code, statistics_json, taken_at FROM published_statistics;

-- year_versions: every publication of a year and every later change, numbered from 1 and never rewritten. change is
-- 'publication', 'revision' (new information), 'correction' (an error put right) or 'withdrawal'. A publication
-- whose time is still to come is a pending version: hidden until its time, moved or dropped while pending.
CREATE TABLE year_versions (
    year INTEGER NOT NULL,
    version INTEGER NOT NULL,
    change TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (year, version)
);

-- version_records: the records a version changed (a revision or correction: the councils whose printed record
-- changed, as they then stood), and the whole of a publication once it is withdrawn (the current publication's
-- are in published_records).
CREATE TABLE version_records (
    year INTEGER NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    authority_code TEXT NOT NULL,
    record_json TEXT NOT NULL,
    PRIMARY KEY (year, version, kind, authority_code)
);

-- Years published so far: their snapshot is version 1, and each moment a revision was recorded a later version.
INSERT INTO year_versions (year, version, change, at, reason)
SELECT y.year, 1, 'publication', y.published_at, NULL
FROM years y WHERE y.published_at IS NOT NULL AND EXISTS (SELECT 1 FROM published_statistics p WHERE p.year = y.year);

INSERT INTO year_versions (year, version, change, at, reason)
SELECT r.year, 1 + ROW_NUMBER() OVER (PARTITION BY r.year ORDER BY r.revised_at), 'revision', r.revised_at, NULL
FROM (SELECT DISTINCT year, revised_at FROM statistics_revisions) r
WHERE EXISTS (SELECT 1 FROM year_versions v WHERE v.year = r.year);

INSERT INTO version_records (year, version, kind, authority_code, record_json)
SELECT r.year, v.version, 'statistics', r.authority_code, r.statistics_json
FROM statistics_revisions r JOIN year_versions v ON v.year = r.year AND v.at = r.revised_at AND v.change = 'revision';

DROP TABLE statistics_revisions;
DROP TABLE published_statistics;
