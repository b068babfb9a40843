import { ACTIVITIES, type Activity } from './activities';

/**
 * Hours per model per activity, and per month: what the model page's Hours
 * tab, the month view and the finance workbook show. Billing ignores the model
 * (invoices are per engagement and person); this only adds the hours up.
 */

/** One group of entries as the repository sums them: a model, a month, an activity. */
export type ModelHoursRow = {
  modelId: string;
  modelName: string;
  clientName: string;
  engagementName: string;
  month: string;
  activity: Activity;
  minutes: number;
};

export type ActivityMinutes = { activity: Activity; minutes: number };
export type ModelMonthHours = { month: string; activities: ActivityMinutes[]; totalMinutes: number };
export type ModelHours = {
  modelId: string;
  modelName: string;
  clientName: string;
  engagementName: string;
  /** Per activity over the whole span, in the activity list's order; activities without hours left out. */
  activities: ActivityMinutes[];
  /** Per month, oldest first, each with its activities. */
  months: ModelMonthHours[];
  totalMinutes: number;
};

const byActivity = (minutes: ReadonlyMap<Activity, number>): ActivityMinutes[] =>
  ACTIVITIES.filter((a) => (minutes.get(a) ?? 0) > 0).map((activity) => ({ activity, minutes: minutes.get(activity) ?? 0 }));

const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** Groups summed rows by model (by name, then id), then month, then activity. */
export function modelHours(rows: readonly ModelHoursRow[]): ModelHours[] {
  const models = new Map<string, { head: ModelHoursRow; total: Map<Activity, number>; months: Map<string, Map<Activity, number>> }>();
  for (const r of rows) {
    if (r.minutes <= 0) continue;
    let m = models.get(r.modelId);
    if (!m) {
      m = { head: r, total: new Map(), months: new Map() };
      models.set(r.modelId, m);
    }
    add(m.total, r.activity, r.minutes);
    let month = m.months.get(r.month);
    if (!month) {
      month = new Map();
      m.months.set(r.month, month);
    }
    add(month, r.activity, r.minutes);
  }
  const sum = (map: ReadonlyMap<Activity, number>) => [...map.values()].reduce((n, v) => n + v, 0);
  return [...models.values()]
    .map(({ head, total, months }) => ({
      modelId: head.modelId,
      modelName: head.modelName,
      clientName: head.clientName,
      engagementName: head.engagementName,
      activities: byActivity(total),
      months: [...months.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, minutes]) => ({ month, activities: byActivity(minutes), totalMinutes: sum(minutes) })),
      totalMinutes: sum(total),
    }))
    .sort(
      (a, b) =>
        a.clientName.localeCompare(b.clientName) ||
        a.engagementName.localeCompare(b.engagementName) ||
        a.modelName.localeCompare(b.modelName) ||
        a.modelId.localeCompare(b.modelId),
    );
}

/** The activities any of the models has hours on, in the activity list's order: the columns a table needs. */
export function activitiesWithHours(models: readonly ModelHours[]): Activity[] {
  const used = new Set(models.flatMap((m) => m.activities.map((a) => a.activity)));
  return ACTIVITIES.filter((a) => used.has(a));
}
