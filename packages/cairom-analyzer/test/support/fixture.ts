import { InMemoryFileSystem } from "../../src/project/file-system.js";

/** A range annotation written under a line: `// ^^^ text`. */
export interface Annotation {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A parsed fixture: files, the `$0` cursor and the annotations. */
export interface Fixture {
  readonly files: Map<string, string>;
  readonly cursor: { path: string; offset: number } | undefined;
  readonly annotations: Annotation[];
  readonly fs: InMemoryFileSystem;
  /** The first file (where the cursor usually is). */
  readonly main: string;
}

/**
 * Parses a fixture. Several files are separated by `//- /path` lines; without one the
 * text is the standalone file `/main.cm`. `$0` marks the cursor (removed from the text).
 * A line `// ^^^ text` annotates the columns of the carets on the closest line above that
 * is not itself an annotation. Annotations stay in the text (they are comments).
 */
export function parseFixture(source: string): Fixture {
  const files = new Map<string, string>();
  const chunks: [string, string][] = [];
  const lines = source.split("\n");
  let current: string | undefined;
  let buf: string[] = [];
  for (const line of lines) {
    const m = /^\/\/- (\S+)\s*$/.exec(line);
    if (m) {
      if (current !== undefined) chunks.push([current, buf.join("\n")]);
      current = m[1]!;
      buf = [];
      continue;
    }
    buf.push(line);
  }
  chunks.push([current ?? "/main.cm", buf.join("\n")]);
  let cursor: Fixture["cursor"];
  const annotations: Annotation[] = [];
  for (const [path, raw] of chunks) {
    let text = raw;
    const at = text.indexOf("$0");
    if (at >= 0) {
      cursor = { path, offset: at };
      text = text.slice(0, at) + text.slice(at + 2);
    }
    files.set(path, text);
    const fileLines = text.split("\n");
    let offset = 0;
    const starts = fileLines.map((l) => {
      const s = offset;
      offset += l.length + 1;
      return s;
    });
    let target = -1;
    fileLines.forEach((line, i) => {
      const m = /^(\s*\/\/\s*)(\^+)\s?(.*)$/.exec(line);
      if (m && target >= 0) {
        const col = m[1]!.length;
        const targetLine = fileLines[target]!;
        // Clamped to the target line, so a mark under a short line (`}`) stays on it.
        const begin = Math.min(col, targetLine.length);
        const end = Math.min(col + m[2]!.length, targetLine.length);
        annotations.push({ path, start: starts[target]! + begin, end: starts[target]! + end, text: m[3]!.trim() });
        return;
      }
      target = i;
    });
  }
  const fs = new InMemoryFileSystem();
  for (const [p, t] of files) fs.writeFile(p, t);
  return { files, cursor, annotations, fs, main: chunks[0]![0] };
}

/** Parses `severity[code]: message` (message optional); `undefined` for other annotation texts. */
export function parseDiagnosticAnnotation(text: string): { severity: string; code: string; message: string | undefined } | undefined {
  const m = /^(error|warning|info|hint)\[([a-z0-9-]+)\](?::\s*(.*))?$/.exec(text);
  if (!m) return undefined;
  return { severity: m[1]!, code: m[2]!, message: m[3] };
}
