/**
 * The line break to write after `before` (the text printed last) where the formatter
 * writes `newline`. MySQL and SQLite end a line comment at a line feed only, so a comment
 * that ends in a lone carriage return (`# c\r` before `\r\n`: a file whose CRLF breaks
 * were converted twice) keeps it; an LF written after it would make that CR the start of a
 * CRLF break, and formatting again would see another comment. Such a comment gets a CRLF
 * break, which keeps its text.
 */
export function lineBreakAfter(before: string | undefined, newline: string): string {
  return newline === "\n" && before !== undefined && before.charCodeAt(before.length - 1) === 13 ? "\r\n" : newline;
}
