-- Decision search: an FTS5 index over the words of each decision, kept in step with the decisions table by triggers.
-- External content: the words are stored once, in decisions; the index holds only what it needs to find them.
-- decisions has no INTEGER PRIMARY KEY, so a VACUUM could renumber its rowids: after one, run
-- INSERT INTO decisions_fts (decisions_fts) VALUES ('rebuild').
-- Porter stemming lets "schools" find "school", as PostgreSQL's english configuration does.
CREATE VIRTUAL TABLE decisions_fts USING fts5 (
    category, subcategory, summary,
    content = 'decisions', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2',
    -- Searches ask only whether every word is there, never for phrases or positions: the smallest index, built fastest.
    detail = none, columnsize = 0
);
INSERT INTO decisions_fts (decisions_fts) VALUES ('rebuild');

CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO decisions_fts (rowid, category, subcategory, summary) VALUES (new.rowid, new.category, new.subcategory, new.summary);
END;

CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, category, subcategory, summary)
    VALUES ('delete', old.rowid, old.category, old.subcategory, old.summary);
END;

CREATE TRIGGER decisions_fts_update AFTER UPDATE OF category, subcategory, summary ON decisions BEGIN
    INSERT INTO decisions_fts (decisions_fts, rowid, category, subcategory, summary)
    VALUES ('delete', old.rowid, old.category, old.subcategory, old.summary);
    INSERT INTO decisions_fts (rowid, category, subcategory, summary) VALUES (new.rowid, new.category, new.subcategory, new.summary);
END;

-- Search results are listed newest first; without words or a council this index gives the first page without a sort.
CREATE INDEX decisions_by_date ON decisions (decision_date DESC, case_ref);
