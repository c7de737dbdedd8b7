import type { HostSyntax } from "./host-syntax.js";
import { goSyntax } from "./syntax-go.js";
import { javaSyntax } from "./syntax-java.js";
import { javascriptSyntax } from "./syntax-javascript.js";
import { phpSyntax } from "./syntax-php.js";
import { pythonSyntax } from "./syntax-python.js";
import { rubySyntax } from "./syntax-ruby.js";
import type { LanguageId } from "./types.js";

const ALL: readonly HostSyntax[] = [javascriptSyntax, pythonSyntax, javaSyntax, goSyntax, phpSyntax, rubySyntax];

/** The host syntax that serves a language. */
export function syntaxFor(language: LanguageId): HostSyntax {
  const syntax = ALL.find((s) => s.languages.includes(language));
  if (!syntax) throw new Error(`no host syntax for ${language}`);
  return syntax;
}
