import type { Migration } from './types';

/**
 * The model card's narrative: the few things a person writes by hand on a
 * model's card (intended use, uses out of scope, users, limitations, fairness
 * and ethical considerations, caveats and recommendations). Everything else on
 * the card is derived from the model's record, versions, approvals and
 * deployments, so it is not stored here. One row per model, absent until the
 * card is first edited (then every field reads empty). Lengths are bounded in
 * the contract (4,000 characters) and again here.
 */
export const m0009ModelCard: Migration = {
  version: 9,
  name: 'the model card narrative',
  up: `
    CREATE TABLE model_card (
      model_id TEXT PRIMARY KEY NOT NULL REFERENCES model (id),
      intended_use TEXT NOT NULL DEFAULT '' CHECK (length(intended_use) <= 4000),
      out_of_scope_uses TEXT NOT NULL DEFAULT '' CHECK (length(out_of_scope_uses) <= 4000),
      users TEXT NOT NULL DEFAULT '' CHECK (length(users) <= 4000),
      limitations TEXT NOT NULL DEFAULT '' CHECK (length(limitations) <= 4000),
      ethical_considerations TEXT NOT NULL DEFAULT '' CHECK (length(ethical_considerations) <= 4000),
      caveats TEXT NOT NULL DEFAULT '' CHECK (length(caveats) <= 4000),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
