import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { StoredDuty } from '@shared/ownership/rules/duties';
import type { AssetType } from '@shared/ownership/rules/vocabulary';

type DutyRow = {
  engagement_id: string;
  key: string;
  name: string;
  custom: 0 | 1;
  cover_required: 0 | 1;
  position: number;
  retired_on: string | null;
};
export type ApplicabilityOverride = { assetType: AssetType; dutyKey: string; applicable: boolean };

/** An engagement's own duties, retired defaults and applicability exceptions: all their SQL. */
export class DutyRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  /** Stored duty rows per engagement (engagements with none are absent): of some engagements, or all (null). */
  storedOf(engagementIds: readonly string[] | null): Map<string, StoredDuty[]> {
    const rows = (
      engagementIds === null
        ? this.statements.get('SELECT * FROM duty').all()
        : this.statements
            .get('SELECT * FROM duty WHERE engagement_id IN (SELECT value FROM json_each(?))')
            .all(JSON.stringify(engagementIds))
    ) as DutyRow[];
    const out = new Map<string, StoredDuty[]>();
    for (const r of rows) {
      const list = out.get(r.engagement_id) ?? [];
      list.push({
        key: r.key,
        name: r.name,
        custom: r.custom === 1,
        coverRequired: r.cover_required === 1,
        position: r.position,
        retiredOn: r.retired_on,
      });
      out.set(r.engagement_id, list);
    }
    return out;
  }

  upsert(engagementId: string, d: StoredDuty, at: string): void {
    this.statements
      .get(
        `INSERT INTO duty (engagement_id, key, name, custom, cover_required, position, retired_on, created_at, updated_at)
         VALUES (@engagementId, @key, @name, @custom, @coverRequired, @position, @retiredOn, @at, @at)
         ON CONFLICT (engagement_id, key) DO UPDATE SET name = excluded.name, cover_required = excluded.cover_required,
           position = excluded.position, retired_on = excluded.retired_on, updated_at = excluded.updated_at`,
      )
      .run({ ...d, engagementId, custom: d.custom ? 1 : 0, coverRequired: d.coverRequired ? 1 : 0, at });
  }

  /** Applicability exceptions per engagement. */
  overridesOf(engagementIds: readonly string[] | null): Map<string, ApplicabilityOverride[]> {
    const rows = (
      engagementIds === null
        ? this.statements.get('SELECT * FROM duty_applicability').all()
        : this.statements
            .get('SELECT * FROM duty_applicability WHERE engagement_id IN (SELECT value FROM json_each(?))')
            .all(JSON.stringify(engagementIds))
    ) as { engagement_id: string; asset_type: AssetType; duty_key: string; applicable: 0 | 1 }[];
    const out = new Map<string, ApplicabilityOverride[]>();
    for (const r of rows) {
      const list = out.get(r.engagement_id) ?? [];
      list.push({ assetType: r.asset_type, dutyKey: r.duty_key, applicable: r.applicable === 1 });
      out.set(r.engagement_id, list);
    }
    return out;
  }

  setOverride(engagementId: string, o: ApplicabilityOverride | { assetType: AssetType; dutyKey: string; applicable: null }): void {
    if (o.applicable === null) {
      this.statements
        .get('DELETE FROM duty_applicability WHERE engagement_id = ? AND asset_type = ? AND duty_key = ?')
        .run(engagementId, o.assetType, o.dutyKey);
      return;
    }
    this.statements
      .get(
        `INSERT INTO duty_applicability (engagement_id, asset_type, duty_key, applicable) VALUES (?, ?, ?, ?)
         ON CONFLICT (engagement_id, asset_type, duty_key) DO UPDATE SET applicable = excluded.applicable`,
      )
      .run(engagementId, o.assetType, o.dutyKey, o.applicable ? 1 : 0);
  }
}
