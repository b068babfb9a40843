import { useToday } from '@renderer/app/clock';
import { day as dayLabel } from '@renderer/components/dates';
import type { TimesheetWeek, WeekDay } from '@shared/billing/contract/hours';
import { ACTIVITIES, ACTIVITY_LABELS, type Activity } from '@shared/billing/rules/activities';
import { formatDuration } from '@shared/billing/rules/duration';
import { lockedMonthRefusal } from '@shared/billing/rules/monthClose';
import { monthOf } from '@shared/billing/rules/months';
import { joinedRefusal } from '@shared/clients/rules/joined';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { NoteTarget } from './CellNote';
import { dayMonthOf, shortDate, weekdayOf } from './days';
import { LockIcon } from './LockIcon';
import type { CellTarget, useCellEditor } from './useCellEditor';
import { rowKey, type WeekRow } from './weekRows';

type Props = {
  week: TimesheetWeek;
  rows: WeekRow[];
  editor: ReturnType<typeof useCellEditor>;
  activeCell: string | null;
  onActivate(key: string, note: NoteTarget): void;
  /** A row to focus once it is rendered (just added), then cleared. */
  focusRow: string | null;
  onFocused(): void;
  onRowActivity(key: string, activity: Activity): void;
  onRemoveRow(key: string): void;
};

/** Why a cell cannot be changed (its month is approved or invoiced for that engagement), or null. */
function lockOf(row: WeekRow, date: string): string | null {
  const month = monthOf(date);
  const status = row.engagement?.months[month];
  return row.engagement && status ? lockedMonthRefusal(status, row.engagement.name, month) : null;
}

/** Why hours cannot go on this day of this row: outside the engagement, or before the person joined. */
function outsideOf(row: WeekRow, date: string, specialist: TimesheetWeek['specialist']): string | null {
  const early = joinedRefusal(specialist, date, 'hours', dayLabel);
  if (early) return early;
  const e = row.engagement;
  if (!e) return null;
  if (date < e.startDate) return `${e.name} starts on ${e.startDate}.`;
  if (e.endDate !== null && date > e.endDate) return `${e.name} ended on ${e.endDate}.`;
  return null;
}

function dayTitle(day: WeekDay): string {
  return [shortDate(day.date), day.weekend ? 'weekend' : null, day.holiday ? `public holiday: ${day.holiday}` : null, day.absence]
    .filter(Boolean)
    .join(' · ');
}

function dayClass(day: WeekDay): string {
  return `${day.weekend ? ' is-weekend' : ''}${day.holiday || day.absence ? ' is-off' : ''}`;
}

/**
 * The week as a grid of inputs, engagement × activity by day. Arrow keys move
 * between cells (left and right once the caret is at the edge of the text),
 * Tab follows the rows, Enter saves and moves down, Escape puts the saved
 * value back.
 */
export function TimesheetGrid({ week, rows, editor, activeCell, onActivate, focusRow, onFocused, onRowActivity, onRemoveRow }: Props) {
  const table = useRef<HTMLTableElement>(null);

  const move = (row: number, column: number): boolean => {
    const cell = table.current?.querySelector<HTMLInputElement>(`[data-cell="${row}:${column}"]`);
    if (!cell) return false;
    cell.focus();
    return true;
  };

  useEffect(() => {
    if (!focusRow) return;
    const index = rows.findIndex((r) => r.key === focusRow);
    if (index === -1) return;
    const firstWorkday = week.days.findIndex((d) => !d.weekend);
    move(index, Math.max(0, firstWorkday));
    onFocused();
  });

  const onKey = (e: KeyboardEvent<HTMLInputElement>, row: number, column: number, target: CellTarget, locked: boolean) => {
    const input = e.currentTarget;
    const length = input.value.length;
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    const all = start === 0 && end === length;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      move(row + (e.key === 'ArrowUp' ? -1 : 1), column);
    } else if (e.key === 'ArrowLeft' && (all || end === 0)) {
      e.preventDefault();
      move(row, column - 1);
    } else if (e.key === 'ArrowRight' && (all || start === length)) {
      e.preventDefault();
      move(row, column + 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!locked) void editor.commit(target, true);
      if (!move(row + 1, column)) input.select();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      editor.revert(target.key);
      requestAnimationFrame(() => input.select());
    }
  };

  const taken = new Set(rows.map((r) => r.key));
  const todayDate = useToday();

  return (
    <div className="ts-scroll">
      <table className="table ts-grid" ref={table} aria-label={`Hours of ${week.specialist.fullName}, week of ${week.weekStart}`}>
        <thead>
          <tr>
            <th className="ts-grid__head" scope="col">
              Engagement · activity · model
            </th>
            {week.days.map((day) => (
              <th
                key={day.date}
                scope="col"
                className={`ts-day${dayClass(day)}${day.date === todayDate ? ' is-today' : ''}`}
                title={day.date === todayDate ? `Today · ${dayTitle(day)}` : dayTitle(day)}
              >
                <span className="ts-day__name">{weekdayOf(day.date)}</span>
                <span className="ts-day__date">{dayMonthOf(day.date)}</span>
                {day.holiday && <span className="ts-tag ts-tag--holiday">{day.holiday}</span>}
                {day.absence && <span className="ts-tag ts-tag--absence">{day.absence}</span>}
              </th>
            ))}
            <th scope="col" className="num ts-grid__total-head">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td className="ts-grid__empty" colSpan={week.dates.length + 2}>
                No hours this week yet. Add a row below, or copy last week.
              </td>
            </tr>
          )}
          {rows.map((r, ri) => {
            const name = r.engagement?.name ?? 'An engagement not bookable this week';
            // Rows of the same engagement follow each other: name it once, on the first.
            const continued = ri > 0 && rows[ri - 1]?.engagementId === r.engagementId;
            return (
              <tr key={r.key} className={continued ? 'ts-tr--continued' : 'ts-tr--first'}>
                <th scope="row" className="ts-row">
                  <span
                    className={`ts-row__engagement${continued ? ' ts-visually-hidden' : ''}`}
                    title={r.engagement ? `${r.engagement.clientName} — ${r.engagement.name}` : name}
                  >
                    {name}
                  </span>
                  {!continued && (
                    <span className="ts-row__meta">
                      {r.engagement?.clientName}
                      {r.engagement && !r.engagement.allocated && (
                        <>
                          {' '}
                          <span className="ts-row__flag">not allocated this week</span>
                        </>
                      )}
                    </span>
                  )}
                  {r.row === null ? (
                    <span className="ts-row__edit">
                      <select
                        className="ts-row__activity-select"
                        aria-label={`Activity of the new ${name} row`}
                        value={r.activity}
                        onChange={(e) => onRowActivity(r.key, e.target.value as Activity)}
                      >
                        {ACTIVITIES.map((a) => (
                          <option key={a} value={a} disabled={a !== r.activity && taken.has(rowKey(r.engagementId, a, r.modelId))}>
                            {ACTIVITY_LABELS[a]}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        className="icon-button ts-row__remove"
                        aria-label={`Remove the empty ${name} row`}
                        title="Remove this empty row"
                        onClick={() => onRemoveRow(r.key)}
                      >
                        ×
                      </button>
                    </span>
                  ) : (
                    <span className="ts-row__activity">{ACTIVITY_LABELS[r.activity]}</span>
                  )}
                  {r.modelId && (
                    <span className="ts-row__model" title="The model these hours are on">
                      {r.model?.name ?? 'A model no longer run by this engagement'}
                    </span>
                  )}
                </th>
                {week.days.map((day, ci) => {
                  const cell = r.row?.cells[day.date];
                  const key = `${r.key}|${day.date}`;
                  const label = `${shortDate(day.date)} · ${name} · ${ACTIVITY_LABELS[r.activity]}${r.model ? ` · ${r.model.name}` : ''}`;
                  const note = cell?.note ?? '';
                  const notBilled = cell?.nonBillableReason === undefined ? null : `Not billed: ${cell.nonBillableReason}`;
                  const target: CellTarget = {
                    key,
                    engagementId: r.engagementId,
                    activity: r.activity,
                    modelId: r.modelId,
                    date: day.date,
                    minutes: cell ? cell.minutes : null,
                    entryCount: cell?.entryIds.length ?? 0,
                    note,
                    label,
                  };
                  const draft = editor.drafts[key];
                  const lock = lockOf(r, day.date);
                  const outside = outsideOf(r, day.date, week.specialist);
                  const classes = [
                    'ts-cell',
                    dayClass(day),
                    lock ? ' is-locked' : '',
                    outside ? ' is-outside' : '',
                    draft?.problem ? ` has-${draft.problem.kind}` : '',
                    draft?.saving ? ' is-saving' : '',
                    note ? ' has-note' : '',
                    notBilled ? ' is-non-billable' : '',
                    activeCell === key ? ' is-active' : '',
                  ].join('');
                  return (
                    <td key={day.date} className={classes}>
                      <input
                        className="ts-cell__input"
                        data-cell={`${ri}:${ci}`}
                        aria-label={label}
                        autoComplete="off"
                        spellCheck={false}
                        readOnly={lock !== null}
                        aria-readonly={lock !== null || undefined}
                        aria-invalid={draft?.problem ? true : undefined}
                        value={draft ? draft.text : cell ? formatDuration(cell.minutes) : ''}
                        aria-description={notBilled ?? undefined}
                        title={
                          draft?.problem?.message ??
                          lock ??
                          ([notBilled, note ? `Note: ${note}` : null].filter(Boolean).join(' · ') || outside || undefined)
                        }
                        onFocus={(e) => {
                          e.currentTarget.select();
                          onActivate(key, {
                            engagementId: r.engagementId,
                            activity: r.activity,
                            modelId: r.modelId,
                            date: day.date,
                            label,
                            minutes: target.minutes,
                            note,
                            lock,
                          });
                        }}
                        onChange={(e) => {
                          if (lock === null) editor.edit(target, e.target.value);
                        }}
                        onBlur={() => {
                          if (lock === null) void editor.commit(target);
                        }}
                        onKeyDown={(e) => onKey(e, ri, ci, target, lock !== null)}
                      />
                      {lock && <LockIcon className="ts-cell__lock" />}
                    </td>
                  );
                })}
                <td className={`num ts-grid__total${r.row ? '' : ' is-zero'}`}>{formatDuration(r.row?.totalMinutes ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="ts-row ts-foot ts-foot--label">
              Day total
            </th>
            {week.days.map((day) => {
              const minutes = week.dayTotals[day.date] ?? 0;
              const over = minutes > week.dailyThresholdMinutes;
              return (
                <td
                  key={day.date}
                  className={`num ts-foot${dayClass(day)}${over ? ' is-over' : ''}${minutes === 0 ? ' is-zero' : ''}`}
                  title={over ? `Above the daily threshold of ${formatDuration(week.dailyThresholdMinutes)}` : undefined}
                >
                  {formatDuration(minutes)}
                  {over && <span className="ts-foot__flag"> above {formatDuration(week.dailyThresholdMinutes)}</span>}
                </td>
              );
            })}
            <td className="num ts-foot ts-foot--week">{formatDuration(week.totalMinutes)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
