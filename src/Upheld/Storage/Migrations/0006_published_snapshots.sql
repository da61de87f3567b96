-- What the public first saw of a year (see PublishedSnapshots): each authority's statistics record exactly as
-- `stats --format json` writes it (compact), taken while the year was not yet public and frozen once it is.
CREATE TABLE published_statistics (
    year INTEGER NOT NULL,
    authority_code TEXT NOT NULL,
    statistics_json TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (year, authority_code)
);

-- The approved letters as published: the composed letter (JSON), its content hash and, once first served, its HTML.
CREATE TABLE published_letters (
    year INTEGER NOT NULL,
    authority_code TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    letter_json TEXT NOT NULL,
    html TEXT,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (year, authority_code)
);

-- Each change to an authority's figures after its year became public: the record as it then stood, and when.
CREATE TABLE statistics_revisions (
    year INTEGER NOT NULL,
    authority_code TEXT NOT NULL,
    revised_at TEXT NOT NULL,
    statistics_json TEXT NOT NULL,
    PRIMARY KEY (year, authority_code, revised_at)
);
