/**
 * POSIX-style path helpers for the analyzer's virtual paths. Paths are absolute and use
 * `/` (the host converts OS paths, e.g. Windows ones, before calling the service).
 */

/** Collapses `//`, `.` and `..` segments; keeps a leading `/`. */
export function normalizePath(path: string): string {
  // Every request and edit passes through here: a JavaScript caller's non-string gets a
  // sentence instead of "cannot read properties of null" from deep inside.
  if (typeof path !== "string") throw new TypeError(`a path must be a string, got ${path === null ? "null" : typeof path}`);
  // Fast path: already normal (absolute, no empty, `.` or `..` segments, no trailing `/`).
  if (path.length > 1 && path[0] === "/" && !path.endsWith("/") && !path.includes("//") && !path.includes("/.")) return path;
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(seg);
  }
  return (absolute ? "/" : "") + out.join("/");
}

/** The parent directory (`/` for top-level entries). */
export function dirname(path: string): string {
  const i = path.lastIndexOf("/");
  if (i <= 0) return "/";
  return path.slice(0, i);
}

/** The last segment. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Joins and normalizes segments. */
export function joinPath(...parts: string[]): string {
  return normalizePath(parts.join("/"));
}

/** The path of `path` relative to directory `from`, or `undefined` when it is not inside it. */
export function relativeInside(from: string, path: string): string | undefined {
  const prefix = from.endsWith("/") ? from : `${from}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
