import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dialect } from "../../src/index.js";

/** A fixture file: its path, dialect (its folder name) and text. */
export interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly dialect: Dialect;
  readonly text: string;
}

/** Every `*.sql` under `dir/<dialect>/`. */
export function loadFixtures(dir: string): Fixture[] {
  const out: Fixture[] = [];
  for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, dialect)).filter((n) => n.endsWith(".sql")).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(dir, dialect, name);
      out.push({ name: `${dialect}/${name}`, path, dialect, text: readFileSync(path, "utf8") });
    }
  }
  return out;
}
