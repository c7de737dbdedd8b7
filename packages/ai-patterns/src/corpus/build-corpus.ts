import { ATTACK_TEMPLATES, type AttackTemplate } from "./attack-templates.js";
import { BENIGN_TEMPLATES, type BenignTemplate } from "./benign-templates.js";
import { EVASIONS, type Evasion } from "./evasions.js";
import { GeneratorContext } from "./generator-context.js";
import { TEST_POOLS, TRAIN_POOLS } from "./pools.js";
import { Rng } from "./rng.js";

/** The three ways a sample can be labelled for reporting. */
export type SampleGroup = "attack" | "benign-sql" | "benign-text";

/** One labelled text of the corpus. */
export interface Sample {
  /** The text to classify. */
  readonly text: string;
  /** 1 = injection, 0 = benign. */
  readonly label: 0 | 1;
  /** Attack, benign SQL or benign text. */
  readonly group: SampleGroup;
  /** Attack family (`tautology`, …) or the benign group. */
  readonly family: string;
  /** Template id (`tautology/or-comparison`, `benign-text/json`, …). */
  readonly template: string;
  /** Evasion id when one was applied. */
  readonly evasion?: string;
  /** `parameter` (the raw input) or `query` (embedded in the query it reached). */
  readonly form: "parameter" | "query";
}

/** Which part of the corpus to build. */
export type Split = "train" | "validation" | "test";

/** Sizes and seed of one split. */
export interface CorpusOptions {
  /** Which split. */
  readonly split: Split;
  /** Number of injection samples. Defaults to 24 000 (train), 4 000 (validation), 8 000 (test). */
  readonly attacks?: number;
  /** Number of benign SQL samples. Defaults to half the attacks. */
  readonly benignSql?: number;
  /** Number of benign text samples. Defaults to half the attacks. */
  readonly benignText?: number;
  /** Seed. Defaults to 1 for train, 2 for validation, 3 for test. */
  readonly seed?: number;
  /**
   * Template ids to leave out (model selection compares a corpus with and without new
   * training templates). Defaults to none.
   */
  readonly withoutTemplates?: readonly string[];
}

const DEFAULT_ATTACKS: Record<Split, number> = { train: 24_000, validation: 4_000, test: 8_000 };
const DEFAULT_SEED: Record<Split, number> = { train: 1, validation: 2, test: 3 };

/**
 * Builds one split of the labelled corpus. Training and validation use only the
 * templates and evasions not held out, with the training pools. The test split uses
 * the test pools, and every attack in it comes from a held-out template or carries a
 * held-out evasion; every benign sample comes from a held-out template.
 */
export function buildCorpus(options: CorpusOptions): Sample[] {
  const { split } = options;
  const attacks = options.attacks ?? DEFAULT_ATTACKS[split];
  const benignSql = options.benignSql ?? Math.round(attacks / 2);
  const benignText = options.benignText ?? Math.round(attacks / 2);
  const rng = new Rng(options.seed ?? DEFAULT_SEED[split]);
  const g = new GeneratorContext(rng, split === "test" ? TEST_POOLS : TRAIN_POOLS);
  const test = split === "test";
  const seenEvasions = EVASIONS.filter((e) => !e.heldOut);
  const heldOutEvasions = EVASIONS.filter((e) => e.heldOut);
  const without = new Set(options.withoutTemplates ?? []);
  const catalogue = ATTACK_TEMPLATES.filter((t) => !without.has(t.id));
  const seenTemplates = catalogue.filter((t) => !t.heldOut);
  const heldOutTemplates = catalogue.filter((t) => t.heldOut);

  const samples: Sample[] = [];
  for (let i = 0; i < attacks; i++) {
    let template: AttackTemplate = catalogue[0]!;
    let evasion: Evasion | undefined;
    let payload = "";
    // An evasion that finds nothing to rewrite would leave a seen template unchanged in
    // the test split, so draw again until the rewrite really changes the payload.
    for (let attempt = 0; attempt < 20; attempt++) {
      evasion = undefined;
      if (!test) {
        template = rng.pick(seenTemplates);
        if (rng.chance(0.35)) evasion = rng.pick(seenEvasions);
      } else if (rng.chance(0.6)) {
        template = rng.pick(heldOutTemplates);
        if (rng.chance(0.3)) evasion = rng.pick(seenEvasions);
      } else {
        template = rng.pick(catalogue);
        evasion = rng.pick(heldOutEvasions);
      }
      payload = template.make(g);
      if (!evasion) break;
      const rewritten = evasion.apply(payload, rng);
      if (rewritten !== payload) {
        payload = rewritten;
        break;
      }
    }
    const form = rng.chance(0.3) && !evasion?.id.includes("url-encoding") ? "query" : "parameter";
    const text = form === "query" ? embedInQuery(g, payload, template.context) : payload;
    samples.push({ text, label: 1, group: "attack", family: template.family, template: template.id, ...(evasion ? { evasion: evasion.id } : {}), form });
  }
  const benign = (group: "benign-sql" | "benign-text", count: number) => {
    const pool = BENIGN_TEMPLATES.filter((t) => t.group === group && t.heldOut === test && !without.has(t.id));
    for (let i = 0; i < count; i++) {
      const template: BenignTemplate = rng.pick(pool);
      samples.push({ text: template.make(g), label: 0, group, family: group, template: template.id, form: group === "benign-sql" ? "query" : "parameter" });
    }
  };
  benign("benign-sql", benignSql);
  benign("benign-text", benignText);
  return rng.shuffle(samples);
}

/** Puts a payload where it would land in a query built by string concatenation. */
function embedInQuery(g: GeneratorContext, payload: string, context: "string" | "number"): string {
  const select = `${g.kw("select")} ${g.pick(["*", g.columns(g.int(1, 3))])} ${g.kw("from")} ${g.table()} ${g.kw("where")}`;
  if (context === "string") {
    return g.pick([
      `${select} ${g.column()} = '${payload}'`,
      `${select} ${g.column()} = '${payload}' ${g.kw("and")} ${g.column()} = '${g.word()}'`,
      `${select} ${g.column()} ${g.kw("like")} '%${payload}%'`,
      `${g.kw("update")} ${g.table()} ${g.kw("set")} ${g.column()} = '${payload}' ${g.kw("where")} id = ${g.int()}`,
    ]);
  }
  return g.pick([
    `${select} id = ${payload}`,
    `${select} ${g.column()} = ${payload} ${g.kw("order")} ${g.kw("by")} ${g.column()}`,
    `${g.kw("delete")} ${g.kw("from")} ${g.table()} ${g.kw("where")} id = ${payload}`,
  ]);
}
