/**
 * Test support: a log of query executions so tests can assert exactly what re-ran after
 * each input change (the salsa `hello_world` style).
 */
export class ExecutionLog {
  private entries: string[] = [];

  /** Records that `query(key)` ran. */
  record(query: string, key: unknown): void {
    this.entries.push(`${query}(${typeof key === "string" ? key : JSON.stringify(key)})`);
  }

  /** Returns what ran since the last call, and clears the log. */
  take(): string[] {
    const taken = this.entries;
    this.entries = [];
    return taken;
  }
}
