-- data_version: one row, its number advanced by every change to data in the change's own transaction (src/Upheld/Change.cs).
-- Every server process sharing the database reads it to tell when the public pages it prepared are out of date
-- (docs/architecture.md, "Prepared pages").
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
