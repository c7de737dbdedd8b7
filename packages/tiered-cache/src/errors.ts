/** Raised when options do not validate; the message names the option path that is wrong. */
export class TieredCacheOptionsError extends Error {
  /** Dotted path of the first offending option, e.g. `l1.maxBytes`. */
  readonly option: string;
  constructor(option: string, message: string) {
    super(`invalid tiered-cache option "${option}": ${message}`);
    this.name = "TieredCacheOptionsError";
    this.option = option;
  }
}

/** Raised when a factory runs past its hard timeout and no stale value can stand in. */
export class FactoryTimeoutError extends Error {
  constructor(readonly key: string, readonly timeoutMs: number) {
    super(`factory for key "${key}" did not finish within its hard timeout of ${timeoutMs} ms`);
    this.name = "FactoryTimeoutError";
  }
}

/** Raised (only in `strict` mode) when a storage tier fails; otherwise tier faults are misses. */
export class TierUnavailableError extends Error {
  constructor(readonly tier: string, cause: unknown) {
    super(`cache tier ${tier} is unavailable: ${describeError(cause)}`, { cause });
    this.name = "TierUnavailableError";
  }
}

/** A short human description of any thrown value, for warnings and error messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
