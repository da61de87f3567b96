-- The public release calendar and the pre-release access list (docs/staff-guide.md, "The release calendar").
--
-- release_announcements: a year whose release date was announced. publish_at is the date now announced (for a
-- cancelled release, the date it had when cancelled); announced_on when it first went on the calendar; cancelled_on
-- when it was taken off (null while announced).
CREATE TABLE release_announcements (
    year INTEGER PRIMARY KEY,
    publish_at TEXT NOT NULL,
    announced_on TEXT NOT NULL,
    cancelled_on TEXT
);

-- release_date_changes: every change to an announced date, numbered per year and never rewritten. from_at is the date
-- before (null when the release was cancelled and is announced again), to_at the date after (null when cancelled).
CREATE TABLE release_date_changes (
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    from_at TEXT,
    to_at TEXT,
    reason TEXT,
    changed_on TEXT NOT NULL,
    PRIMARY KEY (year, number)
);

-- Each view of an unpublished year records the viewer's role ('staff', 'publisher', 'link-officer') and, for a link
-- officer, their council, so the pre-release access list names roles and organisations, never people.
ALTER TABLE access_log ADD COLUMN role TEXT;
ALTER TABLE access_log ADD COLUMN organisation_code TEXT;

-- Views logged before roles were recorded: the role of the account the entry names ("Name <e-mail>"), where it still exists.
UPDATE access_log SET
    role = (SELECT s.role FROM staff_users s WHERE access_log.who = s.display_name || ' <' || s.email || '>'),
    organisation_code = (SELECT s.council_code FROM staff_users s WHERE access_log.who = s.display_name || ' <' || s.email || '>')
WHERE year IS NOT NULL;
