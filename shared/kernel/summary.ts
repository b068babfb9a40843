/**
 * An area's summary read model: a few counts and how worrying they are, cheap
 * to compute. The navigation shows the worst one as a badge; the coming home
 * screen composes them all.
 */
export type SummaryTone = 'ok' | 'attention' | 'critical';

/**
 * `label` names what is counted (plural); `words` says the count in a sentence
 * ("1 breached promise", "3 breached promises"); `entry` names the navigation
 * entry the item concerns when an area has several (plan: allocations, staffing).
 */
export type SummaryItem = { label: string; count: number; tone: SummaryTone; words: string; entry?: string };

/** What an area declares: the plural label and the singular one, the count and its tone. */
export type SummaryCount = Omit<SummaryItem, 'words'> & { one: string };

export type AreaSummary = { area: string; tone: SummaryTone; items: SummaryItem[] };

const RANK: Record<SummaryTone, number> = { ok: 0, attention: 1, critical: 2 };

/** The area's tone is its worst non-empty item's; items with a zero count never raise it. */
export function summaryOf(area: string, counts: SummaryCount[]): AreaSummary {
  const items = counts.map(({ one, ...item }): SummaryItem => ({ ...item, words: `${item.count} ${item.count === 1 ? one : item.label}` }));
  const tone = items.reduce<SummaryTone>((worst, item) => (item.count > 0 && RANK[item.tone] > RANK[worst] ? item.tone : worst), 'ok');
  return { area, tone, items };
}
