-- Decision search: the words of each decision as a generated tsvector, so every insert and update keeps it in step,
-- with a GIN index to find them. The english configuration stems, so "schools" finds "school".
ALTER TABLE decisions ADD COLUMN search_words tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(category, '') || ' ' || coalesce(subcategory, '') || ' ' || coalesce(summary, ''))
) STORED;
CREATE INDEX decisions_by_words ON decisions USING GIN (search_words);

-- Search results are listed newest first; without words or a council this index gives the first page without a sort.
CREATE INDEX decisions_by_date ON decisions (decision_date DESC, case_ref);
