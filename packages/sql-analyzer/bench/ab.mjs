#!/usr/bin/env node
// Paired same-process A/B of two builds of @sextant/sql-analyzer: both are loaded in one process
// and timed in alternating rounds (the order flips every round) on the bench's input, the lazy
// parse of one statement per call (diagnostics read), in CPU time. Prints the median ratio of
// the paired rounds with its quartiles, and each build's median and best rate. On a shared,
// noisy machine this sees differences of a few percent that best-of-three bench runs do not.
//
// Run:  node bench/ab.mjs <new dist/> <old dist/> [rounds=60] [ms per round=200] [common|all]
//       (copy the old build's dist/ away first, with a node_modules link beside it)

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModule, parseSync as pgParse } from "libpg-query";
import * as pgsqlAst from "pgsql-ast-parser";
import nodeSqlParser from "node-sql-parser";
import { parse as cstParse } from "sql-parser-cst";
import { accepts, cpuRate } from "./helpers.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [newDir, oldDir, roundsArg = "60", msArg = "200", set = "common"] = process.argv.slice(2);
if (!newDir || !oldDir) {
  console.error("usage: node bench/ab.mjs <new dist/> <old dist/> [rounds] [ms] [common|all]");
  process.exit(2);
}
const A = await import(resolve(newDir, "index.js"));
const B = await import(resolve(oldDir, "index.js"));

// The same statements as bench/run.mjs: the valid corpus statements, flattened, and the
// common subset that every peer parser accepts.
const flat = (s) => Buffer.from(s, "utf8").toString("utf8");
const corpus = JSON.parse(readFileSync(join(root, "corpus/postgres.json"), "utf8")).statements;
const valid = corpus.filter((s) => s.expect === "accept").map((s) => flat(s.sql.replace(/;\s*$/, "")));
let statements = valid;
if (set === "common") {
  await loadModule();
  const NodeSqlParser = nodeSqlParser.Parser ?? nodeSqlParser.default?.Parser;
  const nsp = new NodeSqlParser();
  const peers = [
    (sql) => pgParse(sql),
    (sql) => pgsqlAst.parse(sql),
    (sql) => nsp.astify(sql, { database: "postgresql" }),
    (sql) => cstParse(sql, { dialect: "postgresql", includeSpaces: true, includeComments: true, includeNewlines: true, includeRange: true, paramTypes: ["$nr"] }),
  ];
  statements = valid.filter((sql) => peers.every((fn) => accepts(fn, sql)));
}
const lines = (statements.join(";\n") + ";\n").split("\n").length - 1;
const run = (api) => () => {
  for (const sql of statements) api.parse(sql, { dialect: "postgres" }).diagnostics;
};
const runNew = run(A);
const runOld = run(B);


for (let i = 0; i < 3; i++) {
  cpuRate(runNew, 300);
  cpuRate(runOld, 300);
}
const rounds = Number(roundsArg);
const ms = Number(msArg);
const ratios = [];
const rateNew = [];
const rateOld = [];
for (let r = 0; r < rounds; r++) {
  let a;
  let b;
  if (r % 2 === 0) {
    a = cpuRate(runNew, ms);
    b = cpuRate(runOld, ms);
  } else {
    b = cpuRate(runOld, ms);
    a = cpuRate(runNew, ms);
  }
  ratios.push(a / b);
  rateNew.push(a * lines);
  rateOld.push(b * lines);
}
const quantile = (xs, q) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * q)];
const fmt = (x) => Math.round(x).toLocaleString("en-US");
console.log(
  `${set} (${statements.length} statements, ${lines} lines), ${rounds} rounds of ${ms} ms: new/old x${quantile(ratios, 0.5).toFixed(3)} ` +
    `[quartiles ${quantile(ratios, 0.25).toFixed(3)}, ${quantile(ratios, 0.75).toFixed(3)}]; ` +
    `new ${fmt(quantile(rateNew, 0.5))} lines/s (best ${fmt(Math.max(...rateNew))}), old ${fmt(quantile(rateOld, 0.5))} (best ${fmt(Math.max(...rateOld))})`,
);
