import type { Db } from './db/connection';
import { StatementCache } from './sql';

/**
 * The app's settings table (key → text value), read and written by the areas
 * that own a setting through a typed accessor of their own. Values are text so
 * one table serves every area; each area parses and checks its own keys.
 */
export class SettingsRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  get(key: string): string | null {
    const row = this.statements.get('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  set(key: string, value: string): void {
    this.statements
      .get('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** Several keys in one read, for a settings form. */
  getMany<K extends string>(keys: readonly K[]): Record<K, string | null> {
    return Object.fromEntries(keys.map((key) => [key, this.get(key)])) as Record<K, string | null>;
  }
}
