import type { ModelHoursReport } from '@shared/billing/contract/hours';
import { ACTIVITY_LABELS, type Activity } from '@shared/billing/rules/activities';
import { formatDuration } from '@shared/billing/rules/duration';
import type { ActivityMinutes } from '@shared/billing/rules/modelHours';
import { monthLabel } from '@shared/billing/rules/months';
import type { ReactNode } from 'react';
import './modelHours.css';

type Line = { key: string; head: ReactNode; activities: ActivityMinutes[]; totalMinutes: number };

const minutesOf = (activities: readonly ActivityMinutes[], activity: Activity) =>
  activities.find((a) => a.activity === activity)?.minutes ?? 0;

/**
 * Hours per activity as the backend summed them (`time.byModel`): one line per
 * model (`by="model"`, the month view) or per month of one model (`by="month"`,
 * the model page), the activities with hours as columns, and a total line.
 */
export function ModelHoursTable({ report, by, label }: { report: ModelHoursReport; by: 'model' | 'month'; label: string }) {
  // The engagement under each model only when the models are not all one engagement's.
  const engagements = new Set(report.models.map((m) => m.engagementName));
  const lines: Line[] =
    by === 'model'
      ? report.models.map((m) => ({
          key: m.modelId,
          head: (
            <>
              {m.modelName}
              {engagements.size > 1 && <span className="mh-sub">{m.engagementName}</span>}
            </>
          ),
          activities: m.activities,
          totalMinutes: m.totalMinutes,
        }))
      : report.models.flatMap((m) => m.months.map((month) => ({ key: month.month, head: monthLabel(month.month), ...month })));
  const totals = report.models.flatMap((m) => m.activities);
  const total = report.models.reduce((n, m) => n + m.totalMinutes, 0);
  return (
    <div className="mh-scroll">
      <table className="table mh-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{by === 'model' ? 'Model' : 'Month'}</th>
            {report.activities.map((a) => (
              <th key={a} scope="col" className="num">
                {ACTIVITY_LABELS[a]}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row" className="mh-head">
                {line.head}
              </th>
              {report.activities.map((a) => (
                <td key={a} className="num">
                  {minutesOf(line.activities, a) ? formatDuration(minutesOf(line.activities, a)) : '—'}
                </td>
              ))}
              <td className="num mh-total">{formatDuration(line.totalMinutes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {report.activities.map((a) => (
              <td key={a} className="num mh-total">
                {formatDuration(totals.filter((t) => t.activity === a).reduce((n, t) => n + t.minutes, 0))}
              </td>
            ))}
            <td className="num mh-total">{formatDuration(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
