// bentocache's Redis driver imports `ioredis` as an (optional) peer dependency, which npm
// does not hoist for it here: this package depends on ioredis 6 in its own node_modules.
// This resolve hook hands bentocache (and its bus, @boringnode/bus) that same ioredis, so both caches use one client library.
import { register } from "node:module";

register(
  "data:text/javascript," + encodeURIComponent(`
    const target = ${JSON.stringify(new URL("../node_modules/ioredis/built/index.js", import.meta.url).href)};
    export async function resolve(specifier, context, next) {
      if (specifier === "ioredis" && context.parentURL && (context.parentURL.includes("/bentocache/") || context.parentURL.includes("/@boringnode/"))) {
        return { url: target, format: "commonjs", shortCircuit: true };
      }
      return next(specifier, context);
    }
  `),
  import.meta.url,
);
