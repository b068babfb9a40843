import type { BookableEngagement, BookableModel, TimesheetWeek } from '@shared/billing/contract/hours';
import { ACTIVITIES, type Activity } from '@shared/billing/rules/activities';
import { entryRowKey, type GridRow } from '@shared/billing/rules/entries';
import { useEffect, useState } from 'react';

/** A row is (engagement, activity, model or none): its key, the same as the domain's (`entryRowKey`). */
export const rowKey = (engagementId: string, activity: Activity, modelId: string | null = null) =>
  entryRowKey({ engagementId, activity, modelId });

export type WeekRow = {
  key: string;
  engagementId: string;
  activity: Activity;
  /** The model the row's hours are on, or null. */
  modelId: string | null;
  /** The server's row, or null while the row has no hours (added here, or emptied). */
  row: GridRow | null;
  engagement: BookableEngagement | null;
  model: BookableModel | null;
};

const parseKey = (key: string): { engagementId: string; activity: Activity; modelId: string | null } => {
  const [engagementId = '', activity = 'operate_monitoring', modelId = ''] = key.split('|');
  return {
    engagementId,
    activity: (ACTIVITIES as readonly string[]).includes(activity) ? (activity as Activity) : 'operate_monitoring',
    modelId: modelId || null,
  };
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
  const serverKeys = week ? week.rows.map((r) => rowKey(r.engagementId, r.activity, r.modelId)) : [];
  const initial =
    serverKeys.length > 0 || !week ? serverKeys : week.engagements.filter((e) => e.allocated).map((e) => rowKey(e.id, ACTIVITIES[0]));
  const base = orders[weekKey] ?? initial;
  const keys = [...base, ...serverKeys.filter((k) => !base.includes(k))];

  const frozen = orders[weekKey] !== undefined;
  const snapshot = keys.join(',');
  useEffect(() => {
    if (week && !frozen) setOrders((o) => ({ ...o, [weekKey]: snapshot ? snapshot.split(',') : [] }));
  }, [week, frozen, weekKey, snapshot]);

  const byKey = new Map((week?.rows ?? []).map((r) => [rowKey(r.engagementId, r.activity, r.modelId), r]));
  const engagements = new Map((week?.engagements ?? []).map((e) => [e.id, e]));
  const rows: WeekRow[] = keys.map((key) => {
    const { engagementId, activity, modelId } = parseKey(key);
    const engagement = engagements.get(engagementId) ?? null;
    const model = modelId ? (engagement?.models.find((m) => m.id === modelId) ?? null) : null;
    return { key, engagementId, activity, modelId, row: byKey.get(key) ?? null, engagement, model };
  });

  const update = (change: (keys: string[]) => string[]) => setOrders((o) => ({ ...o, [weekKey]: change(o[weekKey] ?? keys) }));
  return {
    rows,
    add: (engagementId: string, activity: Activity, modelId: string | null = null) => {
      const added = rowKey(engagementId, activity, modelId);
      update((list) => (list.includes(added) ? list : [...list, added]));
    },
    remove: (key: string) => update((list) => list.filter((k) => k !== key)),
    replace: (key: string, activity: Activity) =>
      update((list) =>
        list.map((k) => {
          if (k !== key) return k;
          const row = parseKey(k);
          return rowKey(row.engagementId, activity, row.modelId);
        }),
      ),
  };
}
