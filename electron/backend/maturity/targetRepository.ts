import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { MaturityTarget } from '@shared/maturity/contract/overview';
import type { ReadinessAnswer, ReadinessItem } from '@shared/maturity/rules/readiness';
import type { FrameworkKey } from '@shared/maturity/rules/vocabulary';

type TargetRow = {
  id: string;
  client_id: string;
  framework: FrameworkKey;
  dimension: string;
  level: number;
  due_on: string;
  reason: string;
  created_at: string;
  updated_at: string;
};

const toTarget = (r: TargetRow): MaturityTarget => ({
  id: r.id,
  clientId: r.client_id,
  framework: r.framework,
  dimension: r.dimension,
  level: r.level,
  dueOn: r.due_on,
  reason: r.reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type StoredReadiness = { answers: Partial<Record<ReadinessItem, ReadinessAnswer>>; notes: string; updatedAt: string };

/** Targets per client and dimension, and the readiness answers: all their SQL. */
export class TargetRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  ofClient(clientId: string): MaturityTarget[] {
    return (
      this.statements.get('SELECT * FROM maturity_target WHERE client_id = ? ORDER BY framework, dimension').all(clientId) as TargetRow[]
    ).map(toTarget);
  }

  get(id: string): MaturityTarget | null {
    const row = this.statements.get('SELECT * FROM maturity_target WHERE id = ?').get(id) as TargetRow | undefined;
    return row ? toTarget(row) : null;
  }

  find(clientId: string, framework: FrameworkKey, dimension: string): MaturityTarget | null {
    const row = this.statements
      .get('SELECT * FROM maturity_target WHERE client_id = ? AND framework = ? AND dimension = ?')
      .get(clientId, framework, dimension) as TargetRow | undefined;
    return row ? toTarget(row) : null;
  }

  save(t: MaturityTarget): void {
    this.statements
      .get(
        `INSERT INTO maturity_target (id, client_id, framework, dimension, level, due_on, reason, created_at, updated_at)
         VALUES (@id, @clientId, @framework, @dimension, @level, @dueOn, @reason, @createdAt, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET level = excluded.level, due_on = excluded.due_on, reason = excluded.reason,
           updated_at = excluded.updated_at`,
      )
      .run(t);
  }

  delete(id: string): void {
    this.statements.get('DELETE FROM maturity_target WHERE id = ?').run(id);
  }

  readiness(clientId: string): StoredReadiness | null {
    const row = this.statements.get('SELECT answers, notes, updated_at FROM maturity_readiness WHERE client_id = ?').get(clientId) as
      | { answers: string; notes: string; updated_at: string }
      | undefined;
    return row ? { answers: JSON.parse(row.answers) as StoredReadiness['answers'], notes: row.notes, updatedAt: row.updated_at } : null;
  }

  saveReadiness(clientId: string, r: StoredReadiness): void {
    this.statements
      .get(
        `INSERT INTO maturity_readiness (client_id, answers, notes, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (client_id) DO UPDATE SET answers = excluded.answers, notes = excluded.notes, updated_at = excluded.updated_at`,
      )
      .run(clientId, JSON.stringify(r.answers), r.notes, r.updatedAt);
  }
}
