/**
 * A string that remembers, for each of its UTF-16 code units, the offset in the
 * original input it came from. Every normalization step maps it to a new
 * `MappedText`, so token spans found after normalization point back into what the
 * caller passed.
 */
export interface MappedText {
  /** The current text. */
  readonly text: string;
  /** `origin[i]` is the offset in the original input of `text[i]`; one extra entry holds the end. */
  readonly origin: Int32Array;
}

/** Starts a mapping in which every code unit maps to itself. */
export function identityText(text: string): MappedText {
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = i;
  return { text, origin };
}

/**
 * Applies a per-code-point transformation (`normalize`, `toLowerCase`). Each output
 * unit maps to the start of the code point it came from. When transforming code points
 * one by one gives a different string than transforming the whole text (composition
 * across code points, final sigma), the whole-text result wins and offsets are spread
 * proportionally: the text must equal what other tokenizers compute, offsets are only
 * explanations.
 */
export function mapCodePoints(input: MappedText, transform: (text: string) => string): MappedText {
  const whole = transform(input.text);
  if (whole === input.text) return input;
  let out = "";
  const origin: number[] = [];
  const source = input.text;
  for (let i = 0; i < source.length; ) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const piece = transform(source.slice(i, i + width));
    out += piece;
    for (let k = 0; k < piece.length; k++) origin.push(input.origin[i]!);
    i += width;
  }
  if (out !== whole) return proportional(input, whole);
  origin.push(input.origin[source.length]!);
  return { text: out, origin: Int32Array.from(origin) };
}

function proportional(input: MappedText, text: string): MappedText {
  const origin = new Int32Array(text.length + 1);
  const scale = text.length === 0 ? 0 : input.text.length / text.length;
  for (let i = 0; i < text.length; i++) origin[i] = input.origin[Math.min(input.text.length, Math.floor(i * scale))]!;
  origin[text.length] = input.origin[input.text.length]!;
  return { text, origin };
}

/**
 * Replaces every match of a global regular expression by `content`; the replacement
 * maps to the start of the match, and the end of the match keeps its own offset.
 */
export function replaceMatches(input: MappedText, pattern: RegExp, content: string): MappedText {
  let out = "";
  const origin: number[] = [];
  let last = 0;
  const source = input.text;
  for (const match of source.matchAll(pattern)) {
    const start = match.index;
    for (let i = last; i < start; i++) origin.push(input.origin[i]!);
    out += source.slice(last, start) + content;
    for (let k = 0; k < content.length; k++) origin.push(input.origin[start]!);
    last = start + match[0].length;
  }
  if (last === 0 && out === "") return input;
  for (let i = last; i < source.length; i++) origin.push(input.origin[i]!);
  out += source.slice(last);
  origin.push(input.origin[source.length]!);
  return { text: out, origin: Int32Array.from(origin) };
}
