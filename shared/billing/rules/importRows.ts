import { format, parse } from 'date-fns';
import { formatDuration } from './duration';

/**
 * What an hours import does with a row whose cell — the same person,
 * engagement, day, activity and model (or none) — already has hours in Keel. The same hours
 * are a duplicate: skipped, nothing is lost. Different hours are a conflict:
 * the file and Keel disagree, and an import never overwrites or adds to what
 * Keel holds (hours typed, approved or invoiced), so the row is not applied
 * and both values are shown for a person to settle in the timesheet.
 */
export type CellVerdict = 'new' | 'duplicate' | 'conflict';

export function cellVerdict(fileMinutes: number, keelMinutes: number): CellVerdict {
  if (keelMinutes === 0) return 'new';
  return fileMinutes === keelMinutes ? 'duplicate' : 'conflict';
}

const REFERENCE = new Date(2000, 0, 1);

/** `2026-10-05` → `Mon 5 Oct 2026`: a day as the screens show it. */
export function spokenDay(iso: string): string {
  return format(parse(iso, 'yyyy-MM-dd', REFERENCE), 'EEE d MMM yyyy');
}

/** The cell a conflict is about, in words: who, where, what and when. */
export type ConflictCell = {
  specialistName: string;
  engagementName: string;
  clientName: string;
  activityLabel: string;
  date: string;
  /** The model of the row, when the hours are on one (a row is engagement, activity, model or none). */
  modelName?: string | null;
};

export function cellWords(cell: ConflictCell): string {
  const model = cell.modelName ? `, ${cell.modelName}` : '';
  return `${cell.specialistName} on ${cell.engagementName} (${cell.clientName})${model}, ${cell.activityLabel}, ${spokenDay(cell.date)}`;
}

/**
 * "The file has 2:00 for Ana Ionescu on Claims (Helvetic), Retraining, Mon 5
 * Oct 2026, but Keel already has 7:30 there. …". `keelCell` is given when
 * the row names an existing entry (by its Entry ID) that the file moves to
 * another cell.
 */
export function conflictSentence(fileCell: ConflictCell, fileMinutes: number, keelMinutes: number, keelCell?: ConflictCell): string {
  const keel =
    keelCell && cellWords(keelCell) !== cellWords(fileCell)
      ? `but that entry is ${formatDuration(keelMinutes)} for ${cellWords(keelCell)} in Keel`
      : `but Keel already has ${formatDuration(keelMinutes)} there`;
  return `The file has ${formatDuration(fileMinutes)} for ${cellWords(fileCell)}, ${keel}. The import leaves Keel’s hours as they are; if the file is right, change them in the timesheet.`;
}
