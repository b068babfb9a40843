import type { BookableEngagement, TimesheetWeek } from '@shared/billing/contract/hours';
import { ACTIVITIES, type Activity } from '@shared/billing/rules/activities';
import type { GridRow } from '@shared/billing/rules/entries';
import { useEffect, useState } from 'react';

export const rowKey = (engagementId: string, activity: Activity) => `${engagementId}|${activity}`;

export type WeekRow = {
  key: string;
  engagementId: string;
  activity: Activity;
  /** The server's row, or null while the row has no hours (added here, or emptied). */
  row: GridRow | null;
  engagement: BookableEngagement | null;
};

const parseKey = (key: string): { engagementId: string; activity: Activity } => {
  const [engagementId = '', activity = 'operate_monitoring'] = key.split('|');
  return { engagementId, activity: (ACTIVITIES as readonly string[]).includes(activity) ? (activity as Activity) : 'operate_monitoring' };
};

/**
 * The rows of one week, in a stable order. The server only knows rows with
 * hours; rows the user added stay here until they get hours, and a row whose
 * cells were all cleared stays where it was instead of vanishing under the
 * cursor. An empty week starts with one row per engagement the specialist is
 * allocated to, so the grid can be typed into at once.
 */
export function useWeekRows(week: TimesheetWeek | undefined, weekKey: string) {
  const [orders, setOrders] = useState<Record<string, string[]>>({});
  const serverKeys = week ? week.rows.map((r) => rowKey(r.engagementId, r.activity)) : [];
  const initial =
    serverKeys.length > 0 || !week ? serverKeys : week.engagements.filter((e) => e.allocated).map((e) => rowKey(e.id, ACTIVITIES[0]));
  const base = orders[weekKey] ?? initial;
  const keys = [...base, ...serverKeys.filter((k) => !base.includes(k))];

  const frozen = orders[weekKey] !== undefined;
  const snapshot = keys.join(',');
  useEffect(() => {
    if (week && !frozen) setOrders((o) => ({ ...o, [weekKey]: snapshot ? snapshot.split(',') : [] }));
  }, [week, frozen, weekKey, snapshot]);

  const byKey = new Map((week?.rows ?? []).map((r) => [rowKey(r.engagementId, r.activity), r]));
  const engagements = new Map((week?.engagements ?? []).map((e) => [e.id, e]));
  const rows: WeekRow[] = keys.map((key) => {
    const { engagementId, activity } = parseKey(key);
    return { key, engagementId, activity, row: byKey.get(key) ?? null, engagement: engagements.get(engagementId) ?? null };
  });

  const update = (change: (keys: string[]) => string[]) => setOrders((o) => ({ ...o, [weekKey]: change(o[weekKey] ?? keys) }));
  return {
    rows,
    add: (engagementId: string, activity: Activity) =>
      update((list) => (list.includes(rowKey(engagementId, activity)) ? list : [...list, rowKey(engagementId, activity)])),
    remove: (key: string) => update((list) => list.filter((k) => k !== key)),
    replace: (key: string, activity: Activity) =>
      update((list) => list.map((k) => (k === key ? rowKey(parseKey(k).engagementId, activity) : k))),
  };
}
