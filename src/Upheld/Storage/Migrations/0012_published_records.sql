-- The published snapshot holds more than the key statistics: each kind of per-council record that a year's publication
-- freezes (docs/staff-guide.md, "Published figures are frozen") — the key statistics, the council's complaint handling
-- figures and its Complaint Handling Code self-assessment — in one pair of tables keyed by kind. The statistics kept
-- so far move here unchanged, as kind 'statistics'.
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

-- Each change to a council's record of a kind after its year became public: the record as it then stood, and when.
CREATE TABLE record_revisions (
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    authority_code TEXT NOT NULL,
    revised_at TEXT NOT NULL,
    record_json TEXT NOT NULL,
    PRIMARY KEY (year, kind, authority_code, revised_at)
);

INSERT INTO record_revisions (year, kind, authority_code, revised_at, record_json)
SELECT year, 'statistics', authority_code, revised_at, statistics_json FROM statistics_revisions;

DROP TABLE statistics_revisions;
DROP TABLE published_statistics;
