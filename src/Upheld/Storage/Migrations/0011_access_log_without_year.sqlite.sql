-- The access log also records refused access that concerns no year (an account locked by failed sign-ins),
-- so its year may be empty. SQLite cannot drop NOT NULL in place: the table is copied.
CREATE TABLE access_log_new (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    what TEXT NOT NULL,
    year INTEGER,
    council_code TEXT
);
INSERT INTO access_log_new (id, at, who, what, year, council_code) SELECT id, at, who, what, year, council_code FROM access_log;
DROP TABLE access_log;
ALTER TABLE access_log_new RENAME TO access_log;
