// Layout found wrong by probing the formatter with real-world SQL (session 14): each case is
// the exact output, and each output is a fixed point.
import { describe, expect, test } from "vitest";
import { format, type FormatOptions } from "../../src/index.js";

/** `input` formats to `expected`, and `expected` formats to itself. */
function check(input: string, expected: string, options: FormatOptions = {}): void {
  expect(format(input, options)).toBe(expected);
  expect(format(expected, options)).toBe(expected);
}

describe("a block comment before a keyword that starts a line in a broken chain", () => {
  test("AND, JOIN and UNION still start their lines after a comment that trails code", () => {
    check(
      "select a from t where a = 1 /* c */ and b = 2 and ccccccccccccccccccccccc = 3 and dddddddddddddddddddddddd = 4",
      "SELECT a\nFROM t\nWHERE a = 1 /* c */\n  AND b = 2\n  AND ccccccccccccccccccccccc = 3\n  AND dddddddddddddddddddddddd = 4\n",
    );
    check(
      "select a from t /* c */ join u on u.id = t.id join v on v.id = u.id join wwwwwwwwwwwwwwwwwwwwwwwwwwwww on true",
      // (The last join's condition takes its own line: on the join's it would reach column 44.)
      "SELECT a\nFROM t /* c */\n  JOIN u ON u.id = t.id\n  JOIN v ON v.id = u.id\n  JOIN wwwwwwwwwwwwwwwwwwwwwwwwwwwww\n    ON TRUE\n",
      { lineWidth: 40 },
    );
    check(
      "select a from t /* c */ union all select b from u union select cccccccccccccccccccccccccccc from v",
      "SELECT a\nFROM t /* c */\nUNION ALL\nSELECT b\nFROM u\nUNION\nSELECT cccccccccccccccccccccccccccc\nFROM v\n",
      { lineWidth: 40 },
    );
  });

  test("a comment that opens its line keeps the keyword beside it, and flat chains keep one space", () => {
    check(
      "select a from t where a = 1\n/* own */ and b = 2 and ccccccccccccccccccccccc = 3",
      "SELECT a\nFROM t\nWHERE a = 1\n  /* own */ AND b = 2\n  AND ccccccccccccccccccccccc = 3\n",
    );
    check("select a from t where a = 1 /* c */ and b = 2", "SELECT a FROM t WHERE a = 1 /* c */ AND b = 2\n");
  });
});

describe("a comment that ends a statement's line, before a statement kept as written", () => {
  test("stays on that line, as it does before a formatted statement", () => {
    check("select 1; -- c\nselect from where;", "SELECT 1; -- c\nselect from where;");
    check("select 1; -- c\nselect from where;", "SELECT 1; -- c\nselect from where;", { dialect: "mysql" });
    check("select 3; /* y */\nselect from;", "SELECT 3; /* y */\nselect from;");
    check("select 4; /* z */ -- w\nselect from;", "SELECT 4; /* z */ -- w\nselect from;");
  });

  test("a comment with the broken statement after it on its line moves with it, and one on a line of its own stays there", () => {
    check("select 2; /* x */ select from;", "SELECT 2;\n/* x */ select from;");
    check("select 1;\n-- c\nselect from where;", "SELECT 1;\n-- c\nselect from where;");
  });
});

describe("a comment inside a clause body that lays out its own lines", () => {
  test("does not shift a subquery, a CASE or a call by one more level", () => {
    check(
      "select x from t where exists (select 1 -- c\n from u where u.id = t.id)",
      "SELECT x\nFROM t\nWHERE EXISTS (\n  SELECT 1 -- c\n  FROM u\n  WHERE u.id = t.id\n)\n",
    );
    check("select x from (select 1 -- c\n from u) s", "SELECT x\nFROM (\n  SELECT 1 -- c\n  FROM u\n) s\n");
    check(
      "select case when a = 1 then 'one' -- c\n when a = 2 then 'two' else 'many many many many many' end as x from t",
      "SELECT CASE\n  WHEN a = 1 THEN 'one' -- c\n  WHEN a = 2 THEN 'two'\n  ELSE 'many many many many many'\nEND AS x\nFROM t\n",
    );
    check(
      "select f(a /* first */, b /* second */, c) from t",
      "SELECT f(\n    a /* first */,\n    b /* second */,\n    c\n)\nFROM t\n",
      { lineWidth: 20, indent: 4 },
    );
  });

  test("a break that no part of the body indents still gets the clause's indent", () => {
    check("select x from t where a = -- c\n 1", "SELECT x\nFROM t\nWHERE a = -- c\n  1\n");
    check("select 'a'\n'b' from t", "SELECT 'a'\n  'b'\nFROM t\n");
  });
});

describe("a block comment with code after it on its line goes with that code", () => {
  test("an argument's label stays with the argument when the list breaks", () => {
    check(
      "select make_interval(1, /* months */ 2, /* weeks */ 3, /* days */ 4, /* hours */ 5, /* mins */ 6)",
      "SELECT make_interval(\n  1,\n  /* months */ 2,\n  /* weeks */ 3,\n  /* days */ 4,\n  /* hours */ 5,\n  /* mins */ 6\n)\n",
      { lineWidth: 40 },
    );
    check("select a, /* b */ b, /* c */ c from t", "SELECT\n  a,\n  /* b */ b,\n  /* c */ c\nFROM t\n", { lineWidth: 20 });
  });

  test("flat, nothing changes; a comment that ends its line stays after the comma", () => {
    check("select make_interval(1, /* months */ 2)", "SELECT make_interval(1, /* months */ 2)\n");
    check("select a, /* about a */\n bbbbbbbbbbbb, c from tttttttttttttttttttttttt", "SELECT\n  a, /* about a */\n  bbbbbbbbbbbb,\n  c\nFROM tttttttttttttttttttttttt\n", { lineWidth: 30 });
  });
});

describe("ARRAY[…] breaks inside its brackets, as a call does inside its parentheses", () => {
  test("a long array constructor puts one element per line between its brackets", () => {
    check(
      "select array[aaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccc] from t",
      "SELECT ARRAY[\n  aaaaaaaaaaaaaaa,\n  bbbbbbbbbbbbbbbbbbbbbbbbbbbb,\n  cccccccccccccccccccccccc\n]\nFROM t\n",
      { lineWidth: 40 },
    );
    check(
      "select a from t where x = any (array[1111111111, 2222222222, 3333333333])",
      "SELECT a\nFROM t\nWHERE x = ANY (ARRAY[\n  1111111111,\n  2222222222,\n  3333333333\n])\n",
      { lineWidth: 30 },
    );
    check("select array['a','b'], a[1], a[1:2], '{1}'::int[] from t", "SELECT ARRAY['a', 'b'], a[1], a[1:2], '{1}'::int[] FROM t\n");
  });

  test("a multi-line comment in a broken array keeps its place when formatted again (the second pass read it on its own line)", () => {
    const once = format("select a from t where tags <@ array['x', /* multi\n   line */ 'y']");
    expect(format(once)).toBe(once);
  });
});

describe("a list that stands in a statement, outside any clause body", () => {
  test("continues one level in, up to its last item, and stays on its line when it fits", () => {
    check(
      "drop table if exists aaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbb, ccccccccccccc cascade",
      "DROP TABLE IF EXISTS aaaaaaaaaaaa,\n  bbbbbbbbbbbbbbbbbbbbb,\n  ccccccccccccc CASCADE\n",
      { lineWidth: 40 },
    );
    check(
      "lock tables tttttttttt write, uuuuuuuuuuuuuu read, vvvvvvvvvvvvv read",
      "LOCK TABLES tttttttttt WRITE,\n  uuuuuuuuuuuuuu READ,\n  vvvvvvvvvvvvv READ\n",
      { dialect: "mysql", lineWidth: 40 },
    );
    check(
      "update t1, t2 set t1.a = t2.a, t1.bbbbbbbbbbbbbb = 2 where t1.id = t2.id",
      "UPDATE t1, t2\nSET t1.a = t2.a, t1.bbbbbbbbbbbbbb = 2\nWHERE t1.id = t2.id\n",
      { dialect: "mysql", lineWidth: 40 },
    );
    check("drop table aaaaaaaaaa, bbbbbbbbbbbbb, cccccccccc", "DROP TABLE aaaaaaaaaa\n  , bbbbbbbbbbbbb\n  , cccccccccc\n", { lineWidth: 20, commaPosition: "leading" });
  });

  test("ALTER TABLE actions go one per line under the table; a lone one too when it does not fit (pg_dump's layout)", () => {
    check(
      "alter table t add column x int after id, add index (x), modify column y bigint not null, drop foreign key fk",
      "ALTER TABLE t\n  ADD COLUMN x int AFTER id,\n  ADD INDEX (x),\n  MODIFY COLUMN y bigint NOT NULL,\n  DROP FOREIGN KEY fk\n",
      { dialect: "mysql", lineWidth: 40 },
    );
    check("alter table t add column x int, drop y", "ALTER TABLE t ADD COLUMN x int, DROP y\n");
    check(
      "alter table public.orders add constraint orders_total_positive check (total >= 0)",
      "ALTER TABLE public.orders\n  ADD CONSTRAINT orders_total_positive CHECK (total >= 0)\n",
      { lineWidth: 40 },
    );
    check("alter table t add constraint c check (a > 0)", "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)\n");
  });

  test("CTEs stay at the column of WITH", () => {
    check(
      "with a as (select 1 x), b as (select 2 y) select * from a, b",
      "WITH a AS (SELECT 1 x),\nb AS (SELECT 2 y)\nSELECT *\nFROM a, b\n",
      { lineWidth: 30 },
    );
  });
});

describe("a clause's keyword written before the clause's node (MySQL's multi-table DELETE)", () => {
  test("the line breaks before FROM, not between FROM and its tables", () => {
    check(
      "delete t1, t2 from t1 join t2 using (id) join t3 on t3.id = t2.id where t2.x",
      "DELETE t1, t2\nFROM t1\n  JOIN t2 USING (id)\n  JOIN t3 ON t3.id = t2.id\nWHERE t2.x\n",
      { dialect: "mysql", lineWidth: 40 },
    );
    check("delete t1 from t1, t2 where t2.x = t1.x", "DELETE t1\nFROM t1, t2\nWHERE t2.x = t1.x\n", { dialect: "mysql", lineWidth: 20 });
  });
});

describe("the clauses of an action inside a clause", () => {
  test("ON CONFLICT … DO UPDATE's SET and WHERE go one level in, under it", () => {
    check(
      "insert into t values (1, 'a') on conflict (a) do update set b = excluded.b where b <> excluded.b returning *",
      "INSERT INTO t\nVALUES (1, 'a')\nON CONFLICT (a) DO UPDATE\n  SET b = excluded.b\n  WHERE b <> excluded.b\nRETURNING *\n",
      { lineWidth: 40 },
    );
  });

  test("so do MERGE's UPDATE SET and INSERT … VALUES, under their WHEN", () => {
    check(
      "merge into t using s on t.id = s.id when matched and s.del then delete when matched then update set v = s.v, w = s.w when not matched then insert (id, v) values (s.id, s.v)",
      "MERGE INTO t\nUSING s\nON t.id = s.id\nWHEN MATCHED AND s.del THEN DELETE\nWHEN MATCHED THEN UPDATE\n  SET v = s.v, w = s.w\nWHEN NOT MATCHED THEN INSERT (id, v)\n  VALUES (s.id, s.v)\n",
      { lineWidth: 40 },
    );
  });

  test("MySQL's ON DUPLICATE KEY UPDATE breaks its assignments as SET does", () => {
    check(
      "insert into t (a) values (1) on duplicate key update aaaa = values(aaaa) + 1, bbbb = bbbb + 1, cccc = 3",
      "INSERT INTO t (a)\nVALUES (1)\nON DUPLICATE KEY UPDATE\n  aaaa = values(aaaa) + 1,\n  bbbb = bbbb + 1,\n  cccc = 3\n",
      { dialect: "mysql", lineWidth: 40 },
    );
  });
});

describe("a trailing comma written after a line comment", () => {
  test("starts the next item's line instead of standing alone on one", () => {
    check("select a\n, b -- after b\n, c\nfrom t", "SELECT\n  a,\n  b -- after b\n  , c\nFROM t\n");
    check("insert into t (a, b) -- cols\nvalues (1, 2) -- vals\n, (3, 4)", "INSERT INTO t (a, b) -- cols\nVALUES\n  (1, 2) -- vals\n  , (3, 4)\n");
    check("select f(a -- x\n, b) from t", "SELECT f(\n  a -- x\n  , b\n)\nFROM t\n");
  });
});

describe("a window's frame clause", () => {
  test("starts its own line when the window specification breaks, as PARTITION BY and ORDER BY do", () => {
    check(
      "select sum(amount) over (partition by customer_id order by created_at rows between unbounded preceding and current row) as running from payments",
      "SELECT sum(amount) OVER (\n  PARTITION BY customer_id\n  ORDER BY created_at\n  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW\n) AS running\nFROM payments\n",
      { lineWidth: 60 },
    );
    check("select sum(x) over (order by b rows 1 preceding) from t", "SELECT sum(x) OVER (ORDER BY b ROWS 1 PRECEDING) FROM t\n");
  });
});

describe("a long comparison, arithmetic or concatenation", () => {
  test("breaks after its operator, continuing two levels in, apart from the AND lines", () => {
    check(
      "select * from orders where created_at is not distinct from timestamp with time zone '2024-01-01 10:00:00+02' and x = 1",
      "SELECT *\nFROM orders\nWHERE created_at IS NOT DISTINCT FROM\n    timestamp WITH TIME ZONE '2024-01-01 10:00:00+02'\n  AND x = 1\n",
    );
    check(
      "select a from t where description_of_the_thing like '%some long pattern here to match%' escape '!'",
      "SELECT a\nFROM t\nWHERE description_of_the_thing LIKE\n    '%some long pattern here to match%' ESCAPE '!'\n",
    );
  });

  test("BETWEEN breaks after its keyword, its bounds together", () => {
    check(
      "select * from t where score between timestamp with time zone '2024-01-01 10:00:00+02' and localtime and x = 1",
      "SELECT *\nFROM t\nWHERE score BETWEEN\n    timestamp WITH TIME ZONE '2024-01-01 10:00:00+02' AND LOCALTIME\n  AND x = 1\n",
    );
  });

  test("a chain of one operator fills its lines", () => {
    check(
      "select first_name || ' ' || middle_name || ' ' || last_name || ' (' || nickname || ')' as display_name, b from people",
      // (A short operand takes no line of its own after the chain's last operator: `')'` stays.)
      "SELECT\n  first_name || ' ' || middle_name || ' ' || last_name || ' (' ||\n      nickname || ')' AS display_name,\n  b\nFROM people\n",
    );
    check("select 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13 + 14 + 15 + 16", "SELECT 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 +\n    9 + 10 + 11 + 12 + 13 + 14 + 15 + 16\n", {
      lineWidth: 40,
    });
  });

  test("an operand that breaks inside itself takes the break instead, with no extra indent", () => {
    check(
      "select * from t where total_amount_with_tax = coalesce(order_total_amount, fallback_amount, 0) + shipping_cost_amount",
      "SELECT *\nFROM t\nWHERE total_amount_with_tax = coalesce(\n  order_total_amount,\n  fallback_amount,\n  0\n) + shipping_cost_amount\n",
    );
  });

  test("a short expression and a JSON path operator never break", () => {
    check(
      "ALTER TABLE public.orders ADD CONSTRAINT orders_total_positive CHECK (total_amount >= 0)",
      "ALTER TABLE public.orders\n  ADD CONSTRAINT orders_total_positive CHECK (total_amount >= 0)\n",
    );
    check("select data ->> 'emailaddressfield' from t", "SELECT data ->> 'emailaddressfield'\nFROM t\n", { lineWidth: 30 });
    // Nor after its operator when only a short operand would move: `=` / `1)` saves nothing.
    check(
      "ALTER DOMAIN topology.TopoElement ADD CONSTRAINT lower_dimension CHECK (array_lower(VALUE, 1) = 1);",
      "ALTER DOMAIN topology.TopoElement\n  ADD CONSTRAINT lower_dimension CHECK (array_lower(VALUE, 1) = 1);\n",
      { lineWidth: 60 },
    );
  });

  test("a comment after the operator keeps its place", () => {
    check(
      "select a from t where aaaaaaaaaaaaaaa = -- note\nbbbbbbbbbbbbbbbbbbbbbbbbbbbb and c = 1",
      "SELECT a\nFROM t\nWHERE aaaaaaaaaaaaaaa = -- note\n  bbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  AND c = 1\n",
      { lineWidth: 40 },
    );
  });
});

describe("a CASE branch that does not fit", () => {
  test("puts THEN on a line of its own, one level in, before its condition breaks", () => {
    check(
      "select case when status = 'active' and last_login > now() - interval '30 days' then 'engaged' when status = 'active' then 'idle' else 'gone' end as segment from users",
      "SELECT CASE\n  WHEN status = 'active' AND last_login > now() - INTERVAL '30 days'\n    THEN 'engaged'\n  WHEN status = 'active' THEN 'idle'\n  ELSE 'gone'\nEND AS segment\nFROM users\n",
    );
    check("select case when a then b else c end", "SELECT CASE WHEN a THEN b ELSE c END\n");
  });

  test("keeps THEN beside its condition when the result breaks anyway, with the result's lines one level in", () => {
    check(
      "select case when u.region isnull then (select count(kind) from app.orders x where a.price not in (timestamp '2024-01-01 10:00:00', $7)) end total from t",
      "SELECT CASE\n  WHEN u.region ISNULL THEN (\n    SELECT count(kind)\n    FROM app.orders x\n    WHERE a.price NOT IN (timestamp '2024-01-01 10:00:00', $7)\n  )\nEND total\nFROM t\n",
    );
    check(
      "select case when u.region isnull then (select count(kind) from app.orders x where a.price > 0) end total from t",
      "SELECT CASE\n  WHEN u.region ISNULL\n    THEN (SELECT count(kind) FROM app.orders x WHERE a.price > 0)\nEND total\nFROM t\n",
      { lineWidth: 70 },
    );
  });
});

describe("DDL options after a head that does not fit", () => {
  test("a partition's bounds go on their own line, one level in (pg_dump's layout)", () => {
    check(
      "CREATE TABLE IF NOT EXISTS audit_log PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
      "CREATE TABLE IF NOT EXISTS audit_log PARTITION OF events\n  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n",
    );
    check(
      "ALTER TABLE audit_log ATTACH PARTITION sessions_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
      "ALTER TABLE audit_log ATTACH PARTITION sessions_2024\n  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n",
    );
    check("create table p partition of q default", "CREATE TABLE p PARTITION OF q DEFAULT\n");
  });

  test("CREATE INDEX puts INCLUDE, WITH, NULLS NOT DISTINCT, TABLESPACE and WHERE a line each", () => {
    check(
      "CREATE INDEX idx_orders_76 ON sessions USING hash (lower(total)) NULLS NOT DISTINCT TABLESPACE fastspace where a > 1 and b < 2",
      "CREATE INDEX idx_orders_76 ON sessions USING hash (lower(total))\n  NULLS NOT DISTINCT\n  TABLESPACE fastspace\n  WHERE a > 1 AND b < 2\n",
    );
    check("create index i on t (a) include (b) where x", "CREATE INDEX i ON t (a) INCLUDE (b) WHERE x\n");
  });
});

describe("a routine whose body is a one-line quoted string", () => {
  test("lays out `AS 'file', 'symbol'` as one more option, a line each", () => {
    check(
      "create or replace function box3d_in(cstring) returns box3d as '$libdir/postgis-3', 'BOX3D_in' language 'c' immutable strict parallel safe;",
      "CREATE OR REPLACE FUNCTION box3d_in(cstring)\n  RETURNS box3d\n  AS '$libdir/postgis-3', 'BOX3D_in'\n  LANGUAGE 'c'\n  IMMUTABLE\n  STRICT\n  PARALLEL safe;\n",
    );
    check("create function f() returns int as 'select 1' language sql;", "CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql;\n");
    // Its list broken over lines is still no block body (a fixed point; it was not, found by
    // the real-world probe on pgq's scripts).
    check(
      "CREATE OR REPLACE FUNCTION pgq.jsontriga() RETURNS TRIGGER\nAS '$libdir/pgq_triggers', 'pgq_jsontriga' LANGUAGE C",
      "create or replace function pgq.jsontriga()\n    returns TRIGGER\n    as '$libdir/pgq_triggers'\n        , 'pgq_jsontriga'\n    language C\n",
      { keywordCase: "lower", indent: 4, lineWidth: 40, commaPosition: "leading" },
    );
  });
});

describe("MERGE's source and join condition", () => {
  test("start their own lines, as PostgreSQL's manual writes them", () => {
    check(
      "merge into sessions t using staging.users as s on t.id = s.id and t.kind = s.kind when matched then delete",
      "MERGE INTO sessions t\nUSING staging.users AS s\nON t.id = s.id AND t.kind = s.kind\nWHEN MATCHED THEN DELETE\n",
    );
    check("merge into t using s on t.id = s.id when matched then delete", "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE\n");
  });
});

describe("a statement's options that do not fit", () => {
  test("take a line each, as pg_dump lays out a sequence", () => {
    check(
      "create sequence if not exists seq_5 as bigint increment by 9 minvalue 7 start with 584 cache 48 owned by users.id",
      "CREATE SEQUENCE IF NOT EXISTS seq_5\n  AS bigint\n  INCREMENT BY 9\n  MINVALUE 7\n  START WITH 584\n  CACHE 48\n  OWNED BY users.id\n",
    );
    check(
      "create role r with superuser createdb login connection limit 5 valid until '2030-01-01' in role a",
      "CREATE ROLE r WITH\n  SUPERUSER\n  CREATEDB\n  LOGIN\n  CONNECTION LIMIT 5\n  VALID UNTIL '2030-01-01'\n  IN ROLE a\n",
    );
    check("create sequence s start 1 cache 10", "CREATE SEQUENCE s START 1 CACHE 10\n");
    // (ALTER FUNCTION's options, and a domain's default and constraints too.)
    check(
      "alter function public.some_function_name(integer, text) set search_path = public, pg_temp security definer",
      "ALTER FUNCTION public.some_function_name(integer, text)\n  SET search_path = public, pg_temp\n  SECURITY DEFINER\n",
    );
    check(
      "create domain email_t as numeric(10, 2) default 0 constraint dom_ck check (value is not null) not null",
      "CREATE DOMAIN email_t AS numeric(10, 2)\n  DEFAULT 0\n  CONSTRAINT dom_ck CHECK (value IS NOT NULL)\n  NOT NULL\n",
    );
  });

  test("MySQL's account options after the account, and LOAD DATA's FIELDS and LINES", () => {
    check(
      "create user if not exists 'u'@'%' identified by 'pw' default role 'reader' password history 5 attribute '{}'",
      "CREATE USER IF NOT EXISTS 'u'@'%' IDENTIFIED BY 'pw'\n  DEFAULT ROLE 'reader'\n  PASSWORD HISTORY 5\n  ATTRIBUTE '{}'\n",
      { dialect: "mysql" },
    );
    check(
      "load data local infile 'x.csv' replace into table t character set utf8mb4 fields terminated by ',' optionally enclosed by '\"' lines terminated by '\\n' ignore 1 lines (a, @b)",
      "LOAD DATA LOCAL INFILE 'x.csv' REPLACE INTO TABLE t\n  CHARACTER SET utf8mb4\n  FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"'\n  LINES TERMINATED BY '\\n'\n  IGNORE 1 LINES (a, @b)\n",
      { dialect: "mysql" },
    );
    // FIELDS's own options take a line each when FIELDS does not fit either.
    check(
      "load data infile 'x' into table t fields terminated by ',' optionally enclosed by '\"' escaped by '\\\\'",
      "LOAD DATA INFILE 'x' INTO TABLE t\n  FIELDS\n    TERMINATED BY ','\n    OPTIONALLY ENCLOSED BY '\"'\n    ESCAPED BY '\\\\'\n",
      { dialect: "mysql", lineWidth: 40 },
    );
  });
});

describe("a foreign key that does not fit", () => {
  test("puts REFERENCES on its own line, then its match type, actions and deferral", () => {
    check(
      "alter table orders add constraint orders_user_fk foreign key (user_id) references users (id) on delete cascade, add column x int",
      "ALTER TABLE orders\n  ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id)\n    REFERENCES users (id) ON DELETE CASCADE,\n  ADD COLUMN x int\n",
    );
    check(
      "create table t (a int references u (id) on delete set null on update cascade deferrable initially deferred not null)",
      "CREATE TABLE t (\n  a int\n    REFERENCES u (id)\n      ON DELETE SET NULL\n      ON UPDATE CASCADE\n      DEFERRABLE INITIALLY DEFERRED\n    NOT NULL\n)\n",
    );
    check(
      "create table t (a int references u (id) match full not deferrable initially immediate)",
      "CREATE TABLE t (\n  a int\n    REFERENCES u (id)\n      MATCH FULL\n      NOT DEFERRABLE INITIALLY IMMEDIATE\n)\n",
      { lineWidth: 40 },
    );
  });
});

describe("CREATE TABLE's options after its columns", () => {
  test("start their lines at the statement's column when it breaks, as pg_dump writes them", () => {
    check(
      "create table measurement (city_id int not null, logdate date not null, peaktemp int, unitsales int) partition by range (logdate)",
      "CREATE TABLE measurement (\n  city_id int NOT NULL,\n  logdate date NOT NULL,\n  peaktemp int,\n  unitsales int\n)\nPARTITION BY RANGE (logdate)\n",
    );
    check(
      "create unlogged table if not exists u (a int) inherits (p) with (fillfactor = 70) tablespace fast",
      "CREATE UNLOGGED TABLE IF NOT EXISTS u (a int)\nINHERITS (p)\nWITH (fillfactor = 70)\nTABLESPACE fast\n",
    );
    check("create table u (a int) with (fillfactor = 70)", "CREATE TABLE u (a int) WITH (fillfactor = 70)\n");
    // (Not CREATE TABLE … AS's options, before its query.)
    check(
      "create table t with (fillfactor = 70) as select aaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbb from cccccccccccccccccc",
      "CREATE TABLE t WITH (fillfactor = 70) AS\nSELECT aaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbb FROM cccccccccccccccccc\n",
    );
  });
});

describe("CREATE CAST, CREATE RULE and CREATE EVENT TRIGGER that do not fit", () => {
  test("put each clause on its own line, one level in", () => {
    check(
      "create cast (oracle.nvarchar2 as oracle.nvarchar2) with function oracle.nvarchar2(oracle.nvarchar2, integer) as implicit",
      "CREATE CAST (oracle.nvarchar2 AS oracle.nvarchar2)\n  WITH FUNCTION oracle.nvarchar2(oracle.nvarchar2, integer)\n  AS IMPLICIT\n",
    );
    check(
      "create or replace rule geometry_columns_insert as on insert to geometry_columns do instead nothing",
      "CREATE OR REPLACE RULE geometry_columns_insert AS\n  ON INSERT TO geometry_columns\n  DO INSTEAD NOTHING\n",
    );
    check(
      "create event trigger e on ddl_command_start when TAG in ('CREATE TABLE', 'ALTER TABLE') execute function f ()",
      "CREATE EVENT TRIGGER e ON ddl_command_start\n  WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')\n  EXECUTE FUNCTION f()\n",
    );
    check("create cast (a as b) without function", "CREATE CAST (a AS b) WITHOUT FUNCTION\n");
  });
});

describe("smaller break points", () => {
  test("FILTER (WHERE …) breaks inside as OVER (…) does", () => {
    check(
      "select a, count(name) filter (where (status, y.id) overlaps (u.price, o.kind)) as filtered from t",
      "SELECT\n  a,\n  count(name) FILTER (\n    WHERE (status, y.id) OVERLAPS (u.price, o.kind)\n  ) AS filtered\nFROM t\n",
      { lineWidth: 60 },
    );
  });

  test("MySQL's XOR breaks as AND and OR do", () => {
    check(
      "select a from t where match(status) against('word' in boolean mode) xor match(kind) against('x' in boolean mode)",
      "SELECT a\nFROM t\nWHERE MATCH(status) AGAINST('word' IN BOOLEAN MODE)\n  XOR MATCH(kind) AGAINST('x' IN BOOLEAN MODE)\n",
      { dialect: "mysql" },
    );
  });

  test("a routine's one-line $$ body is an option and a lone parameter breaks", () => {
    check(
      "create function f(a int) returns int as $$ select count(*) from users where id = $1 $$ language sql immutable parallel safe",
      "CREATE FUNCTION f(a int)\n  RETURNS int\n  AS $$ select count(*) from users where id = $1 $$\n  LANGUAGE sql\n  IMMUTABLE\n  PARALLEL safe\n",
    );
    check(
      "create or replace function payment_get_entity_account_payment_info(in_entity_credit_id int) returns payment_vc_info as $$\n select 1;\n$$ language sql",
      "CREATE OR REPLACE FUNCTION payment_get_entity_account_payment_info(\n  in_entity_credit_id int\n) RETURNS payment_vc_info AS $$\n select 1;\n$$ LANGUAGE sql\n",
    );
  });

  test("a column's COLLATE goes with its constraints; MySQL's table options fill their lines", () => {
    check(
      "create table t (id int, name varchar(200) not null) engine=InnoDB auto_increment=5 default charset=utf8mb4 collate=utf8mb4_unicode_ci",
      "CREATE TABLE t (id int, name varchar(200) NOT NULL) ENGINE = InnoDB\n  AUTO_INCREMENT = 5 DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci\n",
      { dialect: "mysql" },
    );
    check(
      "alter table icinga_customvariables modify column varname varchar(255) character set latin1 collate latin1_general_cs not null default ''",
      "ALTER TABLE icinga_customvariables\n  MODIFY COLUMN varname varchar(255) CHARACTER SET latin1\n    COLLATE latin1_general_cs\n    NOT NULL\n    DEFAULT ''\n",
      { dialect: "mysql" },
    );
    check(
      "create table pma__column_info (id int) comment = 'Column information for phpMyAdmin' default character set utf8 collate utf8_bin engine = InnoDB",
      "CREATE TABLE pma__column_info (id int)\n  COMMENT = 'Column information for phpMyAdmin' DEFAULT CHARACTER SET utf8\n  COLLATE utf8_bin ENGINE = InnoDB\n",
      { dialect: "mysql" },
    );
  });
});

describe("operator classes and other ALTERs that do not fit", () => {
  test("an operator class's items start on a line of their own, one a line", () => {
    check(
      "create operator class btree_geometry_ops default for type geometry using btree as operator 1 <, operator 2 <=, function 1 geometry_cmp(geom1 geometry, geom2 geometry)",
      "CREATE OPERATOR CLASS btree_geometry_ops DEFAULT FOR TYPE geometry USING btree AS\n  OPERATOR 1 <,\n  OPERATOR 2 <=,\n  FUNCTION 1 geometry_cmp(geom1 geometry, geom2 geometry)\n",
    );
    check(
      "alter operator family gist_oid_ops using gist add function 9 (oid, oid) gbt_oid_fetch(internal), operator 1 <",
      "ALTER OPERATOR FAMILY gist_oid_ops USING gist\n  ADD FUNCTION 9 (oid, oid) gbt_oid_fetch(internal), OPERATOR 1 <\n",
    );
    // (Its items break when the action does not fit on its own line either.)
    check(
      "alter operator family gist_oid_ops using gist add function 9 (oid, oid) gbt_oid_fetch(internal), operator 1 <, operator 2 <=, operator 3 =",
      "ALTER OPERATOR FAMILY gist_oid_ops USING gist ADD\n  FUNCTION 9 (oid, oid) gbt_oid_fetch(internal),\n  OPERATOR 1 <,\n  OPERATOR 2 <=,\n  OPERATOR 3 =\n",
    );
  });

  test("a lone action starts its own line, as ALTER TABLE's does", () => {
    check(
      "alter extension pgrouting drop function pgr_maximumcardinalitymatching(text, boolean)",
      "ALTER EXTENSION pgrouting\n  DROP FUNCTION pgr_maximumcardinalitymatching(text, boolean)\n",
    );
    check("alter function f(int) owner to postgres", "ALTER FUNCTION f(int) OWNER TO postgres\n");
  });
});

describe("CREATE INDEX whose head does not fit", () => {
  test("puts ON and the column list on the next line when they fit there", () => {
    check(
      "create unique index index_users_on_email_and_organization_id on public.users using btree (email, organization_id)",
      "CREATE UNIQUE INDEX index_users_on_email_and_organization_id\n  ON public.users USING btree (email, organization_id)\n",
    );
    check(
      "create unique index concurrently if not exists orders_user_idx on orders using btree (user_id, created_at desc) include (status) where status <> 'shipped'",
      "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx\n  ON orders USING btree (user_id, created_at DESC)\n  INCLUDE (status)\n  WHERE status <> 'shipped'\n",
    );
  });

  test("else keeps ON on the head's line and breaks the column list", () => {
    check(
      "create index i on t (aaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccccccccc, dddddddddddddddd)",
      "CREATE INDEX i ON t (\n  aaaaaaaaaaaaaaa,\n  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,\n  cccccccccccccccccccccccccccccc,\n  dddddddddddddddd\n)\n",
    );
  });
});
