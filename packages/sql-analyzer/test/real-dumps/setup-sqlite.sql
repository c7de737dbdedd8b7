-- An sqlite3 shell script that builds a varied database for `.dump` (test/real-dumps.test.ts).
-- It is a test input itself: its dot-commands must parse cleanly.
.bail on
PRAGMA foreign_keys = ON;
CREATE TABLE items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  price REAL CHECK (price >= 0),
  tags TEXT DEFAULT '[]',
  total REAL GENERATED ALWAYS AS (price * 2) VIRTUAL
);
CREATE TABLE events (at TEXT NOT NULL, item INTEGER REFERENCES items (id) ON DELETE CASCADE, note TEXT) STRICT;
CREATE TABLE kv (k TEXT PRIMARY KEY, v ANY) WITHOUT ROWID;
CREATE INDEX items_cheap ON items (price) WHERE price < 10;
CREATE VIEW pricey AS SELECT id, name FROM items WHERE price > 100;
CREATE TRIGGER items_log AFTER INSERT ON items BEGIN
  INSERT INTO events (at, item, note) VALUES (datetime('now'), NEW.id, 'added; "quoted"');
END;
CREATE VIRTUAL TABLE docs USING fts5(title, body);
INSERT INTO items (name, price, tags) VALUES ('apple', 1.5, '["red"]'), ('it''s', 0, NULL), ('naïve café', 99.99, '[]');
INSERT INTO items (name, price) VALUES ('line' || char(10) || 'break', 3);
INSERT INTO kv VALUES ('blob', x'00ff10'), ('num', 42), ('text', 'a;b');
INSERT INTO docs (title, body) VALUES ('hello', 'full text; search');
.print sqlite is ready
