-- A council's own complaint figures for one stage of its procedure in one year (complaint_returns.csv), and its
-- self-assessment against the ombudsman's Complaint Handling Code, one row per section of the template
-- (code_self_assessments.csv). See docs/data-formats.md and docs/statistics.md, "Complaint handling".
CREATE TABLE complaint_returns (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    stage INTEGER NOT NULL,
    received INTEGER NOT NULL,
    responded INTEGER NOT NULL,
    responded_in_time INTEGER NOT NULL,
    upheld INTEGER NOT NULL,
    PRIMARY KEY (authority_code, year, stage)
);

-- follows is 'yes' or 'no' as written in the file; dates are YYYY-MM-DD.
CREATE TABLE code_self_assessments (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    section TEXT NOT NULL,
    follows TEXT NOT NULL,
    evidence TEXT,
    action TEXT,
    target_date TEXT,
    submitted_on TEXT NOT NULL,
    PRIMARY KEY (authority_code, year, section)
);
