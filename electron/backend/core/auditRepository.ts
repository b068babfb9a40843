import type { Db } from '@backend/core/db/connection';
import { newId } from '@backend/core/ids';
import { Conditions, StatementCache } from '@backend/core/sql';
import type { AuditedEntity } from '@shared/entities';
import type { AuditAction, AuditEntry } from '@shared/kernel/audit';

type AuditRow = {
  id: string;
  at: string;
  actor: string;
  entity: AuditedEntity;
  entity_id: string;
  label: string;
  action: AuditAction;
  before_json: string | null;
  after_json: string | null;
};

export type NewAuditEntry = {
  entity: AuditedEntity;
  entityId: string;
  label: string;
  action: AuditAction;
  before: object | null;
  after: object | null;
};

export type StoredAuditEntry = Omit<AuditEntry, 'undoable'>;

export class AuditRepository {
  private readonly statements: StatementCache;
  private readonly insert;
  private readonly byId;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
    this.insert = db.prepare(
      `INSERT INTO audit_log (id, at, actor, entity, entity_id, label, action, before_json, after_json)
       VALUES (@id, @at, @actor, @entity, @entityId, @label, @action, @before, @after)`,
    );
    this.byId = db.prepare('SELECT * FROM audit_log WHERE id = ?');
  }

  /** Must be called inside the transaction of the write it records. */
  append(entry: NewAuditEntry, actor: string, at: string): string {
    if (!this.db.inTransaction) throw new Error('Audit entries are written inside the transaction of the change they record.');
    const id = newId();
    this.insert.run({
      id,
      at,
      actor,
      entity: entry.entity,
      entityId: entry.entityId,
      label: entry.label,
      action: entry.action,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
    });
    return id;
  }

  get(id: string): StoredAuditEntry | null {
    const row = this.byId.get(id) as AuditRow | undefined;
    return row ? toEntry(row) : null;
  }

  list(filter: { entity?: AuditedEntity; entityId?: string; action?: AuditAction; beforeId?: string; limit: number }) {
    const where = new Conditions()
      .when(filter.entity, 'a.entity = ?')
      .when(filter.entityId, 'a.entity_id = ?')
      .when(filter.action, 'a.action = ?')
      .when(filter.beforeId, 'a.id < ?');
    const rows = this.statements
      .get(
        `SELECT a.*, NOT EXISTS (SELECT 1 FROM audit_log n WHERE n.entity_id = a.entity_id AND n.id > a.id) AS is_latest
         FROM audit_log a ${where.sql} ORDER BY a.id DESC LIMIT ?`,
      )
      .all(...where.params, filter.limit + 1) as (AuditRow & { is_latest: 0 | 1 })[];
    return {
      rows: rows.slice(0, filter.limit).map((r) => ({ ...toEntry(r), isLatest: r.is_latest === 1 })),
      hasMore: rows.length > filter.limit,
    };
  }

  /** Every entry filed under a record, oldest first: its whole trail (an audit pack). */
  trailOf(entityId: string): StoredAuditEntry[] {
    const rows = this.statements.get('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY id').all(entityId) as AuditRow[];
    return rows.map(toEntry);
  }

  /** The newest entry for a record: undo only applies to the latest change. */
  latestFor(entityId: string): StoredAuditEntry | null {
    const row = this.statements.get('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY id DESC LIMIT 1').get(entityId) as
      | AuditRow
      | undefined;
    return row ? toEntry(row) : null;
  }
}

function toEntry(row: AuditRow): StoredAuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    entity: row.entity,
    entityId: row.entity_id,
    label: row.label,
    action: row.action,
    before: row.before_json ? JSON.parse(row.before_json) : null,
    after: row.after_json ? JSON.parse(row.after_json) : null,
  };
}
