import type { Context } from '@backend/core/context';
import type { CeremonySettings } from '@shared/ceremonies/contract/rhythm';
import { DEFAULT_MISSED_AFTER_DAYS, MAX_MISSED_AFTER_DAYS } from '@shared/ceremonies/rules/vocabulary';

const KEY = 'ceremonies.missedAfterDays';

/** How many days after an occurrence an unrecorded one counts as missed (a setting; 2 by default). */
export function ceremonySettings(ctx: Context): CeremonySettings {
  const raw = ctx.repos.settings.get(KEY);
  const stored = raw === null ? Number.NaN : Number(raw);
  return {
    missedAfterDays: Number.isInteger(stored) && stored >= 0 && stored <= MAX_MISSED_AFTER_DAYS ? stored : DEFAULT_MISSED_AFTER_DAYS,
  };
}

export function updateCeremonySettings(ctx: Context, input: CeremonySettings): CeremonySettings {
  return ctx.write((audit) => {
    const before = ceremonySettings(ctx);
    ctx.repos.settings.set(KEY, String(input.missedAfterDays));
    audit({
      entity: 'settings',
      entityId: KEY,
      label: 'Days after a ceremony before it counts as missed',
      action: 'update',
      before,
      after: input,
    });
    return ceremonySettings(ctx);
  });
}
