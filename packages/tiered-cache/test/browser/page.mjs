// Runs in a real Chromium page: the built core (dist/index.js) with a storage tier kept in
// page memory, exercising coalescing, tags, encryption at rest, serializers and metrics.
import { binarySerializer, createKeyring, createTieredCache } from "/pkg/dist/index.js";

function memoryTier() {
  const data = new Map();
  return {
    name: "l2", scope: "local", data,
    async get(ns, key) { return data.get(`${ns}:${key}`); },
    async set(ns, key, bytes) { data.set(`${ns}:${key}`, bytes); },
    async delete(ns, key) { data.delete(`${ns}:${key}`); },
    async clear() { data.clear(); },
    async close() {},
  };
}

const result = {};
try {
  const tier = memoryTier();
  const secret = "a browser secret of at least 32 chars";
  const cache = createTieredCache({ tiers: [tier], encryption: { secret }, serializer: binarySerializer });
  let calls = 0;
  const values = await Promise.all(Array.from({ length: 50 }, () => cache.getOrSet("k", async () => { calls++; return { bytes: new Uint8Array([1, 2, 3]), when: new Date(0) }; }, { tags: ["t"] })));
  result.factoryCalls = calls;
  result.sameValue = values.every((v) => v.bytes instanceof Uint8Array && v.bytes[2] === 3 && v.when instanceof Date);
  const stored = [...tier.data.values()][0];
  result.ciphertextHidesValue = !new TextDecoder().decode(stored).includes("when");
  result.storedKeyHashed = ![...tier.data.keys()][0].includes(":k");
  const other = createTieredCache({ tiers: [tier], encryption: { secret }, serializer: binarySerializer });
  result.readBack = (await other.get("k"))?.bytes?.[1] === 2;
  await cache.invalidateTags(["t"]);
  result.afterTag = (await cache.get("k")) === undefined;
  result.prometheus = other.prometheus().includes('sextant_cache_hits_total{tier="l2",namespace="default"} 1');
  const ring = await createKeyring(secret);
  result.hmac = (await ring.hashKey("x")).length;
} catch (error) {
  result.error = String(error && error.stack || error);
}
window.__result = result;
