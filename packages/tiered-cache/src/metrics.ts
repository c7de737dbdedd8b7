/** Upper bounds (seconds) of the latency histogram buckets; the last bucket is +Inf. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [0.00001, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5];

/** A cumulative-ready latency histogram with fixed buckets. */
export class LatencyHistogram {
  /** Per-bucket (non-cumulative) counts; the extra last slot is +Inf. */
  readonly counts = new Array<number>(LATENCY_BUCKETS_SECONDS.length + 1).fill(0);
  /** Sum of observed seconds. */
  sum = 0;
  /** Number of observations. */
  count = 0;

  /** Records one duration in milliseconds. */
  observe(ms: number): void {
    const seconds = ms / 1000;
    let i = 0;
    while (i < LATENCY_BUCKETS_SECONDS.length && seconds > LATENCY_BUCKETS_SECONDS[i]!) i++;
    this.counts[i]!++;
    this.sum += seconds;
    this.count++;
  }
}

/** Counters of one tier in one namespace. */
export class TierCounters {
  /** Lookups that found a fresh entry. */
  hits = 0;
  /** Lookups that found nothing usable. */
  misses = 0;
  /** Entries written. */
  writes = 0;
  /** Entries evicted (budget, memory pressure) or removed as corrupt. */
  evictions = 0;
  /** Operations that failed (tier down, I/O error); each also counted as a miss where it was a read. */
  errors = 0;
  /** Stale values served from this tier under grace. */
  staleServed = 0;
  /** Lookup latency (sampled for L1 hits, one in 64, and for synchronous storage-tier reads, one in 8: timing every one would cost a visible share of it). */
  readonly latency = new LatencyHistogram();
  constructor(readonly tier: string, readonly namespace: string) {}
}

/** A point-in-time copy of all metrics, easy to log or assert on. */
export interface MetricsSnapshot {
  /** One row per tier and namespace. */
  readonly tiers: readonly {
    tier: string; namespace: string; hits: number; misses: number; hitRate: number; writes: number;
    evictions: number; errors: number; staleServed: number;
    latency: { buckets: readonly number[]; counts: readonly number[]; sum: number; count: number };
  }[];
  /** Bytes held per tier (L1: estimated live size; L2: file bytes this process knows of). */
  readonly bytes: Readonly<Record<string, number>>;
  /** Factory runs per namespace. */
  readonly factoryCalls: Readonly<Record<string, number>>;
}

/** Holds the counters of one cache instance. */
export class CacheMetrics {
  readonly #counters = new Map<string, TierCounters>();
  readonly #bytes = new Map<string, () => number>();
  readonly factoryCalls = new Map<string, number>();

  /** The counters for `tier` in `namespace`, created on first use (callers keep the reference). */
  counters(tier: string, namespace: string): TierCounters {
    const id = `${tier}\u0000${namespace}`;
    let counters = this.#counters.get(id);
    if (!counters) this.#counters.set(id, (counters = new TierCounters(tier, namespace)));
    return counters;
  }

  /** Registers a gauge of bytes held by a tier. */
  trackBytes(tier: string, read: () => number): void {
    this.#bytes.set(tier, read);
  }

  /** Counts one factory run. */
  countFactory(namespace: string): void {
    this.factoryCalls.set(namespace, (this.factoryCalls.get(namespace) ?? 0) + 1);
  }

  /** Copies the current values. */
  snapshot(): MetricsSnapshot {
    const tiers = [...this.#counters.values()].map((c) => ({
      tier: c.tier, namespace: c.namespace, hits: c.hits, misses: c.misses,
      hitRate: c.hits + c.misses === 0 ? 0 : c.hits / (c.hits + c.misses),
      writes: c.writes, evictions: c.evictions, errors: c.errors, staleServed: c.staleServed,
      latency: { buckets: LATENCY_BUCKETS_SECONDS, counts: [...c.latency.counts], sum: c.latency.sum, count: c.latency.count },
    }));
    const bytes: Record<string, number> = {};
    for (const [tier, read] of this.#bytes) bytes[tier] = read();
    return { tiers, bytes, factoryCalls: Object.fromEntries(this.factoryCalls) };
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/**
 * Renders a snapshot in the Prometheus text exposition format (version 0.0.4).
 * `prefix` names the metric family. Defaults to `sextant_cache`.
 */
export function renderPrometheus(snapshot: MetricsSnapshot, prefix = "sextant_cache"): string {
  const lines: string[] = [];
  const counter = (name: string, help: string, pick: (row: MetricsSnapshot["tiers"][number]) => number) => {
    lines.push(`# HELP ${prefix}_${name} ${help}`, `# TYPE ${prefix}_${name} counter`);
    for (const row of snapshot.tiers) {
      lines.push(`${prefix}_${name}{tier="${escapeLabel(row.tier)}",namespace="${escapeLabel(row.namespace)}"} ${pick(row)}`);
    }
  };
  counter("hits_total", "Lookups that found a fresh entry.", (r) => r.hits);
  counter("misses_total", "Lookups that found no usable entry.", (r) => r.misses);
  counter("writes_total", "Entries written.", (r) => r.writes);
  counter("evictions_total", "Entries evicted or removed as corrupt.", (r) => r.evictions);
  counter("errors_total", "Tier operations that failed.", (r) => r.errors);
  counter("stale_served_total", "Stale values served under grace.", (r) => r.staleServed);
  lines.push(`# HELP ${prefix}_hit_ratio Hits over lookups.`, `# TYPE ${prefix}_hit_ratio gauge`);
  for (const r of snapshot.tiers) lines.push(`${prefix}_hit_ratio{tier="${escapeLabel(r.tier)}",namespace="${escapeLabel(r.namespace)}"} ${r.hitRate}`);
  lines.push(`# HELP ${prefix}_lookup_seconds Lookup latency.`, `# TYPE ${prefix}_lookup_seconds histogram`);
  for (const r of snapshot.tiers) {
    const labels = `tier="${escapeLabel(r.tier)}",namespace="${escapeLabel(r.namespace)}"`;
    let cumulative = 0;
    r.latency.buckets.forEach((le, i) => {
      cumulative += r.latency.counts[i] ?? 0;
      lines.push(`${prefix}_lookup_seconds_bucket{${labels},le="${le}"} ${cumulative}`);
    });
    lines.push(`${prefix}_lookup_seconds_bucket{${labels},le="+Inf"} ${r.latency.count}`);
    lines.push(`${prefix}_lookup_seconds_sum{${labels}} ${r.latency.sum}`, `${prefix}_lookup_seconds_count{${labels}} ${r.latency.count}`);
  }
  lines.push(`# HELP ${prefix}_bytes Bytes held by a tier.`, `# TYPE ${prefix}_bytes gauge`);
  for (const [tier, bytes] of Object.entries(snapshot.bytes)) lines.push(`${prefix}_bytes{tier="${escapeLabel(tier)}"} ${bytes}`);
  lines.push(`# HELP ${prefix}_factory_calls_total Factory runs.`, `# TYPE ${prefix}_factory_calls_total counter`);
  for (const [ns, n] of Object.entries(snapshot.factoryCalls)) lines.push(`${prefix}_factory_calls_total{namespace="${escapeLabel(ns)}"} ${n}`);
  return lines.join("\n") + "\n";
}
