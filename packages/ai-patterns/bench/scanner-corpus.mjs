// Generates a deterministic mixed-language application codebase for the scanner bench:
// handlers that query databases (safe and unsafe shapes) between ordinary code that
// does not touch SQL, in the proportions of a typical web service.

/**
 * Small seeded PRNG (mulberry32) so every run scans the same code. It is the generator of
 * src/corpus/rng.ts, written again here because the bench is plain JavaScript run against
 * dist/, and the package does not export Rng.
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TABLES = ["users", "orders", "items", "invoices", "sessions", "events", "accounts", "payments"];
const COLS = ["id", "name", "email", "status", "created_at", "total", "owner_id", "kind"];

const JS = {
  ext: "js",
  header: () => [`import express from "express";`, `import { pool } from "./db.js";`, `const router = express.Router();`, ``],
  plain: (r, i) => [
    `function helper${i}(items) {`,
    `  const out = [];`,
    `  for (const item of items) {`,
    `    if (item.value > ${Math.floor(r() * 100)}) out.push({ ...item, label: "x" + item.name });`,
    `  }`,
    `  return out.sort((a, b) => a.value - b.value);`,
    `}`,
    ``,
  ],
  sink: (r, i, t, c) => {
    const shapes = [
      [false, `  const rows = await pool.query("SELECT * FROM ${t} WHERE ${c} = $1", [req.params.id]);`],
      [true, `  const rows = await pool.query("SELECT * FROM ${t} WHERE ${c} = " + req.params.id);`],
      [true, `  const q = \`SELECT ${c} FROM ${t} WHERE owner_id = \${req.query.owner}\`;`, `  const rows = await db.query(q);`],
      [true, `  let sql = "SELECT * FROM ${t} WHERE 1 = 1";`, `  if (req.body.kind) sql += " AND kind = '" + req.body.kind + "'";`, `  const rows = await db.query(sql);`],
      [false, `  const rows = await knex("${t}").where({ ${c}: req.params.id });`],
    ];
    const [unsafe, ...body] = shapes[Math.floor(r() * shapes.length)];
    return { unsafe, sinkLine: body.length, lines: [`router.get("/${t}/${i}", async (req, res) => {`, ...body, `  res.json(rows);`, `});`, ``] };
  },
};

const TS = {
  ext: "ts",
  header: () => [`import type { Request, Response } from "express";`, `import { prisma, db } from "./db";`, ``],
  plain: (r, i) => [
    `export interface Model${i} {`,
    `  id: number;`,
    `  name: string;`,
    `}`,
    `export function format${i}(m: Model${i}): string {`,
    `  return \`\${m.id}:\${m.name.toUpperCase()}\`;`,
    `}`,
    ``,
  ],
  sink: (r, i, t, c) => {
    const shapes = [
      [false, `  const rows = await prisma.$queryRaw\`SELECT * FROM ${t} WHERE ${c} = \${req.params.id}\`;`],
      [true, `  const rows = await prisma.$queryRawUnsafe(\`SELECT * FROM ${t} WHERE ${c} = '\${req.params.id}'\`);`],
      [true, `  const id: string = req.params.id as string;`, `  const rows = await db.query("SELECT * FROM ${t} WHERE id = " + id);`],
      [false, `  const rows = await db.query("SELECT count(*) FROM ${t}");`],
    ];
    const [unsafe, ...body] = shapes[Math.floor(r() * shapes.length)];
    return { unsafe, sinkLine: body.length, lines: [`export async function handler${i}(req: Request, res: Response): Promise<void> {`, ...body, `  res.json(rows);`, `}`, ``] };
  },
};

const PY = {
  ext: "py",
  header: () => [`from flask import request`, `from .db import cursor`, ``, ``],
  plain: (r, i) => [
    `def transform_${i}(rows):`,
    `    result = []`,
    `    for row in rows:`,
    `        if row.get("value", 0) > ${Math.floor(r() * 100)}:`,
    `            result.append({"id": row["id"], "label": "x" + row["name"]})`,
    `    return sorted(result, key=lambda x: x["id"])`,
    ``,
    ``,
  ],
  sink: (r, i, t, c) => {
    const shapes = [
      [false, `    cursor.execute("SELECT * FROM ${t} WHERE ${c} = %s", (request.args["id"],))`],
      [true, `    cursor.execute(f"SELECT * FROM ${t} WHERE ${c} = '{request.args['id']}'")`],
      [true, `    q = "SELECT * FROM ${t} WHERE ${c} = '%s'" % request.form["v"]`, `    cursor.execute(q)`],
      [true, `    sql = "SELECT * FROM ${t}"`, `    sql += " WHERE kind = '" + kind + "'"`, `    cursor.execute(sql)`],
    ];
    const [unsafe, ...body] = shapes[Math.floor(r() * shapes.length)];
    return { unsafe, sinkLine: body.length, lines: [`def view_${i}(kind=None):`, ...body, `    return cursor.fetchall()`, ``, ``] };
  },
};

const JAVA = {
  ext: "java",
  header: () => [`package app;`, `import java.sql.*;`, `public class Repo {`],
  footer: () => [`}`],
  plain: (r, i) => [`    int compute${i}(int[] xs) {`, `        int s = 0;`, `        for (int x : xs) { s += x * ${1 + Math.floor(r() * 9)}; }`, `        return s;`, `    }`, ``],
  sink: (r, i, t, c) => {
    const shapes = [
      [true, `        ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM ${t} WHERE ${c} = '" + request.getParameter("v") + "'");`],
      [false, `        PreparedStatement ps = conn.prepareStatement("SELECT * FROM ${t} WHERE ${c} = ?");`, `        ResultSet rs = ps.executeQuery();`],
    ];
    const [unsafe, ...body] = shapes[Math.floor(r() * shapes.length)];
    return { unsafe, sinkLine: body.length, lines: [`    ResultSet find${i}(Connection conn, HttpServletRequest request) throws SQLException {`, ...body, `        return rs;`, `    }`, ``] };
  },
};

const GO = {
  ext: "go",
  header: () => [`package app`, ``, `import (`, `\t"database/sql"`, `\t"net/http"`, `)`, ``],
  plain: (r, i) => [`func sum${i}(xs []int) int {`, `\ts := 0`, `\tfor _, x := range xs {`, `\t\ts += x * ${1 + Math.floor(r() * 9)}`, `\t}`, `\treturn s`, `}`, ``],
  sink: (r, i, t, c) => {
    const shapes = [
      [false, `\trows, err := db.Query("SELECT * FROM ${t} WHERE ${c} = $1", r.URL.Query().Get("id"))`],
      [true, `\trows, err := db.Query("SELECT * FROM ${t} WHERE ${c} = '" + r.FormValue("v") + "'")`],
    ];
    const [unsafe, ...body] = shapes[Math.floor(r() * shapes.length)];
    return { unsafe, sinkLine: body.length, lines: [`func handle${i}(db *sql.DB, r *http.Request) error {`, ...body, `\t_ = rows`, `\treturn err`, `}`, ``] };
  },
};

const PHP = {
  ext: "php",
  header: () => [`<?php`, ``],
  plain: (r, i) => [`function total${i}($items) {`, `    $sum = 0;`, `    foreach ($items as $item) { $sum += $item['price'] * ${1 + Math.floor(r() * 9)}; }`, `    return $sum;`, `}`, ``],
  sink: (r, i, t, c) => {
    const shapes = [
      [true, `    $rows = $pdo->query("SELECT * FROM ${t} WHERE ${c} = '" . $_GET['v'] . "'");`],
      [false, `    $stmt = $pdo->prepare("SELECT * FROM ${t} WHERE ${c} = ?");`, `    $rows = $stmt->execute([$_GET['v']]);`],
    ];
    const [unsafe, ...body] = shapes[Math.floor(r() * shapes.length)];
    return { unsafe, sinkLine: body.length, lines: [`function find${i}($pdo) {`, ...body, `    return $rows;`, `}`, ``] };
  },
};

const RB = {
  ext: "rb",
  header: () => [`class Controller`],
  footer: () => [`end`],
  plain: (r, i) => [`  def total_${i}(items)`, `    items.sum { |item| item[:price] * ${1 + Math.floor(r() * 9)} }`, `  end`, ``],
  sink: (r, i, t, c) => {
    const shapes = [[true, `    User.where("${c} = '#{params[:v]}'")`], [false, `    User.where("${c} = ?", params[:v])`], [false, `    User.find_by_sql("SELECT * FROM ${t}")`]];
    const [unsafe, ...body] = shapes[Math.floor(r() * shapes.length)];
    return { unsafe, sinkLine: body.length, lines: [`  def show_${i}`, ...body, `  end`, ``] };
  },
};

const MIX = [
  [JS, 0.25],
  [TS, 0.2],
  [PY, 0.25],
  [JAVA, 0.1],
  [GO, 0.1],
  [PHP, 0.05],
  [RB, 0.05],
];

/**
 * Builds `totalLines` lines of code in files of ~150–400 lines. `dbShare` of the files
 * talk to a database (one sink per ~12 lines in them); the others are plain code.
 */
export function generateCodebase({ totalLines = 100_000, seed = 7, dbShare = 0.7 } = {}) {
  const r = prng(seed);
  const files = [];
  let lines = 0;
  let n = 0;
  while (lines < totalLines) {
    let pick = r();
    let lang = MIX[0][0];
    for (const [l, w] of MIX) {
      if (pick < w) {
        lang = l;
        break;
      }
      pick -= w;
    }
    const target = 150 + Math.floor(r() * 250);
    const db = r() < dbShare;
    const out = lang.header();
    const unsafeLines = [];
    const safeLines = [];
    let i = 0;
    while (out.length < target) {
      const t = TABLES[Math.floor(r() * TABLES.length)];
      const c = COLS[Math.floor(r() * COLS.length)];
      if (db && r() < 0.5) {
        const sink = lang.sink(r, i, t, c);
        // The sink call is the last body line: header (1) + body lines, 1-based.
        if (sink.unsafe) unsafeLines.push(out.length + 1 + sink.sinkLine);
        else safeLines.push(out.length + 1 + sink.sinkLine);
        out.push(...sink.lines);
      } else {
        out.push(...lang.plain(r, i));
      }
      i++;
    }
    if (lang.footer) out.push(...lang.footer());
    files.push({ path: `src/f${n++}.${lang.ext}`, text: out.join("\n") + "\n", unsafeLines, safeLines });
    lines += out.length;
  }
  return { files, lines };
}
