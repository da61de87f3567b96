-- Decision search on SQLite: the full-text index's row numbers follow the decisions' dates, so the index gives a word's
-- matches newest first by itself and a page of results reads a few hundred of them, not every match (a word held by a
-- fifth of a million decisions took 30 ms to gather and sort; docs/benchmarks.md, "Decision search").
-- An index row's number is the decision's day (days since 1 January 1970) times 2^32, plus the decision's own row
-- number, which is below 2^32: ordered by it, rows come by date, and the decision is the number's low 32 bits
-- (rowid & 4294967295). Everything else is as migration 0017 left it.
DROP TRIGGER decisions_fts_insert;
DROP TRIGGER decisions_fts_delete;
DROP TRIGGER decisions_fts_update;
DROP TABLE decisions_fts;
DROP VIEW decisions_search_content;

CREATE VIEW decisions_search_content AS
SELECT (unixepoch(decision_date) / 86400) * 4294967296 + rowid AS search_key,
       category, subcategory, summary, char(57344) || authority_code AS council
FROM decisions;

CREATE VIRTUAL TABLE decisions_fts USING fts5 (
    category, subcategory, summary, council,
    content = 'decisions_search_content', content_rowid = 'search_key',
    tokenize = 'porter unicode61 remove_diacritics 2 tokenchars ''''',
    -- Searches ask only whether every word is there, never for phrases or positions: the smallest index, built fastest.
    detail = none, columnsize = 0
);
INSERT INTO decisions_fts (decisions_fts) VALUES ('rebuild');

CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO decisions_fts (rowid, category, subcategory, summary, council)
    VALUES ((unixepoch(new.decision_date) / 86400) * 4294967296 + new.rowid,
            new.category, new.subcategory, new.summary, char(57344) || new.authority_code);
END;

CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, category, subcategory, summary, council)
    VALUES ('delete', (unixepoch(old.decision_date) / 86400) * 4294967296 + old.rowid,
            old.category, old.subcategory, old.summary, char(57344) || old.authority_code);
END;

CREATE TRIGGER decisions_fts_update AFTER UPDATE OF decision_date, category, subcategory, summary, authority_code ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, category, subcategory, summary, council)
    VALUES ('delete', (unixepoch(old.decision_date) / 86400) * 4294967296 + old.rowid,
            old.category, old.subcategory, old.summary, char(57344) || old.authority_code);
    INSERT INTO decisions_fts (rowid, category, subcategory, summary, council)
    VALUES ((unixepoch(new.decision_date) / 86400) * 4294967296 + new.rowid,
            new.category, new.subcategory, new.summary, char(57344) || new.authority_code);
END;
