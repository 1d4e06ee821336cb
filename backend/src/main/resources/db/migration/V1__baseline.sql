-- Schema version marker; the platform's tables arrive in later migrations.
CREATE TABLE platform_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO platform_info (key, value) VALUES ('schema', 'eigenstudy');
