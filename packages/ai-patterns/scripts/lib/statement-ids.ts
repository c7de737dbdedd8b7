import { prepareInput } from "../../src/classifier/prepare-input.js";
import { tokenizeForModel } from "../../src/classifier/model-input.js";
import { scriptStatements } from "../../src/classifier/script-statements.js";
import type { SqlTokenizer } from "../../src/tokenizer/sql-tokenizer.js";

/**
 * Token ids of a text as the classifier scores it: the whole text, plus one id list per
 * statement when it is a script of statements each ended by `;` (the classifier then
 * takes the highest statement's score; see src/classifier/script-statements.ts).
 */
export function modelIds(tokenizer: SqlTokenizer, text: string): { whole: number[]; statements?: number[][] } {
  const mapped = prepareInput(text).mapped;
  const input = tokenizeForModel(tokenizer, mapped.text);
  const whole = input.tokens.map((t) => t.id);
  const statements = scriptStatements(mapped, input.markers)?.map((part) => tokenizeForModel(tokenizer, part.text).tokens.map((t) => t.id));
  return statements ? { whole, statements } : { whole };
}
