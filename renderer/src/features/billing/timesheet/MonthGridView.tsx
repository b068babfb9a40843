import { useProcedure } from '@renderer/api/queries';
import { Badge } from '@renderer/ui/Badge';
import type { MonthReviewResult } from '@shared/billing/contract/billing';
import { formatDuration } from '@shared/billing/rules/duration';
import { MONTH_STATUS_LABELS } from '@shared/billing/rules/monthClose';
import { firstDayOf, monthLabel, nextMonth } from '@shared/billing/rules/months';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import { useHours } from '../hoursStore';
import { MonthModelHours } from '../models/ModelHours';
import { dayMonthOf, shortDate, weekdayOf } from './days';
import './timesheet.css';
import { MonthInput } from '@renderer/ui/fields';

/** The Month view tab: one engagement's month, specialists by day, read-only. */
export function MonthGridView() {
  const hours = useHours();
  const engagements = useProcedure('engagements.list', { archived: 'active', sort: 'clientName', direction: 'asc' });
  const review = useProcedure('months.review', { engagementId: hours.engagementId ?? '', month: hours.month }, hours.engagementId !== null);
  const byClient = new Map<string, EngagementListItem[]>();
  for (const e of engagements.data?.rows ?? []) byClient.set(e.clientName, [...(byClient.get(e.clientName) ?? []), e]);

  return (
    <section aria-label="Month view">
      <div className="toolbar">
        <select
          className="ts-engagement-select"
          aria-label="Engagement"
          value={hours.engagementId ?? ''}
          onChange={(e) => hours.setEngagement(e.target.value || null)}
        >
          <option value="">Pick an engagement…</option>
          {[...byClient].map(([client, list]) => (
            <optgroup key={client} label={client}>
              {list.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          className="button button--small"
          aria-label="Previous month"
          onClick={() => hours.setMonth(nextMonth(hours.month, -1))}
        >
          ◀ Previous
        </button>
        <MonthInput className="toolbar__date" label="Month" value={hours.month} onChange={hours.setMonth} />
        <button
          type="button"
          className="button button--small"
          aria-label="Next month"
          onClick={() => hours.setMonth(nextMonth(hours.month, 1))}
        >
          Next ▶
        </button>
        <span className="ts-weeklabel">{monthLabel(hours.month)}</span>
      </div>
      {engagements.error && <p className="list-status list-status--error">{engagements.error.message}</p>}
      {hours.engagementId === null ? (
        <div className="empty">
          <h2>Which engagement?</h2>
          <p>
            Pick an engagement above to see its month: every specialist’s hours by day, the missing working days and the review’s warnings.
          </p>
        </div>
      ) : review.error ? (
        <p className="list-status list-status--error" role="alert">
          {review.error.message}
        </p>
      ) : !review.data ? (
        <p className="list-status">Loading the month…</p>
      ) : (
        <>
          <MonthTable key={`${hours.engagementId}|${hours.month}`} review={review.data} />
          <MonthModelHours engagementId={hours.engagementId} engagementName={review.data.engagement.name} month={hours.month} />
        </>
      )}
    </section>
  );
}

function MonthTable({ review }: { review: MonthReviewResult }) {
  const hours = useHours();
  const month = review.invoice.month;
  const { dayTotals, minutes: total } = review;
  const billed = review.invoice.billedMinutes;
  const openWeek = (specialistId: string) => {
    hours.setSpecialist(specialistId);
    hours.setWeek(firstDayOf(month));
    hours.setView('timesheet');
  };

  return (
    <>
      <div className="ts-summary">
        <div>
          <h2 className="ts-summary__name">
            {review.engagement.name}
            <Badge tone={review.state.status === 'open' ? 'info' : 'ok'}>{MONTH_STATUS_LABELS[review.state.status]}</Badge>
          </h2>
          <span className="muted">
            {review.engagement.clientName} · {monthLabel(month)} · {formatDuration(total)} recorded
          </span>
        </div>
      </div>
      {review.warnings.length > 0 && (
        <ul className="flags" aria-label="Review warnings">
          {review.warnings.map((w) => (
            <li key={`${w.kind}|${w.specialistId}|${w.message}`} className={`flag flag--${w.severity}`}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
      {review.specialists.length === 0 ? (
        <div className="empty">
          <h2>No hours in {monthLabel(month)}</h2>
          <p>
            Nobody recorded hours on {review.engagement.name} this month, and nobody is allocated to it. Hours typed in the Timesheet tab
            show up here.
          </p>
        </div>
      ) : (
        <>
          {total === 0 && (
            <p className="notice">
              No hours recorded on {review.engagement.name} in {monthLabel(month)} yet. The allocated specialists are listed below.
            </p>
          )}
          <div className="legend">
            <span className="legend__item">
              <span className="legend__swatch mg-swatch mg-swatch--weekend" />
              Weekend
            </span>
            <span className="legend__item">
              <span className="legend__swatch mg-swatch mg-swatch--missing" />
              Working day without hours
            </span>
            <span className="legend__item">
              <span className="legend__swatch mg-swatch mg-swatch--long" />
              Long day
            </span>
            <span className="legend__item">
              <span className="legend__swatch mg-swatch mg-swatch--outside" />
              Outside the allocation
            </span>
          </div>
          <div className="mg-scroll">
            <table className="table mg-grid" aria-label={`Hours on ${review.engagement.name} in ${monthLabel(month)}`}>
              <thead>
                <tr>
                  <th scope="col" className="mg-name mg-name--head">
                    Specialist
                  </th>
                  {review.dates.map((d) => (
                    <th key={d.date} scope="col" className={`mg-day${d.weekend ? ' is-weekend' : ''}`} title={shortDate(d.date)}>
                      <span className="mg-day__name">{weekdayOf(d.date).slice(0, 2)}</span>
                      <span>{Number(d.date.slice(8))}</span>
                    </th>
                  ))}
                  <th scope="col" className="num mg-total">
                    Total
                  </th>
                  <th scope="col" className="num mg-total">
                    Billed
                  </th>
                </tr>
              </thead>
              <tbody>
                {review.specialists.map((s) => {
                  const missing = new Set(s.missingDates);
                  const outside = new Set(s.outsideAllocationDates);
                  const long = new Set(s.longDates);
                  return (
                    <tr key={s.specialistId} className="mg-row">
                      <th scope="row" className="mg-name">
                        <button
                          type="button"
                          className="link"
                          title={`Open ${s.specialistName}’s timesheet at the week of ${dayMonthOf(firstDayOf(month))}`}
                          onClick={() => openWeek(s.specialistId)}
                        >
                          {s.specialistName}
                        </button>
                      </th>
                      {review.dates.map((d) => {
                        const minutes = s.byDate[d.date];
                        const notes = [
                          missing.has(d.date) ? 'working day without hours' : null,
                          long.has(d.date) ? 'long day' : null,
                          outside.has(d.date) ? 'outside the allocation' : null,
                        ].filter(Boolean);
                        const cls = [
                          'mg-cell',
                          d.weekend ? ' is-weekend' : '',
                          missing.has(d.date) ? ' is-missing' : '',
                          long.has(d.date) ? ' is-long' : '',
                          outside.has(d.date) ? ' is-outside' : '',
                        ].join('');
                        return (
                          <td
                            key={d.date}
                            className={cls}
                            title={`${s.specialistName} · ${shortDate(d.date)}${minutes ? ` · ${formatDuration(minutes)}` : ''}${notes.length ? ` · ${notes.join(', ')}` : ''}`}
                          >
                            {minutes ? formatDuration(minutes) : missing.has(d.date) ? <span className="mg-cell__missing">–</span> : ''}
                          </td>
                        );
                      })}
                      <td className="num mg-total">{formatDuration(s.minutes)}</td>
                      <td className="num mg-total">
                        {formatDuration(s.billedMinutes)}
                        {s.capMinutes !== null && <span className="cell-sub">cap {formatDuration(s.capMinutes)}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="mg-name mg-name--head mg-foot">
                    Day total
                  </th>
                  {review.dates.map((d) => (
                    <td key={d.date} className={`mg-cell mg-foot${d.weekend ? ' is-weekend' : ''}`}>
                      {dayTotals[d.date] ? formatDuration(dayTotals[d.date] ?? 0) : ''}
                    </td>
                  ))}
                  <td className="num mg-total mg-foot">{formatDuration(total)}</td>
                  <td className="num mg-total mg-foot">{formatDuration(billed)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </>
  );
}
