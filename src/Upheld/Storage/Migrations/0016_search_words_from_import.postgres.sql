-- The words of a decision are no longer a generated column: computing to_tsvector for every row of a large import
-- took PostgreSQL about five times as long as loading the rows (docs/benchmarks.md). The import now makes them
-- itself, the same words (docs/data-formats.md, "Search words"); every other writer gets them from these triggers,
-- which run only where a writer left the words out, so no row is ever without them.
ALTER TABLE decisions ALTER COLUMN search_words DROP EXPRESSION;

CREATE FUNCTION decisions_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_words := to_tsvector('english', coalesce(NEW.category, '') || ' ' || coalesce(NEW.subcategory, '') || ' ' || coalesce(NEW.summary, ''));
    RETURN NEW;
END
$$;

CREATE TRIGGER decisions_search_words_on_insert BEFORE INSERT ON decisions
    FOR EACH ROW WHEN (NEW.search_words IS NULL) EXECUTE FUNCTION decisions_search_words();

-- An update of the words' sources that does not also give new words gets them made again.
CREATE TRIGGER decisions_search_words_on_update BEFORE UPDATE OF category, subcategory, summary ON decisions
    FOR EACH ROW WHEN (NEW.search_words IS NOT DISTINCT FROM OLD.search_words) EXECUTE FUNCTION decisions_search_words();
