-- The access log also records refused access that concerns no year (an account locked by failed sign-ins),
-- so its year may be empty.
ALTER TABLE access_log ALTER COLUMN year DROP NOT NULL;
