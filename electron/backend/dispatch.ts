import type { Handlers } from '@backend/handlers';
import { contract, isProcedureName, type KeelError, type Result } from '@shared/contract';
import { DomainError } from '@shared/kernel/errors';
import { invalidInput } from '@shared/kernel/validate';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;
export type Logger = { error(message: string, error?: unknown): void };

const INTERNAL: KeelError = {
  code: 'internal',
  message: 'Keel could not complete this request because of an unexpected error. Nothing was changed; the details are in the log.',
};

/**
 * The single entry point both transports (IPC and HTTP) call: rejects unknown
 * names, validates the input against the contract's schema, runs the handler,
 * and turns every outcome into a Result. Nothing thrown escapes.
 */
export function createDispatch(handlers: Handlers, logger: Logger = console): Dispatch {
  return async (name, input) => {
    if (typeof name !== 'string' || !isProcedureName(name)) {
      return { ok: false, error: { code: 'unknown_procedure', message: `Keel has no procedure named “${String(name)}”.` } };
    }
    const parsed = contract[name].input.safeParse(input === null ? undefined : input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toKeelError() };
      logger.error(`Procedure ${name} failed`, error);
      return { ok: false, error: INTERNAL };
    }
  };
}
