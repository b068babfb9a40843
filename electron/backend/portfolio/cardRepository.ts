import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { CardNarrative } from '@shared/portfolio/rules/card';

/** A model card's narrative as stored: absent until it is first written. */
export type StoredNarrative = CardNarrative & { modelId: string; updatedAt: string };

type CardRow = {
  model_id: string;
  intended_use: string;
  out_of_scope_uses: string;
  users: string;
  limitations: string;
  ethical_considerations: string;
  caveats: string;
  updated_at: string;
};

/** The model cards' hand-written narrative: all its SQL. */
export class CardRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  get(modelId: string): StoredNarrative | null {
    const row = this.statements.get('SELECT * FROM model_card WHERE model_id = ?').get(modelId) as CardRow | undefined;
    return row ? toNarrative(row) : null;
  }

  save(card: StoredNarrative): void {
    this.statements
      .get(
        `INSERT INTO model_card (model_id, intended_use, out_of_scope_uses, users, limitations, ethical_considerations, caveats, updated_at)
         VALUES (@modelId, @intendedUse, @outOfScopeUses, @users, @limitations, @ethicalConsiderations, @caveats, @updatedAt)
         ON CONFLICT (model_id) DO UPDATE SET intended_use = excluded.intended_use, out_of_scope_uses = excluded.out_of_scope_uses,
           users = excluded.users, limitations = excluded.limitations, ethical_considerations = excluded.ethical_considerations,
           caveats = excluded.caveats, updated_at = excluded.updated_at`,
      )
      .run(card);
  }
}

function toNarrative(row: CardRow): StoredNarrative {
  return {
    modelId: row.model_id,
    intendedUse: row.intended_use,
    outOfScopeUses: row.out_of_scope_uses,
    users: row.users,
    limitations: row.limitations,
    ethicalConsiderations: row.ethical_considerations,
    caveats: row.caveats,
    updatedAt: row.updated_at,
  };
}
