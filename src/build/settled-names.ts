/**
 * esbuild's `keepNames` wraps every named function and class in a helper that sets its `name`
 * with Object.defineProperty: at module load for declarations, but also each time a function
 * expression is created, so the closures libraries build per request (RxJS's operators,
 * class-validator's per-constraint closures, Nest's socket context) pay for it on every call:
 * about 8 % of the server's CPU per recorded play (bench/README.md, issue 18).
 *
 * Names matter while the application is assembled: Nest, TypeORM and Swagger read class names
 * and decorator-time function names, and every class and module-level function is declared by
 * then (the packages loaded later, such as exceljs or resvg, are outside the bundle). So the
 * bundle's helper names everything until the server listens (LISTENING_CHANNEL) and nothing
 * after: a function or class created later keeps the name the engine gives it (its own name,
 * or '' for an anonymous one), which nothing reads. A cheaper test for "is a class" does not
 * exist: reading a function's `prototype` makes V8 create it, which cost nearly as much.
 */
import { LISTENING_CHANNEL } from '../common/lifecycle/listening.js';

/** Set at the top of the bundle: the flag the helper reads, raised when the server listens. */
export const SETTLED_NAMES_BANNER =
  'let __courtsideNamesSettled = false;' +
  `require('node:diagnostics_channel').subscribe(${JSON.stringify(LISTENING_CHANNEL)}, () => { __courtsideNamesSettled = true; });`;

/** esbuild's helper, minified or not: `var __name = (target, value) => __defProp(target, "name", { value, configurable: true });` */
const HELPER =
  /var ([\w$]+) ?= ?\(([\w$]+), ?([\w$]+)\) ?=> ?([\w$]+)\(\2, ?"name", ?\{ ?value(?::\3)?, ?configurable: ?(?:true|!0) ?\}\);/g;

/** The bundle with its naming helper doing nothing once the server listens. */
export function settleNames(code: string): string {
  const found = code.match(HELPER) ?? [];
  if (found.length !== 1)
    throw new Error(
      `settled-names: expected esbuild's keepNames helper once in the bundle, found it ${found.length} times`,
    );
  return code.replace(
    HELPER,
    (_all, helper: string, target: string, value: string, define: string) =>
      `var ${helper} = (${target}, ${value}) => __courtsideNamesSettled ? ${target} : ` +
      `${define}(${target}, "name", { value: ${value}, configurable: true });`,
  );
}
