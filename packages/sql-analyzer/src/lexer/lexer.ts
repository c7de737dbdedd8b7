import { isDialect, type Dialect } from "../dialect.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { FOLD_HASH_PRIME, FOLD_HASH_SEED, MAX_PACKED_LENGTH, MAX_SHARED_LENGTH, foldHash, internFoldedWord, internPackedWord, internSlice, internWord, lastSlot, lowerWord } from "../syntax/token-cache.js";
import { CHAR_CLASS, DIGIT, OP_CHAR, SPACE, WORD_PART_FOLDED, isIdentPart, isIdentStart } from "./char-class.js";

/** Token flag: the token runs to the end of input without its closing delimiter. */
export const FLAG_UNTERMINATED = 1;
/** Token flag: the token is another dialect's syntax (a `backtick` identifier in PostgreSQL). */
export const FLAG_OTHER_DIALECT = 2;
/** Token flag: a number with name characters stuck to it (`123abc`, PostgreSQL's "trailing junk"). */
export const FLAG_TRAILING_JUNK = 4;
/** Token flag: a hexadecimal or bit string with a digit its base lacks or (hexadecimal) an odd number of digits (`x'0'`, `X'0G'`, `b'102'`: SQLite and MySQL refuse it). */
export const FLAG_BAD_HEX_STRING = 8;
/** Token flag: a zero-length quoted identifier (`""`), which PostgreSQL refuses. */
export const FLAG_EMPTY_IDENTIFIER = 16;

/**
 * A hand-written, allocation-light SQL scanner. One call to `next()` scans one
 * token (trivia included) starting at `pos`; `start`/`pos` bracket it. Works on
 * UTF-16 code units with `charCodeAt` only: no regular expressions in the hot path.
 *
 * The lexer is nearly context-free on purpose: the statement splitter and the
 * incremental reparser rely on "a token boundary after `;` is a fresh start".
 */
export class Lexer {
  /** Start offset of the token just scanned. */
  start = 0;
  /** Flags of the token just scanned (`FLAG_UNTERMINATED`). */
  flags = 0;
  /** Whether the word just scanned contained an ASCII upper-case letter. */
  hasUpper = false;
  /** `foldHash` of the word just scanned (so interning it needs no second pass over its characters). */
  wordHash = 0;
  /**
   * Whether the word just scanned is all ASCII, so that for words of at most
   * eight characters `wordPackHi`/`wordPackLo` spell it exactly (see `internPackedWord`).
   */
  wordAscii = false;
  /** The folded characters of the word just scanned before its last four, one byte each (see `wordAscii`). */
  wordPackHi = 0;
  /** The last four folded characters of the word just scanned, one byte each (see `wordAscii`). */
  wordPackLo = 0;
  /**
   * Where the current statement segment starts (the splitter moves it): the few
   * tokens decided by the character before them (`lbl:LOOP`, a psql `:variable`)
   * never look before it, so a segment lexes the same alone as inside its file.
   */
  floor: number;
  /**
   * MySQL: inside an executable comment (`/*!` or `/*!50100`, up to the closing star-slash),
   * whose content MySQL runs as code. The opening `/*!NNNNN` and the closing star-slash are
   * `BlockComment` tokens and the content is lexed as ordinary tokens between them. The splitter closes it at each
   * statement boundary, so a segment lexes the same alone as inside its file.
   */
  executableComment = false;
  /**
   * PostgreSQL: the text is the inside of a `'…'` string (a routine body written in quotes), where
   * every quote of the code is written twice: `''` opens and closes a string, `''''` is a quote in
   * one. Tokens keep their host offsets, so the tree stays lossless over the host text.
   */
  doubledQuotes = false;
  private postgres: boolean;
  /** Whether the dialect is MySQL (backslash escapes in strings: `SignificantTokens.scanNext` leaves those to `next()`). */
  mysql: boolean;
  private sqlite: boolean;

  constructor(
    /** The whole text (replaced by `reset`). */
    public text: string,
    public dialect: Dialect,
    /** Offset of the next token to scan. */
    public pos = 0,
    /** Offset at which input ends (defaults to the text length). */
    // `?.`: a JavaScript caller's non-string text reaches the check below, not a TypeError here.
    public end: number = (text as string | null | undefined)?.length ?? 0,
  ) {
    checkLexerInput("Lexer", text, dialect, pos, end);
    this.floor = pos;
    this.postgres = dialect === "postgres";
    this.mysql = dialect === "mysql";
    this.sqlite = dialect === "sqlite";
  }

  /** Starts over on `text[pos, end)`, as a new lexer would (a recycled lexer is one object less per parse). */
  reset(text: string, dialect: Dialect, pos: number, end: number): void {
    this.text = text;
    this.pos = pos;
    this.end = end;
    this.floor = pos;
    this.executableComment = false;
    if (dialect !== this.dialect) {
      this.dialect = dialect;
      this.postgres = dialect === "postgres";
      this.mysql = dialect === "mysql";
      this.sqlite = dialect === "sqlite";
    }
  }

  /** Scans the next token; returns `SyntaxKind.Eof` at the end. */
  next(): SyntaxKind {
    const text = this.text;
    const end = this.end;
    let p = this.pos;
    this.start = p;
    this.flags = 0;
    if (p >= end) return SyntaxKind.Eof;
    const c = text.charCodeAt(p);
    const cls = c < 128 ? CHAR_CLASS[c]! : 0;

    if (cls & SPACE) {
      p++;
      while (p < end) {
        const d = text.charCodeAt(p);
        if (d < 128 && CHAR_CLASS[d]! & SPACE) p++;
        else break;
      }
      this.pos = p;
      return SyntaxKind.Whitespace;
    }

    // Words, and the string prefixes E'' B'' X'' N'' U&'' that start like words.
    if (c >= 128 ? isIdentStart(c) : cls & 1) {
      const next = p + 1 < end ? text.charCodeAt(p + 1) : 0;
      if (next === 39 /* ' */) {
        const lower = c | 0x20;
        if (lower === 101 /* e */ && this.postgres) return this.quoted(p + 1, 39, true, SyntaxKind.String);
        if ((lower === 98 && !this.sqlite) || lower === 120 /* b x: SQLite has no bit strings */) {
          const kind = this.quoted(p + 1, 39, false, SyntaxKind.String);
          // SQLite and MySQL read X'…' as bytes (an even number of hexadecimal digits), MySQL B'…' as bits.
          if (!this.postgres && !(this.flags & FLAG_UNTERMINATED) && !(lower === 120 ? /^(?:[0-9a-fA-F]{2})*$/ : /^[01]*$/).test(text.slice(p + 2, this.pos - 1))) this.flags |= FLAG_BAD_HEX_STRING;
          return kind;
        }
        if (lower === 110 /* n */ && !this.sqlite) return this.quoted(p + 1, 39, this.mysql, SyntaxKind.String);
      }
      if (
        (c === 117 || c === 85) /* u */ &&
        next === 38 /* & */ &&
        this.postgres &&
        p + 2 < end
      ) {
        const q = text.charCodeAt(p + 2);
        if (q === 39) return this.quoted(p + 2, 39, false, SyntaxKind.String);
        if (q === 34) return this.quoted(p + 2, 34, false, SyntaxKind.QuotedIdent);
      }
      let upper = c >= 65 && c <= 90;
      let ascii = c < 128;
      let lo = upper ? c + 32 : c;
      let hi = 0;
      let h = Math.imul(FOLD_HASH_SEED ^ lo, FOLD_HASH_PRIME);
      p++;
      while (p < end) {
        const d = text.charCodeAt(p);
        let folded: number;
        if (d < 128) {
          // One table read: 0 ends the word, else the character lower-cased.
          folded = WORD_PART_FOLDED[d]!;
          if (folded === 0) break;
          if (folded !== d) upper = true;
        } else if (!isIdentPart(d)) break;
        else {
          folded = d;
          ascii = false;
        }
        h = Math.imul(h ^ folded, FOLD_HASH_PRIME);
        // The pack: a byte per character, the last eight kept (exact for short ASCII words).
        hi = (hi << 8) | (lo >>> 24);
        lo = (lo << 8) | folded;
        p++;
      }
      this.hasUpper = upper;
      this.wordHash = h;
      this.wordAscii = ascii;
      this.wordPackHi = hi;
      this.wordPackLo = lo;
      this.pos = p;
      return SyntaxKind.Word;
    }

    if (cls & DIGIT) return this.mysql ? this.mysqlNumberOrWord(p) : this.number(p);

    switch (c) {
      case 39: // '
        return this.quoted(p, 39, this.mysql, SyntaxKind.String);
      case 34: // "
        if (this.mysql) return this.quoted(p, 34, true, SyntaxKind.String);
        this.quoted(p, 34, false, SyntaxKind.QuotedIdent);
        // `""`: "zero-length delimited identifier" in PostgreSQL (SQLite takes it).
        if (this.postgres && this.pos === p + 2) this.flags |= FLAG_EMPTY_IDENTIFIER;
        return SyntaxKind.QuotedIdent;
      case 96: // `
        if (!this.postgres) return this.quoted(p, 96, false, SyntaxKind.QuotedIdent);
        if (this.backtickIdentAhead(p)) {
          // A MySQL-style `name` in PostgreSQL: scanned as an identifier, flagged for a wrong-dialect diagnostic.
          this.quoted(p, 96, false, SyntaxKind.QuotedIdent);
          this.flags |= FLAG_OTHER_DIALECT;
          return SyntaxKind.QuotedIdent;
        }
        break;
      case 40:
        this.pos = p + 1;
        return SyntaxKind.LParen;
      case 41:
        this.pos = p + 1;
        return SyntaxKind.RParen;
      case 44:
        this.pos = p + 1;
        return SyntaxKind.Comma;
      case 59:
        this.pos = p + 1;
        return SyntaxKind.Semicolon;
      case 91: // [
        if (this.sqlite) return this.bracketIdent(p);
        this.pos = p + 1;
        return SyntaxKind.LBracket;
      case 93:
        this.pos = p + 1;
        return SyntaxKind.RBracket;
      case 123:
        this.pos = p + 1;
        return SyntaxKind.LBrace;
      case 125:
        this.pos = p + 1;
        return SyntaxKind.RBrace;
      case 46: // .
        if (p + 1 < end && (CHAR_CLASS[text.charCodeAt(p + 1)] ?? 0) & DIGIT) {
          // MySQL: right after an unquoted name, `.5` and `.2fa` are a dot and a name (`t.5`,
          // `t.2fa_enabled`), as MySQL's lexer reads a name after a name and a dot.
          if (this.mysql && p > this.floor && isIdentPart(text.charCodeAt(p - 1))) {
            this.pos = p + 1;
            return SyntaxKind.Dot;
          }
          return this.number(p);
        }
        this.pos = p + 1;
        return SyntaxKind.Dot;
      case 58: // :
        if (p + 1 < end && text.charCodeAt(p + 1) === 58) {
          this.pos = p + 2;
          return SyntaxKind.DoubleColon;
        }
        if (this.postgres && p + 1 < end) {
          // psql variables: `:'name'` and `:"name"` (quoted), and `:name` where no array
          // slice can be meant (`a[1:n]`, `a[:n]`, `f(x):y` keep their colon).
          const d = text.charCodeAt(p + 1);
          if (d === 39 || d === 34) {
            this.quoted(p + 1, d, false, SyntaxKind.String);
            return SyntaxKind.Param;
          }
          if (isIdentStart(d) && !(p > this.floor && endsOperand(text.charCodeAt(p - 1)))) return this.wordParam(p + 1);
        }
        // `:name` is a placeholder, except right after a word in MySQL: `lbl:LOOP` is a label.
        // SQLite's name may start with a digit (`:1`), as any of its parameter names.
        if (!this.postgres && p + 1 < end && (this.sqlite ? isIdentPart(text.charCodeAt(p + 1)) : isIdentStart(text.charCodeAt(p + 1))) && !(this.mysql && p > this.floor && isIdentPart(text.charCodeAt(p - 1))))
          return this.wordParam(p + 1);
        if (p + 1 < end && text.charCodeAt(p + 1) === 61 /* := */) {
          this.pos = p + 2;
          return SyntaxKind.Operator;
        }
        this.pos = p + 1;
        return SyntaxKind.Colon;
      case 36: // $
        return this.dollar(p);
      case 45: // -
        if (p + 1 < end && text.charCodeAt(p + 1) === 45) {
          if (!this.mysql || p + 2 >= end || text.charCodeAt(p + 2) <= 32) return this.lineComment(p);
        }
        break;
      case 47: // /
        // SQLite: `/*` as the text's last two characters is `/` and `*`, no comment.
        if (p + 1 < end && text.charCodeAt(p + 1) === 42 && !(this.sqlite && p + 2 >= end)) {
          if (this.mysql && p + 2 < end && text.charCodeAt(p + 2) === 33 /* ! */) return this.executableCommentStart(p);
          return this.blockComment(p);
        }
        break;
      case 42: // *
        // The star-slash that closes a MySQL executable comment (a comment token, like its `/*!`).
        if (this.executableComment && p + 1 < end && text.charCodeAt(p + 1) === 47) {
          this.executableComment = false;
          this.pos = p + 2;
          return SyntaxKind.BlockComment;
        }
        break;
      case 35: // #
        if (this.mysql) return this.lineComment(p);
        // SQLite: `#name` is a parameter, as `:name`, `@name` and `$name` are (`#1`, a register
        // of SQLite's own nested statements, is not).
        if (this.sqlite && p + 1 < end && isIdentPart(text.charCodeAt(p + 1)) && !(CHAR_CLASS[text.charCodeAt(p + 1)]! & DIGIT)) return this.wordParam(p + 1);
        break;
      case 63: // ?
        if (!this.postgres) {
          p++;
          while (p < end && (CHAR_CLASS[text.charCodeAt(p)] ?? 0) & DIGIT) p++;
          this.pos = p;
          return SyntaxKind.Param;
        }
        // PostgreSQL: a `?` that starts a run of operator characters is an operator like
        // any other (jsonb's `?|` and `?&`, ltree's `?@>`); a lone `?` stays its own token
        // (never merged into `=?`) so `id=?` placeholders in embedded SQL work.
        if (p + 1 < end) {
          const d = text.charCodeAt(p + 1);
          if (d < 128 && (CHAR_CLASS[d]! & OP_CHAR) !== 0 && d !== 45 && d !== 47) return this.operator(p);
        }
        this.pos = p + 1;
        return SyntaxKind.Operator;
      case 92: // \
        // A client command: psql's meta-commands run to the end of the line; the mysql
        // client's `\g` / `\G` are two characters (a statement terminator), its other
        // commands (`\u db`, `\. file`) run to the end of the line.
        // psql's `\;` is two characters: it ends a statement without sending it, and the next
        // one may follow on the same line (`select 1 \; select 2;` is sent as one request).
        if (this.postgres && p + 1 < end && text.charCodeAt(p + 1) === 59) {
          this.pos = p + 2;
          return SyntaxKind.ClientCommand;
        }
        if (this.postgres) return this.clientCommandLine(p);
        if (this.mysql && p + 1 < end) {
          const d = text.charCodeAt(p + 1);
          if (d === 103 || d === 71) {
            this.pos = p + 2;
            return SyntaxKind.ClientCommand;
          }
          if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || d === 46 || d === 33) return this.clientCommandLine(p);
        }
        break;
      case 64: // @
        if (this.postgres) {
          // An extension script's placeholder, which CREATE EXTENSION replaces before it runs
          // the script: `@extschema@`, `@extowner@`, `@extschema:name@` (a name, like a psql variable).
          const placeholderEnd = extensionPlaceholderEnd(text, p, end);
          if (placeholderEnd > 0) {
            this.pos = placeholderEnd;
            return SyntaxKind.Param;
          }
        } else {
          if (this.mysql && p + 1 < end && text.charCodeAt(p + 1) === 64) {
            let after = this.scanVariablePart(p + 2);
            // @@session.sql_mode, @@global.x, @@`x`
            while (after > p + 2 && after + 1 < end && text.charCodeAt(after) === 46 && (isIdentStart(text.charCodeAt(after + 1)) || text.charCodeAt(after + 1) === 96)) {
              const next = this.scanVariablePart(after + 1);
              if (next === after + 1) break;
              after = next;
            }
            if (after > p + 2) {
              this.pos = after;
              return SyntaxKind.Variable;
            }
          }
          if (p + 1 < end) {
            const d = text.charCodeAt(p + 1);
            if (isIdentPart(d)) {
              if (!this.mysql) return this.wordParam(p + 1);
              // A MySQL user variable's name may hold dots: `@sys.statement_truncate_len`.
              let after = this.scanWord(p + 1);
              while (after + 1 < end && text.charCodeAt(after) === 46 && isIdentPart(text.charCodeAt(after + 1))) after = this.scanWord(after + 1);
              this.pos = after;
              return SyntaxKind.Param;
            }
            if (this.mysql && (d === 39 || d === 34 || d === 96)) {
              this.quoted(p + 1, d, d !== 96, SyntaxKind.String);
              return SyntaxKind.Param;
            }
          }
        }
        break;
    }

    if (cls & OP_CHAR) return this.operator(p);
    this.pos = p + (c >= 0xd800 && c <= 0xdbff && p + 1 < end ? 2 : 1);
    return SyntaxKind.Unknown;
  }

  /** A client command from `p` to the end of its line (the line break not included). */
  private clientCommandLine(p: number): SyntaxKind {
    this.pos = lineEnd(this.text, p + 1, this.end);
    return SyntaxKind.ClientCommand;
  }

  private backtickIdentAhead(p: number): boolean {
    const text = this.text;
    let q = p + 1;
    if (q >= this.end || !isIdentStart(text.charCodeAt(q))) return false;
    while (q < this.end) {
      const c = text.charCodeAt(q);
      if (c === 96) return true;
      if (c === 10 || c === 13) return false;
      q++;
    }
    return false;
  }

  private scanWord(p: number): number {
    const text = this.text;
    while (p < this.end && isIdentPart(text.charCodeAt(p))) p++;
    return p;
  }

  /** A part of a MySQL system variable's name from `p`: a word or a `quoted` name (its end; `p` if there is none). */
  private scanVariablePart(p: number): number {
    const text = this.text;
    if (p >= this.end || text.charCodeAt(p) !== 96) return this.scanWord(p);
    for (let q = p + 1; q < this.end; q++) {
      if (text.charCodeAt(q) !== 96) continue;
      if (q + 1 < this.end && text.charCodeAt(q + 1) === 96) q++;
      else return q > p + 1 ? q + 1 : p;
    }
    return p;
  }

  private wordParam(p: number): SyntaxKind {
    this.pos = this.scanWord(p);
    return SyntaxKind.Param;
  }

  private number(p: number): SyntaxKind {
    const text = this.text;
    const end = this.end;
    const start = p;
    const c = text.charCodeAt(p);
    if (c === 48 && p + 1 < end) {
      const x = text.charCodeAt(p + 1) | 0x20;
      if (x === 120 || x === 98 || x === 111) {
        // 0x1F, 0b101, 0o17 (and MySQL's 0x'…'-free hex)
        let q = p + 2;
        while (q < end && isIdentPart(text.charCodeAt(q))) q++;
        if (q > p + 2) {
          // PostgreSQL: a digit the base does not have is trailing junk (`0x1fg`, `0b102`).
          if ((this.postgres || this.sqlite) && !(x === 120 ? /^[0-9a-f_]*$/i : this.postgres && x === 98 ? /^[01_]*$/ : this.postgres ? /^[0-7_]*$/ : /^$/).test(text.slice(p + 2, q))) this.flags |= FLAG_TRAILING_JUNK;
          this.pos = q;
          return SyntaxKind.Number;
        }
      }
    }
    let underscore = false;
    while (p < end) {
      const d = text.charCodeAt(p);
      if (d >= 48 && d <= 57) p++;
      else if (d === 95) {
        underscore = true;
        p++;
      } else break;
    }
    if (p < end && text.charCodeAt(p) === 46 && !(p + 1 < end && text.charCodeAt(p + 1) === 46)) {
      p++;
      while (p < end) {
        const d = text.charCodeAt(p);
        if (d >= 48 && d <= 57) p++;
        else if (d === 95) {
          underscore = true;
          p++;
        } else break;
      }
    }
    if (p < end && (text.charCodeAt(p) | 0x20) === 101) {
      let q = p + 1;
      const sign = q < end ? text.charCodeAt(q) : 0;
      if (sign === 43 || sign === 45) q++;
      if (q < end && (CHAR_CLASS[text.charCodeAt(q)] ?? 0) & DIGIT) {
        p = q;
        while (p < end && ((CHAR_CLASS[text.charCodeAt(p)] ?? 0) & DIGIT || (!this.mysql && text.charCodeAt(p) === 95))) {
          if (text.charCodeAt(p) === 95) underscore = true;
          p++;
        }
      }
    }
    if ((this.postgres || this.sqlite) && p < end && isIdentStart(text.charCodeAt(p))) {
      // PostgreSQL (15 and later) and SQLite reject a number with name characters stuck to it;
      // the whole run is one token, so the error covers it and no alias is read into it.
      while (p < end && isIdentPart(text.charCodeAt(p))) p++;
      this.flags |= FLAG_TRAILING_JUNK;
    } else if (underscore && (this.postgres || this.sqlite) && /(^|[^0-9])_|_(?![0-9])/.test(text.slice(start, p))) {
      this.flags |= FLAG_TRAILING_JUNK; // an underscore only separates digits: `1_000`, not `1_` or `1__0`
    }
    this.pos = p;
    return SyntaxKind.Number;
  }

  /**
   * MySQL: a run of identifier characters that starts with a digit is a name unless it is a
   * number (`1a20`, `2fa_enabled`, `0x1fg`, `12$` are names; `12`, `0x1F`, `0b101`, `1e5`,
   * `1e+5`, `1.5` are numbers).
   */
  private mysqlNumberOrWord(p: number): SyntaxKind {
    const text = this.text;
    const end = this.end;
    let q = p;
    let digitsOnly = true;
    for (let d = text.charCodeAt(q); q < end && isIdentPart(d); d = text.charCodeAt(++q)) if (d < 48 || d > 57) digitsOnly = false;
    // After a name and a dot (`t.5`, `t.1e5`: see the `.` case) the run is a name, digits or not.
    const afterNameDot = p > this.floor + 1 && text.charCodeAt(p - 1) === 46 && isIdentPart(text.charCodeAt(p - 2));
    if (digitsOnly && !afterNameDot) return this.number(p); // `12`, `1.5`, `12e+3`: the common case, no pattern tests
    const run = text.slice(p, q);
    if (!afterNameDot && (/^0x[0-9a-fA-F]+$/.test(run) || /^0b[01]+$/.test(run) || /^[0-9]+[eE][0-9]+$/.test(run))) return this.number(p);
    // `1e+5`: the sign ends the run after an exponent's `e`.
    if (!afterNameDot && /^[0-9]+[eE]$/.test(run) && q + 1 < end && (text.charCodeAt(q) === 43 || text.charCodeAt(q) === 45) && (CHAR_CLASS[text.charCodeAt(q + 1)] ?? 0) & DIGIT) return this.number(p);
    this.hasUpper = /[A-Z]/.test(run);
    this.wordHash = foldHash(text, p, q);
    this.wordAscii = false; // no pack: interned by comparing characters
    this.pos = q;
    return SyntaxKind.Word;
  }

  /** Scans a quoted token opened by `quote` at `open`; a doubled quote escapes it. */
  private quoted(open: number, quote: number, backslash: boolean, kind: SyntaxKind): SyntaxKind {
    if (quote === 39 && this.doubledQuotes) return this.doubledQuoted(open, backslash, kind);
    const text = this.text;
    const end = this.end;
    let p = open + 1;
    for (;;) {
      if (p >= end) return this.unterminated(kind);
      const d = text.charCodeAt(p);
      if (d === quote) {
        if (p + 1 < end && text.charCodeAt(p + 1) === quote) {
          p += 2;
          continue;
        }
        this.pos = p + 1;
        return kind;
      }
      if (d === 92 /* \ */ && backslash) p += 2;
      else p++;
    }
  }

  /** Ends a quoted token that runs to the end of input (flagged `FLAG_UNTERMINATED`). */
  private unterminated(kind: SyntaxKind): SyntaxKind {
    this.flags = FLAG_UNTERMINATED;
    this.pos = this.end;
    return kind;
  }

  /**
   * `quoted` inside a quoted body (`doubledQuotes`): the string opens with `''` at `open`, a quote
   * in it is `''''` (or `\''` where backslashes escape), and `''` closes it. A lone `'` cannot
   * occur (it would have closed the host's string); one is read as a whole delimiter all the same.
   */
  private doubledQuoted(open: number, backslash: boolean, kind: SyntaxKind): SyntaxKind {
    const text = this.text;
    const end = this.end;
    const unit = (at: number): number => (at + 1 < end && text.charCodeAt(at + 1) === 39 ? 2 : 1);
    let p = open + unit(open);
    for (;;) {
      if (p >= end) return this.unterminated(kind);
      const d = text.charCodeAt(p);
      if (d === 39) {
        const first = unit(p);
        if (p + first < end && text.charCodeAt(p + first) === 39) {
          p += first + unit(p + first);
          continue;
        }
        this.pos = p + first;
        return kind;
      }
      if (d === 92 /* \ */ && backslash) p += p + 1 < end && text.charCodeAt(p + 1) === 39 ? 1 + unit(p + 1) : 2;
      else p++;
    }
  }

  private bracketIdent(p: number): SyntaxKind {
    const close = this.text.indexOf("]", p + 1);
    if (close < 0 || close >= this.end) {
      this.flags = FLAG_UNTERMINATED;
      this.pos = this.end;
    } else this.pos = close + 1;
    return SyntaxKind.QuotedIdent;
  }

  private lineComment(p: number): SyntaxKind {
    if (this.postgres) {
      this.pos = lineEnd(this.text, p, this.end);
      return SyntaxKind.LineComment;
    }
    // SQLite and MySQL end a line comment at a line feed only: a lone carriage return (a
    // classic Mac line end) stays inside it. The `\r` of a CRLF is the line break's, as in
    // PostgreSQL, so CRLF files lex alike in every dialect.
    const text = this.text;
    const end = this.end;
    let q = p;
    while (q < end && text.charCodeAt(q) !== 10) q++;
    this.pos = q > p && q < end && text.charCodeAt(q - 1) === 13 ? q - 1 : q;
    return SyntaxKind.LineComment;
  }

  /**
   * MySQL's executable comment at `p` (`/*!`): MySQL runs its content as code when the
   * optional five-digit version after the `!` (`/*!50100`: 5.1.0) is not newer than the
   * server. The dialect follows MySQL 8, so a version from 90000 on, and a `/*!` with no
   * closing star-slash after it, stay ordinary comments. Otherwise `/*!NNNNN` is a comment
   * token and what follows it is lexed as code until the star-slash (see `executableComment`).
   */
  private executableCommentStart(p: number): SyntaxKind {
    const text = this.text;
    const end = this.end;
    let q = p + 3;
    // Five digits (`/*!50100`: 5.1.0), or six for a version from 10 on (`/*!100000`), which
    // is newer than MySQL 8 and so a comment.
    while (q < end && q < p + 9 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
    const digits = q - (p + 3);
    if (digits < 5) q = p + 3; // no version: fewer digits are the content's own (`/*!1 + 1`)
    else if (Number(text.slice(p + 3, q)) >= 90000) return this.blockComment(p);
    const close = text.indexOf("*/", q);
    if (close < 0 || close + 2 > end) return this.blockComment(p);
    this.executableComment = true;
    this.pos = q;
    return SyntaxKind.BlockComment;
  }

  private blockComment(p: number): SyntaxKind {
    const text = this.text;
    const end = this.end;
    // PostgreSQL block comments nest; MySQL and SQLite ones do not.
    let depth = 1;
    p += 2;
    while (p < end) {
      const d = text.charCodeAt(p);
      if (d === 42 && p + 1 < end && text.charCodeAt(p + 1) === 47) {
        p += 2;
        if (--depth === 0) {
          this.pos = p;
          return SyntaxKind.BlockComment;
        }
      } else if (d === 47 && this.postgres && p + 1 < end && text.charCodeAt(p + 1) === 42) {
        p += 2;
        depth++;
      } else p++;
    }
    this.flags = FLAG_UNTERMINATED;
    this.pos = end;
    return SyntaxKind.BlockComment;
  }

  private dollar(p: number): SyntaxKind {
    const text = this.text;
    const end = this.end;
    const next = p + 1 < end ? text.charCodeAt(p + 1) : 0;
    if (((next >= 48 && next <= 57) || next === 36) && this.sqlite) {
      // SQLite: `$1a` is one parameter name, as `:1a` is (not `$1` and an alias `a`); `$` is a
      // name character to it, so `$$x` is one too.
      this.pos = this.scanWord(p + 1);
      return SyntaxKind.Param;
    }
    if (next >= 48 && next <= 57) {
      let q = p + 1;
      while (q < end && (CHAR_CLASS[text.charCodeAt(q)] ?? 0) & DIGIT) q++;
      this.pos = q;
      return SyntaxKind.Param;
    }
    if (this.postgres) {
      // $tag$ … $tag$ where the tag is empty or an identifier without `$`.
      let q = p + 1;
      if (q < end && isIdentStart(text.charCodeAt(q))) {
        q++;
        while (q < end) {
          const d = text.charCodeAt(q);
          if (d === 36 || !isIdentPart(d)) break;
          q++;
        }
      }
      if (q < end && text.charCodeAt(q) === 36) {
        const tag = text.slice(p, q + 1);
        const close = text.indexOf(tag, q + 1);
        if (close < 0 || close + tag.length > end) {
          this.flags = FLAG_UNTERMINATED;
          this.pos = end;
        } else this.pos = close + tag.length;
        return SyntaxKind.String;
      }
    } else if (next !== 0 && isIdentStart(next)) {
      // SQLite `$name` parameters; MySQL identifiers may start with `$`.
      const after = this.scanWord(p + 1);
      this.pos = after;
      if (this.mysql) {
        this.hasUpper = /[A-Z]/.test(text.slice(p, after));
        this.wordHash = foldHash(text, p, after);
        this.wordAscii = false; // no pack: interned by comparing characters
        return SyntaxKind.Word;
      }
      return SyntaxKind.Param;
    }
    this.pos = p + 1;
    return SyntaxKind.Unknown;
  }

  /**
   * An operator: the longest run of operator characters, cut before a comment
   * start, and (PostgreSQL's rule) never ending in `+`/`-` unless it also holds
   * one of `~ ! @ # % ^ & | \` ?` — so `a*-1` is `a * -1`.
   */
  private operator(p: number): SyntaxKind {
    const text = this.text;
    const end = this.end;
    const begin = p;
    let special = false;
    while (p < end) {
      const d = text.charCodeAt(p);
      if (d >= 128 || (CHAR_CLASS[d]! & OP_CHAR) === 0) break;
      if (p > begin) {
        if (d === 45 && text.charCodeAt(p - 1) === 45) {
          p--;
          break;
        }
        if (d === 42 && text.charCodeAt(p - 1) === 47) {
          p--;
          break;
        }
        // A `?` after a comparison stays apart (`id=?` is a placeholder); `@?` and `?|` are operators.
        if (d === 63 && isComparisonRun(text, begin, p)) break;
        // MySQL has no `@` operators: `=@@x` is `=` then a variable.
        if (((d === 35 || d === 64) && this.mysql) || (d === 96 && !this.postgres)) break;
        // An extension script's placeholder after an operator: `srid=@extschema@.f(…)`.
        if (d === 64 && this.postgres && extensionPlaceholderEnd(text, p, end) > 0) break;
      }
      if (d === 126 || d === 33 || d === 64 || d === 35 || d === 37 || d === 94 || d === 38 || d === 124 || d === 96 || d === 63) special = true;
      p++;
    }
    if (p <= begin) p = begin + 1;
    if (!special) {
      while (p - begin > 1) {
        const last = text.charCodeAt(p - 1);
        if (last === 43 || last === 45) p--;
        else break;
      }
    }
    this.pos = p;
    return SyntaxKind.Operator;
  }
}

/**
 * The tokens of a text (trivia included) in parallel typed arrays — compact,
 * and cheap to slice into per-statement ranges. `starts[count]` is the end.
 */
export interface TokenStream {
  readonly text: string;
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Uint32Array;
  readonly flags: Uint8Array;
  /**
   * For words: the lower-cased text; for operators: the text; else `undefined`
   * (in the buffers `parse()` fills internally, trivia slots are unspecified).
   */
  readonly words: (string | undefined)[];
  /** The shared text of short tokens (see `internSlice`); `undefined` for long ones. */
  readonly texts: (string | undefined)[];
  /** The intern-table slot of each short token's text (valid where `texts[i]` is set). */
  readonly slots: Int32Array;
}

/** Accumulates tokens into growable typed arrays. */
export class TokenBuffer {
  count = 0;
  kinds: Uint8Array;
  starts: Uint32Array;
  flags: Uint8Array;
  words: (string | undefined)[] = [];
  /** The shared (interned) text of each short token; `undefined` for long ones. */
  texts: (string | undefined)[] = [];
  /** The intern-table slot of each short token's text. */
  slots: Int32Array;

  constructor(
    /** The scanned text (replaced by `reset`). */
    public text: string,
    capacity = 64,
    /**
     * Whether to fill `texts` and `slots` (what `tokenize` returns). The parser
     * needs only `words`, so `parse()` skips interning every other token.
     * Defaults to `true`.
     */
    readonly withTexts = true,
  ) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Uint32Array(capacity + 1);
    this.flags = new Uint8Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  /**
   * Empties the buffer for a new text starting at offset `from`, keeping its
   * arrays: a parse that recycles one buffer allocates no typed arrays, whose
   * off-heap backing stores are costly to create and to collect.
   */
  reset(text: string, from: number): void {
    this.text = text;
    this.count = 0;
    this.starts[0] = from;
  }

  /** Number of tokens the buffer holds without growing. */
  get capacity(): number {
    return this.kinds.length;
  }

  /** Appends the token the lexer just scanned. */
  push(lexer: Lexer, kind: SyntaxKind): void {
    const i = this.count;
    if (i >= this.kinds.length) this.grow();
    this.kinds[i] = kind;
    // Tokens tile the text: this token starts where the previous one ended
    // (`starts[i]` is already written; `reset` writes `starts[0]`).
    this.starts[i + 1] = lexer.pos;
    this.flags[i] = lexer.flags;
    const start = lexer.start;
    const end = lexer.pos;
    if (!this.withTexts) {
      // The parser never reads a trivia token's word: a recycled buffer's slot is
      // left as it was (written only to append, so the array never gets holes).
      if (kind > SyntaxKind.BlockComment || i >= this.words.length)
        this.words[i] =
        kind === SyntaxKind.Word || kind === SyntaxKind.Operator
          ? end - start <= MAX_SHARED_LENGTH
            ? kind === SyntaxKind.Word
              ? lexer.wordAscii && end - start <= MAX_PACKED_LENGTH
                ? internPackedWord(this.text, start, end, lexer.wordPackHi, lexer.wordPackLo)
                : internFoldedWord(this.text, start, end, lexer.wordHash)
              : internWord(this.text, start, end)
            : kind === SyntaxKind.Word
              ? this.text.slice(start, end).toLowerCase()
              : this.text.slice(start, end)
          : undefined;
    } else if (end - start <= MAX_SHARED_LENGTH) {
      const text = internSlice(this.text, start, end);
      this.slots[i] = lastSlot;
      this.texts[i] = text;
      this.words[i] = kind === SyntaxKind.Word ? lowerWord(text, lexer.hasUpper) : kind === SyntaxKind.Operator ? text : undefined;
    } else {
      this.texts[i] = undefined;
      this.words[i] = kind === SyntaxKind.Word ? this.text.slice(start, end).toLowerCase() : kind === SyntaxKind.Operator ? this.text.slice(start, end) : undefined;
    }
    this.count = i + 1;
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.kinds);
    const starts = new Uint32Array(capacity + 1);
    starts.set(this.starts);
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    const slots = new Int32Array(capacity);
    slots.set(this.slots);
    this.slots = slots;
    this.kinds = kinds;
    this.starts = starts;
    this.flags = flags;
  }
}

/**
 * Scans `text[from, to)` into a token stream: every token, whitespace included. The lexer
 * reads the text on its own, so the tokens only the statement splitter makes (COPY data, a
 * mysql `DELIMITER` region's terminators, sqlite3 dot-commands) are ordinary tokens here;
 * a parse's tree has them. The dialect defaults to `"postgres"`, `[from, to)` to the whole
 * text; a text that is not a string, an unknown dialect or a range outside the text is an error.
 */
export function tokenize(text: string, dialect: Dialect = "postgres", from?: number, to?: number): TokenStream {
  const [start, end] = checkLexerInput("tokenize", text, dialect, from, to);
  return scanTokens(text, dialect, start, end, true);
}

/**
 * The `[from, to)` a caller asked a lexer for, checked: wrong arguments are programming
 * errors and get a clear error (a `NaN` end made the lexer fill its token arrays until the
 * process died), never a silently wrong token stream.
 */
function checkLexerInput(caller: string, text: unknown, dialect: unknown, from = 0, to = typeof text === "string" ? text.length : 0): [number, number] {
  if (typeof text !== "string") throw new TypeError(`${caller}: text must be a string, got ${text === null ? "null" : typeof text}`);
  if (!isDialect(dialect)) throw new RangeError(`${caller}: unknown dialect ${JSON.stringify(dialect)} (expected "postgres", "mysql" or "sqlite")`);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > text.length || from > to) {
    throw new RangeError(`${caller}: [${from}, ${to}) is not a range of the text (integers, 0 <= from <= to <= ${text.length})`);
  }
  return [from, to];
}

/** `tokenize`, optionally without `texts`/`slots` (all the parser needs is `words`). */
export function scanTokens(text: string, dialect: Dialect, from: number, to: number, withTexts: boolean): TokenStream {
  const lexer = new Lexer(text, dialect, from, to);
  const buffer = new TokenBuffer(text, Math.max(16, (to - from) >> 2), withTexts);
  buffer.starts[0] = from;
  for (;;) {
    const kind = lexer.next();
    if (kind === SyntaxKind.Eof) break;
    buffer.push(lexer, kind);
  }
  return buffer;
}

/** Offset of the line break (`\n` or `\r`) at or after `p` in `text`, or `end`. */
export function lineEnd(text: string, p: number, end = text.length): number {
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13) break;
    p++;
  }
  return p;
}

/** Whether `text` is exactly one extension-script placeholder (`@extschema@`, `@extowner@`, `@extschema:name@`). */
export function isExtensionPlaceholder(text: string): boolean {
  return extensionPlaceholderEnd(text, 0, text.length) === text.length;
}

/**
 * The end of the extension-script placeholder at `p` (`@extschema@`, `@extowner@`,
 * `@extschema:name@`), or 0 when none starts there.
 */
function extensionPlaceholderEnd(text: string, p: number, end: number): number {
  if (text.startsWith("@extowner@", p)) return p + 10 <= end ? p + 10 : 0;
  if (!text.startsWith("@extschema", p)) return 0;
  let q = p + 10;
  if (q < end && text.charCodeAt(q) === 58 /* : */) {
    q++;
    const nameStart = q;
    while (q < end && isIdentPart(text.charCodeAt(q))) q++;
    if (q === nameStart) return 0;
  }
  return q < end && text.charCodeAt(q) === 64 ? q + 1 : 0;
}

/** Whether a character before `:` makes it an array slice's colon rather than a psql variable's. */
function endsOperand(c: number): boolean {
  return c === 91 /* [ */ || c === 93 /* ] */ || c === 41 /* ) */ || c === 39 || c === 34 || c === 58 || isIdentPart(c);
}

/**
 * Whether `text[from, to)` is a comparison operator (`=`, `<`, `>`, `<=`, `>=`, `<>`, `!=`):
 * a `?` after one is a placeholder (`id=?`), after any other run part of the operator
 * (`>>?`, an operator pgmp defines).
 */
function isComparisonRun(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (to - from === 1) return first === 61 || first === 60 || first === 62;
  if (to - from !== 2) return false;
  const second = text.charCodeAt(from + 1);
  return (second === 61 && (first === 60 || first === 62 || first === 33)) || (first === 60 && second === 62);
}
