-- A psql script that builds a varied database for pg_dumpall to dump (test/real-dumps.test.ts).
-- It is a test input itself: meta-commands, variables and COPY data must parse cleanly.
\set ON_ERROR_STOP on
\set owner app_owner
CREATE ROLE :owner LOGIN;
CREATE ROLE app_reader;
CREATE DATABASE shop OWNER :owner;
\connect shop
SET client_min_messages = warning;

SELECT current_database() AS db \gset
\if :{?db}
\echo building :db
\else
\quit
\endif
CREATE EXTENSION hstore;
CREATE EXTENSION pg_trgm WITH SCHEMA public;
CREATE SCHEMA app AUTHORIZATION :owner;
COMMENT ON SCHEMA app IS 'the shop''s tables';
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE app.pair AS (a integer, b text);
CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
CREATE SEQUENCE app.ticket_seq START 100 INCREMENT 5;

CREATE TABLE app.items (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  tags text[] DEFAULT '{}',
  attrs jsonb,
  mood app.mood DEFAULT 'ok',
  price numeric(10, 2) CHECK (price >= 0),
  qty app.positive,
  created timestamptz NOT NULL DEFAULT now(),
  total numeric GENERATED ALWAYS AS (price * qty) STORED
);
COMMENT ON COLUMN app.items.attrs IS 'free-form "attributes"';
CREATE INDEX items_attrs ON app.items USING gin (attrs);
CREATE INDEX items_cheap ON app.items (price) WHERE price < 10;
CREATE INDEX items_lower_name ON app.items (lower(name) text_pattern_ops);
CREATE INDEX items_name_trgm ON app.items USING gist (name gist_trgm_ops);
CREATE TABLE app.settings (item integer PRIMARY KEY, kv public.hstore NOT NULL DEFAULT '');

CREATE TABLE app.events (
  at date NOT NULL,
  item integer REFERENCES app.items (id) ON DELETE CASCADE,
  note text
) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_rest PARTITION OF app.events DEFAULT;

CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created := now();
  IF NEW.name = '' THEN
    RAISE EXCEPTION 'empty name for %', NEW.id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER items_touch BEFORE UPDATE ON app.items FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE FUNCTION app.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE
  BEGIN ATOMIC SELECT a + b; END;
CREATE FUNCTION app.cheap(limit_price numeric DEFAULT 5) RETURNS SETOF app.items LANGUAGE sql STABLE
  AS 'SELECT * FROM app.items WHERE price < limit_price';
CREATE PROCEDURE app.restock(n integer) LANGUAGE plpgsql AS $body$
BEGIN
  UPDATE app.items SET tags = array_append(tags, 'restocked') WHERE qty < n;
END
$body$;
CREATE AGGREGATE app.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');

CREATE VIEW app.pricey AS SELECT id, name, price FROM app.items WHERE price > 100 WITH CHECK OPTION;
CREATE MATERIALIZED VIEW app.by_mood AS SELECT mood, count(*) AS n FROM app.items GROUP BY mood WITH NO DATA;
CREATE RULE no_delete AS ON DELETE TO app.pricey DO INSTEAD NOTHING;

ALTER TABLE app.items ENABLE ROW LEVEL SECURITY;
CREATE POLICY readers ON app.items FOR SELECT TO app_reader USING (qty > 0);
GRANT USAGE ON SCHEMA app TO app_reader;
GRANT SELECT ON app.items, app.pricey TO app_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO app_reader;

-- Data with everything COPY has to escape: tabs, line breaks, backslashes, quotes, NULLs, Unicode.
INSERT INTO app.items (name, tags, attrs, mood, price, qty) VALUES
  ('apple', '{red,sweet}', '{"origin": "here", "n": 1}', 'happy', 1.50, 10),
  (E'tab\there', '{"with space","with,comma"}', NULL, 'sad', 0, 1),
  (E'line\nbreak and back\\slash', NULL, '{"q": "it''s \"quoted\""}', NULL, 99.99, 3),
  ('naïve café ☕', ARRAY['ünïcödé'], '[]', 'ok', NULL, NULL);
COPY app.events (at, item, note) FROM stdin;
2024-03-01	1	first sale
2024-03-02	2	\N
2026-01-01	3	a note with a \\ backslash
\.
INSERT INTO app.settings VALUES (1, 'color => red, "with space" => "a, b"');
SELECT setval('app.ticket_seq', 120);
\echo shop is ready
