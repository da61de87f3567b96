-- Where each authority-year's figures come from: 'published' (copied from the ombudsman's own letters)
-- or 'synthetic' (generated for the demonstration dataset). Years without a row are the user's own data.
CREATE TABLE data_sources (
    authority_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    source TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (authority_code, year)
);

-- Facts about the whole database, such as whether it holds demonstration data ('demonstration' = 'true').
CREATE TABLE dataset_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
