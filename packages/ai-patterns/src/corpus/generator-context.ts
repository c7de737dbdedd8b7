import type { Pools } from "./pools.js";
import type { Rng } from "./rng.js";

/** What a generator draws from: the random source and the filler pools of its split. */
export class GeneratorContext {
  constructor(
    /** The random source. */
    readonly rng: Rng,
    /** Filler words (train or test pools). */
    readonly pools: Pools,
  ) {}

  /** A table name. */
  table(): string {
    return this.rng.pick(this.pools.tables);
  }

  /** A column name. */
  column(): string {
    return this.rng.pick(this.pools.columns);
  }

  /** `n` distinct-ish column names joined with `, `. */
  columns(n: number): string {
    return Array.from({ length: n }, () => this.column()).join(", ");
  }

  /** A first name. */
  first(): string {
    return this.rng.pick(this.pools.firstNames);
  }

  /** A family name (may contain an apostrophe). */
  last(): string {
    return this.rng.pick(this.pools.lastNames);
  }

  /** A noun. */
  noun(): string {
    return this.rng.pick(this.pools.nouns);
  }

  /** An adjective. */
  adjective(): string {
    return this.rng.pick(this.pools.adjectives);
  }

  /** A domain name. */
  domain(): string {
    return this.rng.pick(this.pools.domains);
  }

  /** An integer in [min, max]. */
  int(min = 0, max = 999): number {
    return this.rng.int(min, max);
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.rng.chance(p);
  }

  /** A lowercase word-like value (a user name, a string value). */
  word(): string {
    return this.pick([this.first(), this.noun(), this.adjective(), `${this.first()}${this.int(1, 99)}`]);
  }

  /** Capitalizes the first letter. */
  capital(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** A person's full name, capitalized (`Mary O'Brien`). */
  person(): string {
    const last = this.last()
      .split("'")
      .map((part) => this.capital(part))
      .join("'");
    return `${this.capital(this.first())} ${last}`;
  }

  /** A SQL string literal with quotes doubled (`'O''Brien'`). */
  sqlString(text: string): string {
    return `'${text.replace(/'/g, "''")}'`;
  }

  /** Upper- or lowercase for a keyword, as people write them. */
  kw(keyword: string): string {
    return this.chance(0.7) ? keyword.toUpperCase() : keyword.toLowerCase();
  }
}
