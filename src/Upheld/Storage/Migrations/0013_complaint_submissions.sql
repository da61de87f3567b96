-- Councils' link officers submit their council's complaint returns and Code self-assessment in the staff area
-- (docs/staff-guide.md, "Complaint handling submissions"). The figures themselves go to complaint_returns and
-- code_self_assessments, as an import's would; these tables hold the exchange around them.

-- Each year's submission deadline: the last day (YYYY-MM-DD) a self-assessment is on time; reminders go to councils
-- that have not submitted from reminder_days before it (null: no reminders).
CREATE TABLE complaint_handling_deadlines (
    year INTEGER PRIMARY KEY,
    deadline TEXT NOT NULL,
    reminder_days INTEGER
);

-- One council's submission of one year: the links it gave to its published annual complaints report and governance
-- response, who sent it first and last (UTC times, labels as the audit log writes them), and the ombudsman staff's
-- latest query with when it was answered (null while open). A row may exist without the links or the senders: staff
-- can query figures they imported.
CREATE TABLE complaint_submissions (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    annual_report_url TEXT,
    governance_response_url TEXT,
    first_submitted_at TEXT,
    first_submitted_by TEXT,
    last_submitted_at TEXT,
    last_submitted_by TEXT,
    query_note TEXT,
    queried_at TEXT,
    queried_by TEXT,
    query_answered_at TEXT,
    PRIMARY KEY (authority_code, year)
);

-- Each reminder e-mailed (or tried) to a council's link officers that the year's submission is due: a council is
-- reminded once a year; sent_at stays null while every attempt has failed, so the next run tries again.
CREATE TABLE complaint_handling_reminders (
    year INTEGER NOT NULL,
    authority_code TEXT NOT NULL,
    recipients TEXT NOT NULL,
    sent_at TEXT,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    last_attempt_at TEXT NOT NULL,
    PRIMARY KEY (year, authority_code)
);
