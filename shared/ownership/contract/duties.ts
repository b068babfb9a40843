import { command, query } from '@shared/kernel/define';
import { id, isoDate, requiredText } from '@shared/kernel/fields';
import { z } from 'zod';
import { ASSET_TYPES, type AssetType } from '../rules/vocabulary';

/**
 * A lifecycle duty of an engagement: one of the eight defaults (its key is the default's name) or
 * one the engagement added (key `custom-<n>`). A retired duty leaves the matrix from its retirement day.
 */
export type Duty = {
  key: string;
  name: string;
  custom: boolean;
  /** A named Backup is always required (incident response and rollback, or a custom duty that asks for it). */
  coverRequired: boolean;
  /** The day it stopped being a duty of the engagement, or null. */
  retiredOn: string | null;
  position: number;
};

/** An asset type for which a duty does not apply (a dashboard has no retraining). */
export type NotApplicable = { assetType: AssetType; dutyKey: string };

export type EngagementDuties = { engagementId: string; duties: Duty[]; notApplicable: NotApplicable[] };

const dutyKey = z
  .string({ error: 'must be a duty' })
  .trim()
  .regex(/^[a-z][a-z0-9_-]{1,39}$/, 'must be a duty of the engagement');

export { dutyKey };

export const dutiesProcedures = {
  'duties.list': query<EngagementDuties>()(
    'The duties of an engagement (the eight defaults, its own, retired ones) and which do not apply to which asset type.',
    z.strictObject({ engagementId: id }),
  ),
  'duties.create': command<EngagementDuties>()(
    'Add a duty of the engagement’s own.',
    z.strictObject({
      engagementId: id,
      name: requiredText(60),
      coverRequired: z.boolean({ error: 'must be true or false' }).default(false),
    }),
  ),
  'duties.retire': command<EngagementDuties>()(
    'Retire a duty from a day (it leaves the matrix from then), or bring it back (retiredOn null).',
    z.strictObject({ engagementId: id, dutyKey, retiredOn: isoDate.nullable() }),
  ),
  'duties.setApplicable': command<EngagementDuties>()(
    'Say whether a duty applies to an asset type on this engagement.',
    z.strictObject({
      engagementId: id,
      assetType: z.enum(ASSET_TYPES, { error: 'must be one of the asset types' }),
      dutyKey,
      applicable: z.boolean({ error: 'must be true or false' }),
    }),
  ),
};
