-- The site's data-protection key ring (ASP.NET Core's XML key elements), kept in the database so that every
-- instance serving one database signs and reads the same cookies and tokens. The keys are secrets: whoever can
-- read this table can forge a sign-in cookie, so give the database no wider access than the site itself.
CREATE TABLE data_protection_keys (
    name TEXT PRIMARY KEY,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
);
