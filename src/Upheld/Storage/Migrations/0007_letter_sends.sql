-- The addressee's e-mail address, from the optional email column of contacts.csv: where the annual letter is sent.
ALTER TABLE contacts ADD COLUMN email TEXT;

-- Each approved letter e-mailed (or tried), by the content hash sent: a letter is sent once unless staff ask again,
-- and a letter changed and approved again is a new letter. sent_at stays null while every attempt has failed.
CREATE TABLE letter_sends (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    recipients TEXT NOT NULL,
    sent_at TEXT,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    last_attempt_at TEXT NOT NULL,
    PRIMARY KEY (authority_code, year, content_hash)
);
