import type { StorageTier } from "@sextant/tiered-cache";

/** An in-memory storage tier for core tests, with a switch to make every call fail. */
export function memoryTier(name: string): StorageTier & { data: Map<string, Uint8Array>; fail: Error | undefined } {
  const data = new Map<string, Uint8Array>();
  const tier = {
    name, scope: "shared" as const, data, fail: undefined as Error | undefined,
    async get(ns: string, key: string) { if (tier.fail) throw tier.fail; return data.get(`${ns}:${key}`); },
    async set(ns: string, key: string, bytes: Uint8Array) { if (tier.fail) throw tier.fail; data.set(`${ns}:${key}`, bytes); },
    async delete(ns: string, key: string) { if (tier.fail) throw tier.fail; data.delete(`${ns}:${key}`); },
    async clear(ns?: string) { for (const k of [...data.keys()]) if (ns === undefined || k.startsWith(`${ns}:`)) data.delete(k); },
    async close() {},
  };
  return tier;
}
