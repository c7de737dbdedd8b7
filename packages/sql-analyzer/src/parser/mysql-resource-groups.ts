import { SyntaxKind } from "../syntax/syntax-kind.js";
import { expectIdent } from "./names.js";
import type { Parser } from "./parser.js";

/**
 * MySQL's resource groups (CPU affinity and priority of threads): CREATE / ALTER / DROP
 * RESOURCE GROUP and SET RESOURCE GROUP. The group name is an identifier.
 */

/** Whether the tokens from the n-th on are `RESOURCE GROUP`. */
export function atResourceGroup(p: Parser, n: number): boolean {
  return p.nthKw(n, "resource") && p.nthKw(n + 1, "group");
}

/**
 * CREATE RESOURCE GROUP after CREATE (the caller opened the statement node): `name TYPE [=]
 * {SYSTEM | USER} [VCPU [=] cpus] [THREAD_PRIORITY [=] n] [ENABLE | DISABLE]`.
 */
export function parseCreateResourceGroupRest(p: Parser): void {
  parseResourceGroupKind(p);
  expectIdent(p, "resource group name");
  p.start(SyntaxKind.Option);
  if (p.expectKw("type")) {
    p.eatOp("=");
    if (p.atKw("system") || p.atKw("user")) p.bump();
    else p.expected("SYSTEM or USER");
  }
  p.finish();
  parseResourceGroupOptions(p, false);
}

/**
 * `ALTER RESOURCE GROUP name [VCPU [=] cpus] [THREAD_PRIORITY [=] n] [ENABLE | DISABLE]
 * [FORCE]` (the caller is at ALTER).
 */
export function parseAlterResourceGroup(p: Parser): void {
  p.start(SyntaxKind.AlterStmt);
  p.bump();
  parseResourceGroupKind(p);
  expectIdent(p, "resource group name");
  parseResourceGroupOptions(p, true);
  p.finish();
}

/** `DROP RESOURCE GROUP name [FORCE]` (the caller is at DROP). */
export function parseDropResourceGroup(p: Parser): void {
  p.start(SyntaxKind.DropStmt);
  p.bump();
  parseResourceGroupKind(p);
  expectIdent(p, "resource group name");
  p.eatKw("force");
  p.finish();
}

/** `SET RESOURCE GROUP name [FOR thread_id [[,] thread_id] …]` (the caller is at SET). */
export function parseSetResourceGroup(p: Parser): void {
  p.start(SyntaxKind.SetStmt);
  p.bump();
  p.bump();
  p.bump();
  expectIdent(p, "resource group name");
  if (p.eatKw("for")) {
    // The commas between the ids may be left out.
    do p.expect(SyntaxKind.Number, "thread id (a number)");
    while (p.eat(SyntaxKind.Comma) || p.at(SyntaxKind.Number));
  }
  p.finish();
}

/** `RESOURCE GROUP` as an ObjectKind. */
function parseResourceGroupKind(p: Parser): void {
  p.start(SyntaxKind.ObjectKind);
  p.bump();
  p.bump();
  p.finish();
}

/**
 * The options after the name (and TYPE), each an Option, in MySQL's order: `VCPU [=] n |
 * m-n [[,] …]`, `THREAD_PRIORITY [=] [-]n`, `ENABLE | DISABLE`, and for ALTER `FORCE`.
 */
function parseResourceGroupOptions(p: Parser, alter: boolean): void {
  if (p.atKw("vcpu")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.eatOp("=");
    // CPU numbers and ranges `m-n` (three tokens: `0-3` lexes as 0, -, 3); the commas
    // between them may be left out.
    do {
      if (p.expect(SyntaxKind.Number, "CPU number") && p.atOp("-")) {
        p.bump();
        p.expect(SyntaxKind.Number, "CPU number");
      }
    } while (p.eat(SyntaxKind.Comma) || p.at(SyntaxKind.Number));
    p.finish();
  }
  if (p.atKw("thread_priority")) {
    p.start(SyntaxKind.Option);
    p.bump();
    p.eatOp("=");
    if (!p.eatOp("-")) p.eatOp("+");
    p.expect(SyntaxKind.Number, "thread priority (a number)");
    p.finish();
  }
  if (p.atKw("enable") || p.atKw("disable")) p.leaf(SyntaxKind.Option, SyntaxKind.Keyword);
  if (alter) p.eatKw("force");
}
