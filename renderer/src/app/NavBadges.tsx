import { useProcedure } from '@renderer/api/queries';
import type { SummaryItem, SummaryTone } from '@shared/kernel/summary';
import type { AreaId } from './routes';

export type NavBadge = { tone: Exclude<SummaryTone, 'ok'>; count: number; words: string };

const RANK: Record<SummaryTone, number> = { ok: 0, attention: 1, critical: 2 };

/** The badge some of an area's summary items earn: none when all is well, else the most severe item's count and every item in words. */
export function badgeOf(items: readonly SummaryItem[]): NavBadge | null {
  const raised = items.filter((i) => i.count > 0 && i.tone !== 'ok');
  const worst = raised.reduce<SummaryItem | undefined>((w, i) => (!w || RANK[i.tone] > RANK[w.tone] ? i : w), undefined);
  if (!worst || worst.tone === 'ok') return null;
  return { tone: worst.tone, count: worst.count, words: raised.map((i) => i.words).join(', ') };
}

/**
 * The navigation's badges by entry, from the areas' summaries the backend
 * computed (refreshed after every command); `entries` says which entry carries
 * which area's badge (the registry's BADGE_ENTRIES).
 */
export function useNavBadges(entries: ReadonlyMap<string, AreaId>): ReadonlyMap<AreaId, NavBadge> {
  const summaries = useProcedure('app.summaries', {});
  const badges = new Map<AreaId, NavBadge>();
  for (const summary of summaries.data ?? []) {
    const fallback = entries.get(summary.area);
    // An item that names its entry sits there (plan's overdue requests on Staffing requests); the rest on the area's badge entry.
    const byEntry = new Map<string, SummaryItem[]>();
    for (const item of summary.items) {
      const entry = item.entry ?? fallback;
      if (entry) byEntry.set(entry, [...(byEntry.get(entry) ?? []), item]);
    }
    for (const [entry, items] of byEntry) {
      const badge = badgeOf(items);
      if (badge) badges.set(entry as AreaId, badge);
    }
  }
  return badges;
}

/** The id of the text that describes an entry's badge in words (the link's `aria-describedby`). */
export const badgeWordsId = (id: AreaId) => `nav-badge-${id}`;

/**
 * The count beside the entry's label. Hidden from the link's name, which stays
 * the label; `NavBadgeWords` describes it in words.
 */
export function NavBadgeCount({ badge }: { badge: NavBadge | undefined }) {
  if (!badge) return null;
  return (
    <span className={`nav__badge nav__badge--${badge.tone}`} title={badge.words} aria-hidden="true">
      {badge.count > 999 ? '999+' : badge.count}
    </span>
  );
}

/** The badge in words, for screen readers: outside the link, so its text stays the label. */
export function NavBadgeWords({ id, badge }: { id: AreaId; badge: NavBadge | undefined }) {
  if (!badge) return null;
  return (
    <span id={badgeWordsId(id)} hidden>
      {badge.words}
    </span>
  );
}
