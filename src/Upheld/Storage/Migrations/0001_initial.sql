-- Councils: shipped reference data plus additions and corrections from imports.
CREATE TABLE authorities (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    official_name TEXT NOT NULL,
    type TEXT NOT NULL,
    region TEXT,
    parent_code TEXT,
    valid_from TEXT,
    valid_to TEXT,
    successor_codes TEXT NOT NULL DEFAULT ''
);

-- Resident population serving one financial year (year = the year's start, 2019 for 2019-20).
-- source: 'ons' (shipped), 'ons-latest' (the latest estimate standing in for a year without one), 'import'.
CREATE TABLE populations (
    code TEXT NOT NULL,
    year INTEGER NOT NULL,
    population BIGINT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (code, year)
);

CREATE TABLE contacts (
    code TEXT NOT NULL,
    year INTEGER NOT NULL,
    honorific TEXT,
    surname TEXT,
    role TEXT NOT NULL,
    PRIMARY KEY (code, year)
);

CREATE TABLE received (
    case_ref TEXT PRIMARY KEY,
    authority_code TEXT NOT NULL,
    received_date TEXT NOT NULL,
    year INTEGER NOT NULL,
    category TEXT,
    subcategory TEXT
);
CREATE INDEX received_by_year ON received (year, authority_code);

CREATE TABLE decisions (
    case_ref TEXT PRIMARY KEY,
    authority_code TEXT NOT NULL,
    received_date TEXT,
    received_year INTEGER,
    decision_date TEXT NOT NULL,
    year INTEGER NOT NULL,
    category TEXT,
    subcategory TEXT,
    outcome TEXT NOT NULL,
    remedied_by_authority INTEGER NOT NULL,
    summary TEXT
);
-- Covers the statistics query: one index scan per year, no table lookups.
CREATE INDEX decisions_by_year ON decisions (year, authority_code, outcome, remedied_by_authority);

CREATE TABLE recommendations (
    case_ref TEXT NOT NULL,
    authority_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    remedy_category TEXT,
    text TEXT NOT NULL,
    amount_pence BIGINT,
    due_date TEXT,
    seq BIGINT NOT NULL,
    PRIMARY KEY (case_ref, kind, text_hash)
);
CREATE INDEX recommendations_by_authority ON recommendations (authority_code);

CREATE TABLE compliance (
    case_ref TEXT PRIMARY KEY,
    authority_code TEXT NOT NULL,
    recorded_date TEXT NOT NULL,
    year INTEGER NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX compliance_by_year ON compliance (year, authority_code, outcome);

CREATE TABLE public_reports (
    case_ref TEXT PRIMARY KEY,
    authority_code TEXT NOT NULL,
    issued_date TEXT NOT NULL,
    year INTEGER NOT NULL,
    title TEXT,
    summary TEXT
);
CREATE INDEX public_reports_by_year ON public_reports (year, authority_code);

CREATE TABLE commentary (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (authority_code, year, position)
);

-- Published totals for an authority-year whose cases are not known.
CREATE TABLE counts (
    code TEXT NOT NULL,
    year INTEGER NOT NULL,
    investigations INTEGER,
    upheld INTEGER,
    satisfactory_remedies INTEGER,
    compliance_outcomes INTEGER,
    complied INTEGER,
    complied_late INTEGER,
    decided INTEGER,
    received INTEGER,
    PRIMARY KEY (code, year)
);

-- A year without published_at is unpublished; published_at is UTC ISO-8601.
CREATE TABLE years (
    year INTEGER PRIMARY KEY,
    published_at TEXT
);
