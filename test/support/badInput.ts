import type { ErrorCode, ProcedureName } from '@shared/contract';
import type { TestBackend } from './backend';

/**
 * The bad-input check, as each area declares it: every procedure refuses bad
 * input with a typed error — code, a sentence, field issues — and changes
 * nothing. Each area lists its cases in `test/integration/<area>/badInput.cases.ts`;
 * the runner (`test/integration/core/badInput.test.ts`) registers the areas in
 * one ordered list and fails for a procedure that no area gives a case.
 */
/** `message`, when given, is the exact sentence a person must read. */
export type Case = { why: string; input: unknown; code: ErrorCode; field?: string; message?: string };

/** An area's cases, by procedure name. */
export type CaseTable = Partial<Record<ProcedureName, readonly Case[]>>;

/**
 * One area's part of the bad-input check. `setUp` runs after the set-up of
 * every area before it in the runner's list (so `given` holds their records)
 * and returns the ids of the records it made; `cases` gets all of them.
 */
export type BadInputArea<Given, Made> = {
  readonly area: string;
  /** The procedure-name prefixes the area owns (`clients` for `clients.create`…). */
  readonly prefixes: readonly string[];
  readonly setUp?: (b: TestBackend, given: Given) => Promise<Made>;
  readonly cases: (fixture: Given & Made) => CaseTable;
};

/** A well-formed id that names no record. */
export const MISSING_ID = '01a20bb9-cb5c-7026-b14e-640086951525';

/**
 * An area as the runner's ordered list holds it: the runner cannot type what
 * each set-up receives — the list's order is what provides it.
 */
export type RegisteredBadInputArea = {
  readonly area: string;
  readonly prefixes: readonly string[];
  readonly setUp?: (b: TestBackend, given: never) => Promise<object>;
  readonly cases: (fixture: never) => CaseTable;
};
