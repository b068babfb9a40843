import type { Statement } from 'better-sqlite3';
import type { Db } from './db/connection';

/** Escapes LIKE wildcards in user text; used with `ESCAPE '\'`. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Caches prepared statements per SQL text. List queries are assembled from
 * whitelisted fragments only (column names come from the contract's enums),
 * so the cache stays small and user text only ever travels as parameters.
 */
export class StatementCache {
  private readonly cache = new Map<string, Statement<unknown[], unknown>>();
  constructor(private readonly db: Db) {}

  get(sql: string): Statement<unknown[], unknown> {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<unknown[], unknown>(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}

export function archivedClause(column: string, archived: 'active' | 'archived' | 'all'): string | null {
  if (archived === 'active') return `${column} IS NULL`;
  if (archived === 'archived') return `${column} IS NOT NULL`;
  return null;
}

export function whereSql(clauses: (string | null)[]): string {
  const parts = clauses.filter((c): c is string => c !== null);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/**
 * Collects the parameters of optional WHERE clauses in order:
 * `when(value, 'x = ?')` adds the clause only when the value is given.
 */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: (string | null)[] = [];

  add(sql: string | null, ...values: unknown[]): this {
    if (sql !== null) {
      this.clauses.push(sql);
      this.params.push(...values);
    }
    return this;
  }

  when(value: unknown, sql: string, ...values: unknown[]): this {
    if (value === undefined || value === null || value === '') return this;
    return this.add(sql, ...(values.length ? values : [value]));
  }

  get sql(): string {
    return whereSql(this.clauses);
  }
}
