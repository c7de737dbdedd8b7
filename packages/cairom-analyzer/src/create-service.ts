import { createServiceCore, type CairoMService, type CairoMServiceOptions } from "./service.js";

/**
 * Creates the Cairo-M language service: the one factory used by the CLI, the LSP adapter
 * and the tests. Pass a file system (Node's in the CLI/adapter, in-memory in tests and
 * browsers) and optionally an engine-event listener.
 */
export function createCairoMService(options: CairoMServiceOptions = {}): CairoMService {
  return createServiceCore(options);
}
