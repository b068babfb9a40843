import type { Context } from '@backend/core/context';
import type { Cell, Table } from '@backend/core/readTable';
import type { ImportConflict, ImportProblem, ImportReport } from '@shared/billing/contract/billing';
import type { TimeEntry } from '@shared/billing/contract/hours';
import { ACTIVITIES, ACTIVITY_LABELS, type Activity, activityFromLabel } from '@shared/billing/rules/activities';
import { formatDuration, MINUTES_PER_DAY } from '@shared/billing/rules/duration';
import { type EntryTarget, entryRefusals, refusalSentence } from '@shared/billing/rules/entries';
import { type ConflictCell, cellVerdict, cellWords, conflictSentence } from '@shared/billing/rules/importRows';
import { lockedMonthRefusal, type MonthStatus } from '@shared/billing/rules/monthClose';
import { monthOf } from '@shared/billing/rules/months';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import type { Specialist } from '@shared/clients/contract/specialists';
import { isIsoDate } from '@shared/kernel/dates';
import { fromDay } from '@shared/kernel/days';
import { DomainError } from '@shared/kernel/errors';
import type { Model } from '@shared/portfolio/contract/models';

/**
 * Checks an hours file against Keel (importWorker.ts runs it in a worker
 * thread on a read-only connection): every row with the same rules as the
 * timesheet (entry rules, month locks, 24 hours a day counting Keel's entries
 * and the file's other rows). Rows already in Keel, or repeated in the file,
 * are duplicates; a row whose cell already has *different* hours in Keel is a
 * conflict, listed with both values and never applied (rules/importRows.ts).
 * What remains is `ready`: the candidates hoursImportJobs.ts writes.
 */

export const MAX_LISTED = 500;
const NOTE_MAX = 1000;

// ---------------------------------------------------------------- columns

const FIELDS = {
  date: ['date'],
  engagementId: ['engagement id'],
  client: ['client'],
  engagement: ['engagement'],
  email: ['specialist email', 'email'],
  activity: ['activity'],
  minutes: ['minutes'],
  hours: ['hours'],
  note: ['note', 'notes'],
  entryId: ['entry id'],
  model: ['model'],
} as const;
type Field = keyof typeof FIELDS;
type Columns = Partial<Record<Field, { index: number; header: string }>>;

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export const REQUIRED_COLUMNS_SENTENCE =
  'Keel reads the columns Date, Engagement ID (or Client and Engagement), Specialist email, Activity and Minutes (or Hours), with Model, Note and Entry ID optional: the layout of its own “Timesheet detail” export.';

function columnsOf(table: Table): Columns {
  const columns: Columns = {};
  table.header.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const key = normal(cell);
    const field = (Object.keys(FIELDS) as Field[]).find((f) => (FIELDS[f] as readonly string[]).includes(key));
    if (field && !columns[field]) columns[field] = { index, header: cell.trim() };
  });
  const missing: string[] = [];
  if (!columns.date) missing.push('Date');
  if (!columns.engagementId && !(columns.client && columns.engagement)) missing.push('Engagement ID (or Client and Engagement)');
  if (!columns.email) missing.push('Specialist email');
  if (!columns.activity) missing.push('Activity');
  if (!columns.minutes && !columns.hours) missing.push('Minutes (or Hours)');
  if (missing.length) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    throw new DomainError(
      'invalid_input',
      `${table.where} has no ${list} column in its header row (row ${table.headerRow}). ${REQUIRED_COLUMNS_SENTENCE}`,
      missing.map((m) => ({ path: 'base64', message: `has no ${m} column` })),
    );
  }
  return columns;
}

// ---------------------------------------------------------------- cells

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

const text = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
};

const EXCEL_EPOCH = 25_569; // Excel's serial number of 1970-01-01
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_WITH_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/;

function dateOf(cell: Cell | undefined): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('The date is not a real date.');
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell > 60 && cell < 2_958_466) return ok(fromDay(cell - EXCEL_EPOCH));
    return fail(`${cell} is not a date. Write dates as YYYY-MM-DD, such as 2026-10-05.`);
  }
  const value = text(cell);
  if (!value) return fail('The date is missing.');
  const dotted = DOTTED.exec(value);
  const iso = dotted ? `${dotted[3]}-${dotted[2]?.padStart(2, '0')}-${dotted[1]?.padStart(2, '0')}` : ISO_WITH_TIME.exec(value)?.[1];
  if (!iso) return fail(`“${value}” is not a date Keel can read. Write dates as YYYY-MM-DD, such as 2026-10-05.`);
  return isIsoDate(iso) ? ok(iso) : fail(`${value} is not a real date.`);
}

const MINUTES_RULE = 'a whole number of minutes from 1 to 1440 (24 hours)';

function minutesOf(cell: Cell | undefined): Parsed<number> {
  const value = typeof cell === 'number' ? cell : /^\d+$/.test(text(cell)) ? Number(text(cell)) : Number.NaN;
  if (cell === null || text(cell) === '') return fail('The minutes are missing.');
  if (!Number.isInteger(value) || value < 1 || value > MINUTES_PER_DAY) return fail(`“${text(cell)}” is not ${MINUTES_RULE}.`);
  return ok(value);
}

function hoursOfCell(cell: Cell | undefined): Parsed<number> {
  if (cell === null || text(cell) === '') return fail('The hours are missing.');
  const raw = typeof cell === 'number' ? cell : /^\d+(?:[.,]\d+)?$/.test(text(cell)) ? Number(text(cell).replace(',', '.')) : Number.NaN;
  const minutes = raw * 60;
  const whole = Math.round(minutes);
  if (!Number.isFinite(minutes) || Math.abs(minutes - whole) > 1e-6) {
    return fail(`“${text(cell)}” is not a number of hours in whole minutes, such as 7.5 or 0.25.`);
  }
  if (whole < 1 || whole > MINUTES_PER_DAY) return fail(`“${text(cell)}” hours is not between 1 minute and 24 hours.`);
  return ok(whole);
}

function activityOf(cell: Cell | undefined): Parsed<Activity> {
  const value = text(cell);
  if (!value) return fail('The activity is missing.');
  const activity = activityFromLabel(value);
  return activity
    ? ok(activity)
    : fail(`“${value}” is not an activity. Use one of: ${ACTIVITIES.map((a) => ACTIVITY_LABELS[a]).join(', ')}.`);
}

// ---------------------------------------------------------------- checking

export type Candidate = Pick<TimeEntry, 'specialistId' | 'engagementId' | 'date' | 'activity' | 'modelId' | 'minutes' | 'note'>;
type Row = {
  row: number;
  entryId: string;
  candidate: Candidate | null;
  specialist: Specialist | null;
  engagement: EngagementListItem | null;
  model: Model | null;
  problems: ImportProblem[];
};
export type Checked = {
  rows: number;
  ready: Candidate[];
  problems: ImportProblem[];
  duplicates: ImportReport['duplicates'];
  conflicts: ImportConflict[];
};

/** Looks records up once per distinct value. */
class Lookups {
  private readonly specialists = new Map<string, Specialist | null>();
  private readonly engagements = new Map<string, EngagementListItem | null>();
  private readonly byName = new Map<string, EngagementListItem | 'no client' | null>();
  private readonly months = new Map<string, MonthStatus>();
  private readonly models = new Map<string, Model | null>();
  constructor(private readonly ctx: Context) {}

  /** A model by name among the models of the engagement's client (names are unique per client). */
  modelNamed(clientId: string, name: string) {
    const key = `${clientId}|${normal(name)}`;
    if (!this.models.has(key)) this.models.set(key, this.ctx.repos.models.findByName(clientId, name));
    return this.models.get(key) ?? null;
  }
  model(id: string) {
    if (!this.models.has(id)) this.models.set(id, this.ctx.repos.models.get(id));
    return this.models.get(id) ?? null;
  }

  specialist(email: string) {
    const key = email.toLowerCase();
    if (!this.specialists.has(key)) this.specialists.set(key, this.ctx.repos.specialists.findByEmail(email));
    return this.specialists.get(key) ?? null;
  }
  specialistById(id: string) {
    const key = `id:${id}`;
    if (!this.specialists.has(key)) this.specialists.set(key, this.ctx.repos.specialists.get(id));
    return this.specialists.get(key) ?? null;
  }
  engagement(id: string) {
    if (!this.engagements.has(id)) this.engagements.set(id, this.ctx.repos.engagements.get(id));
    return this.engagements.get(id) ?? null;
  }
  engagementNamed(client: string, name: string) {
    const key = `${normal(client)}|${normal(name)}`;
    if (!this.byName.has(key)) {
      const c = this.ctx.repos.clients.findByName(client);
      const e = c ? this.ctx.repos.engagements.findByClientAndName(c.id, name) : null;
      this.byName.set(key, !c ? 'no client' : e ? this.engagement(e.id) : null);
    }
    return this.byName.get(key) ?? null;
  }
  monthStatus(engagementId: string, month: string) {
    const key = `${engagementId}|${month}`;
    let status = this.months.get(key);
    if (!status) {
      status = this.ctx.repos.invoices.monthState(engagementId, month).status;
      this.months.set(key, status);
    }
    return status;
  }
}

function parseRow(columns: Columns, lookups: Lookups, row: number, cells: Cell[]): Row {
  const problems: ImportProblem[] = [];
  const at = (field: Field) => (columns[field] ? cells[columns[field].index] : undefined);
  const problem = (field: Field, message: string) => problems.push({ row, column: columns[field]?.header ?? field, message });
  const take = <T>(field: Field, parsed: Parsed<T>): T | null => {
    if (parsed.ok) return parsed.value;
    problem(field, parsed.message);
    return null;
  };

  const date = take('date', dateOf(at('date')));
  const minutes = columns.minutes ? take('minutes', minutesOf(at('minutes'))) : take('hours', hoursOfCell(at('hours')));
  const activity = take('activity', activityOf(at('activity')));

  const email = text(at('email'));
  const specialist = email ? lookups.specialist(email) : null;
  if (!email) problem('email', 'The specialist’s email is missing.');
  else if (!specialist) problem('email', `No specialist in Keel has the email ${email}.`);

  let engagement: EngagementListItem | null = null;
  const engagementId = text(at('engagementId')).toLowerCase();
  if (engagementId) {
    engagement = lookups.engagement(engagementId);
    if (!engagement) problem('engagementId', `Keel has no engagement with the ID ${engagementId}.`);
  } else if (columns.client && columns.engagement) {
    const client = text(at('client'));
    const name = text(at('engagement'));
    if (!client) problem('client', 'The client is missing.');
    if (!name) problem('engagement', 'The engagement is missing.');
    if (client && name) {
      const found = lookups.engagementNamed(client, name);
      if (found === 'no client') problem('client', `Keel has no client named “${client}”.`);
      else if (!found) problem('engagement', `“${name}” is not an engagement of ${client}.`);
      else engagement = found;
    }
  } else {
    problem('engagementId', 'The engagement ID is missing.');
  }

  const note = text(at('note'));
  if (note.length > NOTE_MAX) problem('note', `The note is longer than ${NOTE_MAX.toLocaleString('en')} characters.`);

  // Hours on a model: named as in Keel, among the models of the engagement's client (whether the
  // engagement runs it, and since when, are the entry rules' to say).
  const modelName = text(at('model'));
  let model: Model | null = null;
  if (modelName && engagement) {
    model = lookups.modelNamed(engagement.clientId, modelName);
    if (!model) problem('model', `${engagement.clientName} has no model named “${modelName}” in Keel.`);
  }

  const candidate =
    problems.length === 0 && specialist && engagement && date !== null && minutes !== null && activity !== null
      ? { specialistId: specialist.id, engagementId: engagement.id, date, activity, modelId: model?.id ?? null, minutes, note }
      : null;
  return { row, entryId: text(at('entryId')).toLowerCase(), candidate, specialist, engagement, model, problems };
}

/** Progress while checking: rows parsed, rows checked against Keel, problems so far. */
export type CheckProgress = (rowsChecked: number, rowsTotal: number, problems: number) => void;
const PROGRESS_EVERY = 5000;

export function checkTable(ctx: Context, table: Table, progress: CheckProgress = () => {}): Checked {
  const columns = columnsOf(table);
  const lookups = new Lookups(ctx);
  const total = table.rows.length;
  const rows = table.rows.map((r) => parseRow(columns, lookups, r.row, r.cells));
  const minutesColumn = columns.minutes?.header ?? columns.hours?.header ?? 'Minutes';
  const dateColumn = columns.date?.header ?? 'Date';
  const emailColumn = columns.email?.header ?? 'Specialist email';
  const engagementColumn = (columns.engagementId ?? columns.engagement)?.header ?? 'Engagement ID';
  const modelColumn = columns.model?.header ?? 'Model';

  const candidates = rows.flatMap((r) => (r.candidate ? [r.candidate] : []));
  const dates = candidates.map((c) => c.date).sort();
  const existingDays = dates.length
    ? ctx.repos.timeEntries.dayTotals([...new Set(candidates.map((c) => c.specialistId))], dates[0] as string, dates.at(-1) as string)
    : new Map<string, number>();
  const fileDays = new Map<string, number>();
  const seen = new Map<string, number>();

  const out: Checked = { rows: rows.length, ready: [], problems: [], duplicates: [], conflicts: [] };
  const problem = (p: ImportProblem) => out.problems.push(p);
  const cellOf = (
    c: Pick<Candidate, 'activity' | 'date' | 'modelId'>,
    specialist: Specialist | null,
    engagement: EngagementListItem | null,
  ): ConflictCell => ({
    specialistName: specialist?.fullName ?? 'a specialist no longer in Keel',
    engagementName: engagement?.name ?? 'an engagement no longer in Keel',
    clientName: engagement?.clientName ?? '—',
    activityLabel: ACTIVITY_LABELS[c.activity] ?? c.activity,
    date: c.date,
    modelName: c.modelId ? (lookups.model(c.modelId)?.name ?? 'a model no longer in Keel') : null,
  });
  const conflict = (row: number, fileCell: ConflictCell, fileMinutes: number, keelMinutes: number, keelCell?: ConflictCell) =>
    out.conflicts.push({
      row,
      cell: cellWords(keelCell ?? fileCell),
      fileMinutes,
      keelMinutes,
      message: conflictSentence(fileCell, fileMinutes, keelMinutes, keelCell),
    });
  let done = 0;
  for (const r of rows) {
    if (++done % PROGRESS_EVERY === 0) progress(done, total, out.problems.length);
    const existingId = r.entryId ? ctx.repos.timeEntries.get(r.entryId) : null;
    if (existingId) {
      const c = r.candidate;
      const sameCell =
        c &&
        c.specialistId === existingId.specialistId &&
        c.engagementId === existingId.engagementId &&
        c.date === existingId.date &&
        c.activity === existingId.activity &&
        c.modelId === existingId.modelId;
      if (c && (!sameCell || c.minutes !== existingId.minutes)) {
        // The file changes an entry Keel holds: an import never does that.
        const keelCell = cellOf(existingId, lookups.specialistById(existingId.specialistId), lookups.engagement(existingId.engagementId));
        conflict(r.row, cellOf(c, r.specialist, r.engagement), c.minutes, existingId.minutes, keelCell);
        continue;
      }
      const noteDiffers = c && c.note !== existingId.note;
      out.duplicates.push({
        row: r.row,
        message: `Entry ${existingId.id} is already in Keel, so this row was skipped${noteDiffers ? '; its note in the file differs from Keel’s, and an import never changes existing entries (edit the note in the timesheet)' : ''}.`,
      });
      continue;
    }
    if (!r.candidate || !r.specialist || !r.engagement) {
      for (const p of r.problems) problem(p);
      continue;
    }
    const c = r.candidate;
    const { specialist, engagement, model } = r;
    const onModel = model ? `, ${model.name}` : '';
    const what = `${specialist.fullName} on ${engagement.name}${onModel}, ${c.date}, ${ACTIVITY_LABELS[c.activity]}, ${formatDuration(c.minutes)}`;
    const key = [c.specialistId, c.engagementId, c.date, c.activity, c.modelId ?? '', c.minutes, c.note].join('\u0000');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      out.duplicates.push({ row: r.row, message: `This row repeats row ${earlier} of the file (${what}), so it was skipped.` });
      continue;
    }
    seen.set(key, r.row);
    const same = ctx.repos.timeEntries.sameEntry(c);
    if (same) {
      out.duplicates.push({ row: r.row, message: `These hours are already in Keel as entry ${same} (${what}), so the row was skipped.` });
      continue;
    }
    // Hours already in that cell were typed, copied or imported before (perhaps since edited): never count them twice.
    const inCell = ctx.repos.timeEntries.cellMinutes(c.specialistId, c.engagementId, c.activity, c.modelId, c.date);
    const verdict = cellVerdict(c.minutes, inCell);
    if (verdict === 'duplicate') {
      out.duplicates.push({
        row: r.row,
        message: `Keel already has ${formatDuration(inCell)} for ${specialist.fullName} on ${engagement.name}${onModel}, ${c.date}, ${ACTIVITY_LABELS[c.activity]}, so the row was skipped.`,
      });
      continue;
    }
    if (verdict === 'conflict') {
      conflict(r.row, cellOf(c, specialist, engagement), c.minutes, inCell);
      continue;
    }
    let refused = false;
    if (specialist.archivedAt) {
      problem({
        row: r.row,
        column: emailColumn,
        message: `${specialist.fullName} is archived. Restore the specialist before importing hours.`,
      });
      refused = true;
    }
    if (engagement.archivedAt) {
      problem({ row: r.row, column: engagementColumn, message: `${engagement.name} is archived. Restore it before importing hours.` });
      refused = true;
    }
    const month = monthOf(c.date);
    const locked = lockedMonthRefusal(lookups.monthStatus(engagement.id, month), engagement.name, month);
    if (locked) {
      problem({ row: r.row, column: dateColumn, message: locked });
      refused = true;
    }
    const day = `${c.specialistId}|${c.date}`;
    const target: EntryTarget = {
      date: c.date,
      minutes: c.minutes,
      engagement,
      specialist,
      model,
      otherMinutesThatDay: (existingDays.get(day) ?? 0) + (fileDays.get(day) ?? 0),
    };
    const issues = entryRefusals(target);
    const columnOf = (path: string) => (path === 'date' ? dateColumn : path === 'modelId' ? modelColumn : minutesColumn);
    for (const issue of issues) {
      problem({ row: r.row, column: columnOf(issue.path), message: refusalSentence(target, [issue]) });
    }
    // The file's own rows count towards the day, except one already refused for the 24 hours.
    if (!issues.some((i) => i.path === 'minutes')) fileDays.set(day, (fileDays.get(day) ?? 0) + c.minutes);
    if (!refused && issues.length === 0) out.ready.push(c);
  }
  progress(total, total, out.problems.length);
  return out;
}
