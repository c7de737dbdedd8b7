import { diagnostic, type Diagnostic } from "../diagnostic.js";
import { readToml } from "./toml-lite.js";

/** The validated contents of `cairom.toml`. */
export interface Manifest {
  /** Project (crate) name. */
  readonly name: string;
  /** Informational version. Defaults to `"0.1.0"`. */
  readonly version: string;
  /** Entry-point file as written (relative to `src/`, or starting with `src/`, or absolute). */
  readonly entryPoint: string;
}

/** Result of validating a manifest: the manifest when usable, and one diagnostic per problem. */
export interface ManifestResult {
  /** `undefined` when a required field is missing or invalid. */
  readonly manifest: Manifest | undefined;
  /** Problems, located in the manifest text (code `invalid-manifest`). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and validates `cairom.toml` text: `name` and `entry_point` required strings, `version` optional string. */
export function validateManifest(text: string): ManifestResult {
  if (typeof text !== "string") throw new TypeError(`validateManifest: text must be a string, got ${text === null ? "null" : typeof text}`);
  const doc = readToml(text);
  const diagnostics: Diagnostic[] = doc.errors.map((e) =>
    diagnostic("invalid-manifest", "error", `cairom.toml: ${e.message}`, e.start, e.end),
  );
  const stringField = (key: string, required: boolean, example: string): string | undefined => {
    const entry = doc.root.get(key);
    if (!entry) {
      // A field whose value could not be read is reported there, not also as missing.
      if (required && !doc.unreadable.has(key)) {
        diagnostics.push(
          diagnostic("invalid-manifest", "error", `cairom.toml: missing required field \`${key}\` (a string, e.g. \`${key} = ${example}\`)`, 0, 0),
        );
      }
      return undefined;
    }
    if (typeof entry.value !== "string") {
      diagnostics.push(
        diagnostic("invalid-manifest", "error", `cairom.toml: field \`${key}\` must be a string, e.g. \`${key} = ${example}\``, entry.start, entry.end),
      );
      return undefined;
    }
    if (required && entry.value.trim() === "") {
      diagnostics.push(diagnostic("invalid-manifest", "error", `cairom.toml: field \`${key}\` must not be empty`, entry.start, entry.end));
      return undefined;
    }
    return entry.value;
  };
  const name = stringField("name", true, '"my_project"');
  const version = stringField("version", false, '"0.1.0"');
  const entryPoint = stringField("entry_point", true, '"main.cm"');
  if (entryPoint !== undefined && !entryPoint.endsWith(".cm")) {
    const entry = doc.root.get("entry_point")!;
    diagnostics.push(
      diagnostic("invalid-manifest", "error", "cairom.toml: field `entry_point` must name a `.cm` file, e.g. `entry_point = \"main.cm\"`", entry.start, entry.end),
    );
  }
  const manifest =
    name !== undefined && entryPoint !== undefined && diagnostics.length === 0
      ? { name, version: version ?? "0.1.0", entryPoint }
      : undefined;
  return { manifest, diagnostics };
}
