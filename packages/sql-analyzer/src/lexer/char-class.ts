/** Class bit: may start an unquoted identifier (letters, `_`). */
export const IDENT_START = 1;
/** Class bit: may continue an unquoted identifier (letters, digits, `_`, `$`). */
export const IDENT_PART = 2;
/** Class bit: an ASCII digit. */
export const DIGIT = 4;
/** Class bit: whitespace. */
export const SPACE = 8;
/** Class bit: may be part of an operator (PostgreSQL's operator characters). */
export const OP_CHAR = 16;

/** Class bit: an operator character that is an operator on its own in every dialect when no operator character follows (`* = < > + - / %`). */
export const ONE_CHAR_OPERATOR = 32;

/** Class bits for code units 0–127; code units ≥ 128 are identifier characters. */
export const CHAR_CLASS = new Uint8Array(128);

for (let c = 0; c < 128; c++) {
  let bits = 0;
  const ch = String.fromCharCode(c);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) bits |= IDENT_START | IDENT_PART;
  if (c >= 48 && c <= 57) bits |= DIGIT | IDENT_PART;
  if (c === 36) bits |= IDENT_PART; // `$` inside identifiers (PostgreSQL, MySQL)
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) bits |= SPACE;
  if ("+-*/<>=~!@#%^&|`?".includes(ch)) bits |= OP_CHAR;
  if ("*=<>+-/%".includes(ch)) bits |= ONE_CHAR_OPERATOR;
  CHAR_CLASS[c] = bits;
}

/** Whether a code unit may start an unquoted identifier. */
export function isIdentStart(c: number): boolean {
  return c >= 128 ? c !== 0xfeff && c !== 0xa0 : (CHAR_CLASS[c]! & IDENT_START) !== 0;
}

/** Whether a code unit may continue an unquoted identifier. */
export function isIdentPart(c: number): boolean {
  return c >= 128 ? c !== 0xfeff && c !== 0xa0 : (CHAR_CLASS[c]! & IDENT_PART) !== 0;
}

/** For ASCII code units that continue an unquoted word: the unit lower-cased; 0 for the others. */
export const WORD_PART_FOLDED = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isIdentPart(c)) WORD_PART_FOLDED[c] = c >= 65 && c <= 90 ? c + 32 : c;
