// The request loop the test children share: JSON lines on stdin ({ id, op, ...args }), each
// answered by one JSON line on stdout ({ id, result } or { id, error }).
import { createInterface } from "node:readline";

/** Answers every stdin command with `handlers[op](args)` until stdin ends. */
export async function serveCommands(handlers) {
  for await (const line of createInterface({ input: process.stdin })) {
    const { id, op, ...args } = JSON.parse(line);
    try {
      const result = await handlers[op](args);
      process.stdout.write(JSON.stringify({ id, result: result === undefined ? null : result }) + "\n");
    } catch (error) {
      process.stdout.write(JSON.stringify({ id, error: String(error) }) + "\n");
    }
  }
}
