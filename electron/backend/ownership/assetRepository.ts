import type { Db } from '@backend/core/db/connection';
import { archivedClause, Conditions, likePattern, StatementCache } from '@backend/core/sql';
import type { Asset, AssetListItem } from '@shared/ownership/contract/assets';
import type { AssetType } from '@shared/ownership/rules/vocabulary';

type AssetRow = {
  id: string;
  engagement_id: string;
  name: string;
  type: AssetType;
  links: string;
  in_service_from: string;
  in_service_to: string | null;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** JSON array of model ids in position order. */
  model_ids: string;
};

type ListRow = AssetRow & { engagement_name: string; client_id: string; client_name: string; model_names: string };

const MODEL_IDS = `(SELECT coalesce(json_group_array(model_id), '[]') FROM (SELECT model_id FROM asset_model WHERE asset_id = a.id ORDER BY position)) AS model_ids`;
const MODEL_NAMES = `(SELECT coalesce(json_group_array(name), '[]') FROM (SELECT m.name FROM asset_model am JOIN model m ON m.id = am.model_id
  WHERE am.asset_id = a.id ORDER BY am.position)) AS model_names`;

export type AssetListFilter = {
  engagementId?: string | undefined;
  clientId?: string | undefined;
  modelId?: string | undefined;
  type?: AssetType | undefined;
  q?: string | undefined;
  archived: 'active' | 'archived' | 'all';
};

/** The assets around the models and the models they serve: all their SQL. */
export class AssetRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  get(id: string): Asset | null {
    const row = this.statements.get(`SELECT a.*, ${MODEL_IDS} FROM asset a WHERE a.id = ?`).get(id) as AssetRow | undefined;
    return row ? toAsset(row) : null;
  }

  findByName(engagementId: string, name: string): Asset | null {
    const row = this.statements
      .get(`SELECT a.*, ${MODEL_IDS} FROM asset a WHERE a.engagement_id = ? AND a.name = ? COLLATE NOCASE`)
      .get(engagementId, name) as AssetRow | undefined;
    return row ? toAsset(row) : null;
  }

  list(filter: AssetListFilter): AssetListItem[] {
    const like = filter.q ? likePattern(filter.q) : undefined;
    const where = new Conditions()
      .when(filter.engagementId, 'a.engagement_id = ?')
      .when(filter.clientId, 'e.client_id = ?')
      .when(filter.modelId, 'EXISTS (SELECT 1 FROM asset_model am WHERE am.asset_id = a.id AND am.model_id = ?)')
      .when(filter.type, 'a.type = ?')
      .when(filter.q, `(a.name LIKE ? ESCAPE '\\' OR a.notes LIKE ? ESCAPE '\\')`, like, like)
      .add(archivedClause('a.archived_at', filter.archived));
    const rows = this.statements
      .get(
        `SELECT a.*, ${MODEL_IDS}, ${MODEL_NAMES}, e.name AS engagement_name, e.client_id, c.name AS client_name
         FROM asset a JOIN engagement e ON e.id = a.engagement_id JOIN client c ON c.id = e.client_id
         ${where.sql} ORDER BY c.name COLLATE NOCASE, e.name COLLATE NOCASE, a.name COLLATE NOCASE, a.id`,
      )
      .all(...where.params) as ListRow[];
    return rows.map((row) => ({
      ...toAsset(row),
      engagementName: row.engagement_name,
      clientId: row.client_id,
      clientName: row.client_name,
      modelNames: JSON.parse(row.model_names) as string[],
    }));
  }

  /** The assets in service (not archived) of some engagements, or of every engagement (null), for the matrix and its checks. */
  liveOf(engagementIds: readonly string[] | null): Asset[] {
    const rows = (
      engagementIds === null
        ? this.statements.get(`SELECT a.*, ${MODEL_IDS} FROM asset a WHERE a.archived_at IS NULL`).all()
        : this.statements
            .get(
              `SELECT a.*, ${MODEL_IDS} FROM asset a WHERE a.archived_at IS NULL AND a.engagement_id IN (SELECT value FROM json_each(?))`,
            )
            .all(JSON.stringify(engagementIds))
    ) as AssetRow[];
    return rows.map(toAsset);
  }

  count(): number {
    return (this.statements.get('SELECT count(*) AS n FROM asset').get() as { n: number }).n;
  }

  insert(a: Asset): void {
    this.statements
      .get(
        `INSERT INTO asset (id, engagement_id, name, type, links, in_service_from, in_service_to, notes, archived_at, created_at, updated_at)
         VALUES (@id, @engagementId, @name, @type, @links, @inServiceFrom, @inServiceTo, @notes, @archivedAt, @createdAt, @updatedAt)`,
      )
      .run({ ...a, links: JSON.stringify(a.links) });
    this.setModels(a.id, a.modelIds);
  }

  update(a: Asset): void {
    this.statements
      .get(
        `UPDATE asset SET name = @name, type = @type, links = @links, in_service_from = @inServiceFrom, in_service_to = @inServiceTo,
         notes = @notes, archived_at = @archivedAt, updated_at = @updatedAt WHERE id = @id`,
      )
      .run({ ...a, links: JSON.stringify(a.links) });
    this.setModels(a.id, a.modelIds);
  }

  private setModels(assetId: string, modelIds: readonly string[]): void {
    this.statements.get('DELETE FROM asset_model WHERE asset_id = ?').run(assetId);
    const insert = this.statements.get('INSERT INTO asset_model (asset_id, model_id, position) VALUES (?, ?, ?)');
    modelIds.forEach((modelId, position) => {
      insert.run(assetId, modelId, position);
    });
  }
}

function toAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    name: row.name,
    type: row.type,
    modelIds: JSON.parse(row.model_ids) as string[],
    links: JSON.parse(row.links) as string[],
    inServiceFrom: row.in_service_from,
    inServiceTo: row.in_service_to,
    notes: row.notes,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
