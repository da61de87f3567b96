-- Provenance (0003) records which authority-years are demonstration data; this earlier table was never used.
DROP TABLE IF EXISTS demonstration_data;
