import type { Context } from '@backend/core/context';
import type { OwnershipSettings } from '@shared/ownership/contract/matrix';
import { DEFAULT_SPOF_THRESHOLD } from '@shared/ownership/rules/vocabulary';
import { DEFAULT_RADAR_WEEKS } from '@shared/plan/contract/plan';

const KEYS = {
  spofThreshold: 'ownership.spofThreshold',
  horizonWeeks: 'ownership.horizonWeeks',
  coverAllDuties: 'ownership.coverAllDuties',
} as const;

/** The matrix's thresholds; the horizon defaults to the roll-off radar's. */
export function ownershipSettings(ctx: Context): OwnershipSettings {
  const stored = ctx.repos.settings.getMany(Object.values(KEYS));
  const whole = (value: string | null, fallback: number) => {
    const n = Number(value);
    return value !== null && Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    spofThreshold: whole(stored[KEYS.spofThreshold], DEFAULT_SPOF_THRESHOLD),
    horizonWeeks: whole(stored[KEYS.horizonWeeks], DEFAULT_RADAR_WEEKS),
    coverAllDuties: stored[KEYS.coverAllDuties] === 'true',
  };
}

export function updateOwnershipSettings(ctx: Context, next: OwnershipSettings): OwnershipSettings {
  return ctx.write((audit) => {
    const before = ownershipSettings(ctx);
    ctx.repos.settings.set(KEYS.spofThreshold, String(next.spofThreshold));
    ctx.repos.settings.set(KEYS.horizonWeeks, String(next.horizonWeeks));
    ctx.repos.settings.set(KEYS.coverAllDuties, String(next.coverAllDuties));
    audit({ entity: 'settings', entityId: 'ownership', label: 'Ownership matrix thresholds', action: 'update', before, after: next });
    return next;
  });
}
