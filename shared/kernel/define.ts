import type { z } from 'zod';
// Every contract is declared through this module, so the plain-words messages for checks without one
// (validate.ts configures zod) are in place wherever a contract's schema parses input, in either process.
import './validate';

/**
 * One procedure of the contract: its input schema (validated at the boundary)
 * and, as a phantom type, its result. `command`s write; `query`s only read.
 */
export type ProcedureKind = 'query' | 'command';

export type ProcedureDef<I extends z.ZodType = z.ZodType, O = unknown, K extends ProcedureKind = ProcedureKind> = {
  readonly kind: K;
  readonly summary: string;
  readonly input: I;
  /** Never set at run time; carries the result type for the derived sides. */
  readonly __output?: O;
};

export const query =
  <O>() =>
  <I extends z.ZodType>(summary: string, input: I): ProcedureDef<I, O, 'query'> => ({ kind: 'query', summary, input });

export const command =
  <O>() =>
  <I extends z.ZodType>(summary: string, input: I): ProcedureDef<I, O, 'command'> => ({ kind: 'command', summary, input });

/** The names of a procedure map's commands (the kind is part of each procedure's type). */
export type CommandNamesOf<P> = { [N in keyof P]: P[N] extends { readonly kind: 'command' } ? N : never }[keyof P] & string;

/** The names of a procedure map's queries. */
export type QueryNamesOf<P> = { [N in keyof P]: P[N] extends { readonly kind: 'query' } ? N : never }[keyof P] & string;

export type ListResult<T> = { rows: T[]; total: number };

/** One choice of a list the UI offers: the stored value and the words shown. */
export type Option = { value: string; label: string };

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Joins the areas' procedure maps into one, refusing a name declared twice
 * (a later spread would silently replace the earlier procedure).
 */
export function joinProcedures<const T extends readonly Record<string, ProcedureDef>[]>(...parts: T): Intersect<T[number]> {
  const joined: Record<string, ProcedureDef> = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (Object.hasOwn(joined, name)) throw new Error(`The procedure ${name} is declared twice in the contract.`);
      joined[name] = def;
    }
  }
  return joined as Intersect<T[number]>;
}
