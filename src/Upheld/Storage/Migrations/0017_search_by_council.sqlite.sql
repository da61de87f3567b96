-- Decision search with a council, on SQLite: the council is a term of the full-text index too, so the index itself
-- intersects the words' decisions with the council's, reading the council's few thousand entries rather than every
-- decision holding a common word (docs/benchmarks.md, "Decision search").
-- The council's term is its code after U+E000, a private-use character made a token character here (tokenchars, the
-- invisible character between the quotes below) and found in no text: no word a visitor types can reach it, since a
-- search's terms are runs of letters and digits, and the other columns are split into words exactly as before.
-- The index reads its content through a view, which gives each decision's council term; the triggers give the same.
DROP TRIGGER decisions_fts_insert;
DROP TRIGGER decisions_fts_delete;
DROP TRIGGER decisions_fts_update;
DROP TABLE decisions_fts;

CREATE VIEW decisions_search_content AS
SELECT rowid AS decision_rowid, category, subcategory, summary, char(57344) || authority_code AS council FROM decisions;

CREATE VIRTUAL TABLE decisions_fts USING fts5 (
    category, subcategory, summary, council,
    content = 'decisions_search_content', content_rowid = 'decision_rowid',
    tokenize = 'porter unicode61 remove_diacritics 2 tokenchars ''''',
    -- Searches ask only whether every word is there, never for phrases or positions: the smallest index, built fastest.
    detail = none, columnsize = 0
);
INSERT INTO decisions_fts (decisions_fts) VALUES ('rebuild');

CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO decisions_fts (rowid, category, subcategory, summary, council)
    VALUES (new.rowid, new.category, new.subcategory, new.summary, char(57344) || new.authority_code);
END;

CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, category, subcategory, summary, council)
    VALUES ('delete', old.rowid, old.category, old.subcategory, old.summary, char(57344) || old.authority_code);
END;

CREATE TRIGGER decisions_fts_update AFTER UPDATE OF category, subcategory, summary, authority_code ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, category, subcategory, summary, council)
    VALUES ('delete', old.rowid, old.category, old.subcategory, old.summary, char(57344) || old.authority_code);
    INSERT INTO decisions_fts (rowid, category, subcategory, summary, council)
    VALUES (new.rowid, new.category, new.subcategory, new.summary, char(57344) || new.authority_code);
END;
