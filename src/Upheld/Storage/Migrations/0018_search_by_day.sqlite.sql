-- Decision search on SQLite: the full-text index also holds each decision's day as a term of its own, so a search for a
-- word held by a fifth of a million decisions asks the index for the word's matches of the newest few days, rather than
-- gathering every match to find the newest twenty (30 ms; docs/benchmarks.md, "Decision search").
-- The day's term is its date's eight digits after two U+E000 characters (the private-use character migration 0017 made a
-- token character; a council's term has one, then a letter): no word a visitor types can reach it. The index's row
-- numbers stay the decisions' own, which new rows take in rising order, as the index writes fastest.
DROP TRIGGER decisions_fts_insert;
DROP TRIGGER decisions_fts_delete;
DROP TRIGGER decisions_fts_update;
DROP TABLE decisions_fts;
DROP VIEW decisions_search_content;

CREATE VIEW decisions_search_content AS
SELECT rowid AS decision_rowid, category, subcategory, summary,
       char(57344) || authority_code || ' ' || char(57344, 57344) || replace(decision_date, '-', '') AS council
FROM decisions;

CREATE VIRTUAL TABLE decisions_fts USING fts5 (
    category, subcategory, summary, council,
    content = 'decisions_search_content', content_rowid = 'decision_rowid',
    tokenize = 'porter unicode61 remove_diacritics 2 tokenchars ''''',
    -- Searches ask only whether every word is there, never for phrases or positions: the smallest index, built fastest.
    detail = none, columnsize = 0
);
-- The index gathers 16 MB of new entries before writing them out, not 1 MB: a large load's index is written in a few
-- segments rather than dozens to be merged (a million decisions' index built in 1.4 s against 1.8 s).
INSERT INTO decisions_fts (decisions_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO decisions_fts (decisions_fts) VALUES ('rebuild');

CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO decisions_fts (rowid, category, subcategory, summary, council)
    VALUES (new.rowid, new.category, new.subcategory, new.summary,
            char(57344) || new.authority_code || ' ' || char(57344, 57344) || replace(new.decision_date, '-', ''));
END;

CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, category, subcategory, summary, council)
    VALUES ('delete', old.rowid, old.category, old.subcategory, old.summary,
            char(57344) || old.authority_code || ' ' || char(57344, 57344) || replace(old.decision_date, '-', ''));
END;

CREATE TRIGGER decisions_fts_update AFTER UPDATE OF decision_date, category, subcategory, summary, authority_code ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, category, subcategory, summary, council)
    VALUES ('delete', old.rowid, old.category, old.subcategory, old.summary,
            char(57344) || old.authority_code || ' ' || char(57344, 57344) || replace(old.decision_date, '-', ''));
    INSERT INTO decisions_fts (rowid, category, subcategory, summary, council)
    VALUES (new.rowid, new.category, new.subcategory, new.summary,
            char(57344) || new.authority_code || ' ' || char(57344, 57344) || replace(new.decision_date, '-', ''));
END;
