-- Staff accounts: the password hash is ASP.NET Core Identity's (PBKDF2, versioned format); role is
-- 'staff', 'publisher' or 'link-officer'; a link officer's council_code names the one council they may see.
CREATE TABLE staff_users (
    email TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    council_code TEXT,
    password_hash TEXT NOT NULL,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    security_stamp TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Every change staff make: who, when, what, and the row before and after as JSON (null when there was none).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);

-- Every view of a year's data before its publication, by anyone: who, what, when.
CREATE TABLE access_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    what TEXT NOT NULL,
    year INTEGER NOT NULL,
    council_code TEXT
);
