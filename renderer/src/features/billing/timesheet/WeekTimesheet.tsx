import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts, whenDiscarded } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import type { TimesheetWeek } from '@shared/billing/contract/hours';
import { formatDuration } from '@shared/billing/rules/duration';
import { lockedMonthRefusal } from '@shared/billing/rules/monthClose';
import { joinedRefusal } from '@shared/clients/rules/joined';
import type { ReferenceData } from '@shared/kernel/reference';
import { addDays, format, parseISO } from 'date-fns';
import { useState } from 'react';
import { mondayOfToday, useHours } from '../hoursStore';
import { AddRow } from './AddRow';
import { CellNote, type NoteTarget } from './CellNote';
import { isoWeekOf, rangeLabel } from './days';
import { LockIcon } from './LockIcon';
import { SpecialistPicker } from './SpecialistPicker';
import { TimesheetGrid } from './TimesheetGrid';
import { useCellEditor } from './useCellEditor';
import { rowKey, useWeekRows } from './weekRows';
import './timesheet.css';
import { DateInput } from '@renderer/ui/fields';

const shiftWeek = (weekStart: string, weeks: number) => format(addDays(parseISO(weekStart), weeks * 7), 'yyyy-MM-dd');

/** The Timesheet tab: one specialist's week, typed from the keyboard. */
export function WeekTimesheet({ reference }: { reference: ReferenceData }) {
  const hours = useHours();
  const go = useNav((s) => s.go);
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const specialistId = hours.specialistId;
  const week = useProcedure('time.week', { specialistId: specialistId ?? '', weekStart: hours.weekStart }, specialistId !== null);
  // Unsaved cells with a problem ask before the week or the person changes.
  const leave = whenDiscarded;
  const list = specialists.data?.rows ?? [];

  return (
    <section aria-label="Weekly timesheet">
      <div className="toolbar ts-toolbar">
        <SpecialistPicker
          specialists={list}
          value={specialistId}
          reference={reference}
          onChange={(id) => leave(() => hours.setSpecialist(id))}
        />
        <div className="ts-weeknav">
          <button
            type="button"
            className="button button--small"
            onClick={() => leave(() => hours.setWeek(shiftWeek(hours.weekStart, -1)))}
            aria-label="Previous week"
          >
            ◀ Previous
          </button>
          <button type="button" className="button button--small" onClick={() => leave(() => hours.setWeek(mondayOfToday()))}>
            This week
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => leave(() => hours.setWeek(shiftWeek(hours.weekStart, 1)))}
            aria-label="Next week"
          >
            Next ▶
          </button>
          <DateInput
            className="toolbar__date"
            label="Week of"
            title="Any day of the week to show"
            value={hours.weekStart}
            onChange={(value) => leave(() => hours.setWeek(value))}
          />
        </div>
        <span className="ts-weeklabel">
          Week {isoWeekOf(hours.weekStart)} · {rangeLabel(hours.weekStart, format(addDays(parseISO(hours.weekStart), 6), 'yyyy-MM-dd'))}
        </span>
      </div>

      {specialists.error && <p className="list-status list-status--error">{specialists.error.message}</p>}
      {specialists.data && list.length === 0 ? (
        <div className="empty">
          <h2>No specialists yet</h2>
          <p>Timesheets belong to specialists. Add the first one, then come back to record their hours.</p>
          <div className="empty__actions">
            <button type="button" className="button button--primary" onClick={() => go({ area: 'specialists', recordId: 'new' })}>
              Add a specialist
            </button>
          </div>
        </div>
      ) : specialistId === null ? (
        <div className="empty">
          <h2>Whose week?</h2>
          <p>
            Pick a specialist above to see and fill their week: one row per engagement, activity and model (or none), one column per day.
          </p>
        </div>
      ) : week.error ? (
        <p className="list-status list-status--error" role="alert">
          {week.error.message}
        </p>
      ) : !week.data ? (
        <p className="list-status">Loading the week…</p>
      ) : (
        <WeekBody key={`${specialistId}|${hours.weekStart}`} week={week.data} />
      )}
    </section>
  );
}

/** One loaded week: the grid, its messages, the note of the focused cell and the row adder. Keyed per week. */
function WeekBody({ week }: { week: TimesheetWeek }) {
  // A week that starts before the person joined says so: those days take no hours.
  const notJoined = joinedRefusal(week.specialist, week.weekStart, 'hours', day);
  const weekKey = `${week.specialist.id}|${week.weekStart}`;
  const { rows, add, remove, replace } = useWeekRows(week, weekKey);
  const editor = useCellEditor(week.specialist.id);
  const [active, setActive] = useState<{ key: string; note: NoteTarget } | null>(null);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const copy = useCommand('time.copyWeek');
  const toast = useToasts((s) => s.show);

  const problems = Object.values(editor.drafts).filter((d) => d.problem !== null);
  const locks = [
    ...new Set(
      week.engagements.flatMap((e) =>
        Object.entries(e.months)
          .map(([month, status]) => lockedMonthRefusal(status, e.name, month))
          .filter((m): m is string => m !== null && rows.some((r) => r.engagementId === e.id)),
      ),
    ),
  ];
  // The note follows the saved cell, so it shows the latest note and minutes after a save.
  const activeNote = active ? noteOf(week, active.note) : null;

  const copyLastWeek = async () => {
    try {
      const result = await copy.mutateAsync({ specialistId: week.specialist.id, weekStart: week.weekStart });
      editor.addWarnings(result.warnings);
      toast({
        tone: 'info',
        message: `Copied ${result.created} ${result.created === 1 ? 'entry' : 'entries'} from last week.${result.warnings.length ? ` ${result.warnings.length} ${result.warnings.length === 1 ? 'warning' : 'warnings'}: ${result.warnings.join(' ')}` : ''}`,
      });
    } catch (e) {
      toast({ tone: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  if (week.engagements.length === 0 && week.rows.length === 0) {
    return (
      <div className="empty">
        <h2>No engagement runs in this week</h2>
        <p>
          {week.specialist.fullName} has no engagement to book hours on between {rangeLabel(week.dates[0] ?? '', week.dates[6] ?? '')}. Pick
          another week, or check the engagement dates.
        </p>
      </div>
    );
  }

  return (
    <>
      <div className="ts-summary">
        <div>
          <h2 className="ts-summary__name">{week.specialist.fullName}</h2>
          <span className="muted">
            Contract {formatDuration(week.specialist.dailyMinutes)} a working day · daily threshold{' '}
            {formatDuration(week.dailyThresholdMinutes)} · week total <strong>{formatDuration(week.totalMinutes)}</strong>
          </span>
          {notJoined && <p className="form__note">{notJoined}</p>}
        </div>
        <button
          type="button"
          className="button"
          disabled={!week.previousWeekHasEntries || copy.isPending}
          title={
            week.previousWeekHasEntries
              ? 'Copies last week’s hours into this week’s empty cells; all or nothing.'
              : 'Last week has no hours to copy.'
          }
          onClick={copyLastWeek}
        >
          {copy.isPending ? 'Copying…' : 'Copy last week'}
        </button>
      </div>
      {locks.length > 0 && (
        <ul className="ts-locks" aria-label="Locked months">
          {locks.map((m) => (
            <li key={m}>
              <LockIcon className="ts-locks__icon" />
              {m}
            </li>
          ))}
        </ul>
      )}
      <TimesheetGrid
        week={week}
        rows={rows}
        editor={editor}
        activeCell={active?.key ?? null}
        onActivate={(key, note) => setActive({ key, note })}
        focusRow={focusRow}
        onFocused={() => setFocusRow(null)}
        onRowActivity={replace}
        onRemoveRow={remove}
      />
      <div className="ts-messages" aria-live="assertive">
        {problems.map((d) => (
          <p key={d.label} className={`ts-problem ts-problem--${d.problem?.kind}`} role="alert">
            {d.problem?.kind === 'invalid' ? (
              <>
                <strong>{d.label}:</strong> {d.problem.message}
              </>
            ) : (
              <>
                {d.problem?.message}{' '}
                <span className="ts-problem__kept">Your “{d.text}” is kept in the cell: change it, or press Escape there to undo.</span>
              </>
            )}
          </p>
        ))}
      </div>
      {editor.warnings.length > 0 && (
        <div className="notice notice--row ts-warnings" role="status">
          <ul>
            {editor.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={editor.dismissWarnings}>
            Dismiss
          </button>
        </div>
      )}
      <div className="ts-below">
        <CellNote key={active?.key ?? 'none'} specialistId={week.specialist.id} target={activeNote} />
        <AddRow
          engagements={week.engagements}
          taken={new Set(rows.map((r) => r.key))}
          onAdd={(engagementId, activity, modelId) => {
            add(engagementId, activity, modelId);
            setFocusRow(rowKey(engagementId, activity, modelId));
          }}
        />
      </div>
      <NotBilledLegend week={week} />
      <p className="ts-help muted">
        Type 7.5, 7:30, 450m or 7h30. Arrow keys move between cells, Enter saves and moves down, Escape puts the saved value back, an
        emptied cell deletes its hours.
      </p>
    </>
  );
}

/** Says what the tinted cells are: hours shown but not billed, with their reasons. */
function NotBilledLegend({ week }: { week: TimesheetWeek }) {
  const reasons = [
    ...new Set(
      week.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c.nonBillableReason === undefined ? [] : [c.nonBillableReason]))),
    ),
  ];
  if (reasons.length === 0) return null;
  return (
    <p className="ts-help ts-help--not-billed">
      <span className="ts-legend-swatch" aria-hidden="true" /> Tinted hours are recorded but not billed: {reasons.join('; ')}. Finance can
      change that in the month review until the month is approved.
    </p>
  );
}

/** The focused cell's note target with the week's current minutes and note. */
function noteOf(week: TimesheetWeek, target: NoteTarget): NoteTarget {
  const row = week.rows.find(
    (r) => r.engagementId === target.engagementId && r.activity === target.activity && r.modelId === target.modelId,
  );
  const cell = row?.cells[target.date];
  return { ...target, minutes: cell ? cell.minutes : null, note: cell?.note ?? '' };
}
