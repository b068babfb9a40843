import type { Context } from '@backend/core/context';
import { addTable, type Column, DATE_FORMAT, excel, excelDate, fitColumns, formulaSafe, workbookBuffer } from '@backend/core/excel';
import type { ActionItem } from '@shared/ceremonies/contract/occurrences';
import { ACTION_STATUS_LABELS, CEREMONY_TYPE_LABELS, OCCURRENCE_STATE_LABELS } from '@shared/ceremonies/rules/vocabulary';
import { unknownReference } from '@shared/kernel/errors';
import type { ExportedFile } from '@shared/kernel/printDocument';
import { slug } from '@shared/kernel/text';
import { calendar, listActions } from './occurrenceService';

/**
 * A client's ceremonies between two days as a workbook:
 * - **Occurrences**: one row per occurrence (local date and time in the series' zone), its state, whether it was
 *   moved or cancelled, who attended, the notes and the decisions;
 * - **Action items**: every action item of the client's series, with owner, due date, status and model.
 */
export async function ceremoniesWorkbook(ctx: Context, clientId: string, from: string, to: string): Promise<ExportedFile> {
  const client = ctx.repos.clients.get(clientId);
  if (!client) throw unknownReference('Client', clientId, 'clientId');
  const occurrences = [];
  // The calendar reads at most 93 days at a time.
  for (let start = from; start <= to; ) {
    const end = new Date(Math.min(Date.parse(`${start}T00:00:00Z`) + 92 * 86_400_000, Date.parse(`${to}T00:00:00Z`)))
      .toISOString()
      .slice(0, 10);
    occurrences.push(...calendar(ctx, { from: start, to: end, clientId }));
    start = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  const seriesIds = [...new Set(occurrences.map((o) => o.seriesId))];
  const outcomes = new Map(
    ctx.repos.ceremonies
      .outcomesBetween(
        seriesIds,
        new Date(Date.parse(`${from}T00:00:00Z`) - 2 * 86_400_000).toISOString(),
        new Date(Date.parse(`${to}T00:00:00Z`) + 3 * 86_400_000).toISOString(),
      )
      .map((o) => [`${o.seriesId}|${o.key}`, o]),
  );
  const book = new (excel().Workbook)();
  book.creator = 'Keel';
  book.title = `Ceremonies – ${client.name} – ${from} to ${to}`;
  book.created = new Date(ctx.now());

  const occurrenceColumns: Column[] = [
    { header: 'Date', key: 'date', width: 12, numFmt: DATE_FORMAT },
    { header: 'Time', key: 'time', width: 8 },
    { header: 'Time zone', key: 'zone', width: 16 },
    { header: 'Engagement', key: 'engagement', width: 22 },
    { header: 'Ceremony', key: 'title', width: 28 },
    { header: 'Type', key: 'type', width: 22 },
    { header: 'State', key: 'state', width: 12 },
    { header: 'Changed', key: 'changed', width: 12 },
    { header: 'Attended', key: 'attended', width: 30 },
    { header: 'Notes', key: 'notes', width: 40 },
    { header: 'Decisions', key: 'decisions', width: 50 },
  ];
  const occurrenceRows = occurrences.map((o) => {
    const outcome = outcomes.get(`${o.seriesId}|${o.key}`);
    return {
      date: excelDate(o.date),
      time: o.time,
      zone: o.timeZone,
      engagement: formulaSafe(o.engagementName),
      title: formulaSafe(o.title),
      type: CEREMONY_TYPE_LABELS[o.type],
      state: OCCURRENCE_STATE_LABELS[o.state],
      changed: o.cancelled ? 'Cancelled' : o.moved ? `Moved from ${o.key.replace('T', ' ')}` : '',
      attended: outcome ? String(outcome.attendance.filter((a) => a.present).length) : '',
      notes: formulaSafe(outcome?.notes ?? ''),
      decisions: formulaSafe(outcome?.decisions ?? ''),
    };
  });
  addTable(book, 'Occurrences', fitColumns(occurrenceColumns, occurrenceRows), occurrenceRows, 2);

  const actions: ActionItem[] = listActions(ctx, { clientId, include: 'all' });
  const actionColumns: Column[] = [
    { header: 'Ceremony', key: 'series', width: 28 },
    { header: 'Raised on', key: 'raised', width: 12, numFmt: DATE_FORMAT },
    { header: 'Action item', key: 'title', width: 40 },
    { header: 'Owner', key: 'owner', width: 22 },
    { header: 'Due', key: 'due', width: 12, numFmt: DATE_FORMAT },
    { header: 'Status', key: 'status', width: 10 },
    { header: 'Overdue', key: 'overdue', width: 10 },
    { header: 'Model', key: 'model', width: 24 },
  ];
  const actionRows = actions.map((a) => ({
    series: formulaSafe(a.seriesTitle),
    raised: excelDate(a.occurrenceKey.slice(0, 10)),
    title: formulaSafe(a.title),
    owner: formulaSafe(a.owner.name),
    due: excelDate(a.dueDate),
    status: ACTION_STATUS_LABELS[a.status],
    overdue: a.overdue ? 'Overdue' : '',
    model: formulaSafe(a.modelName ?? ''),
  }));
  addTable(book, 'Action items', fitColumns(actionColumns, actionRows), actionRows, 1);
  const buffer = await workbookBuffer(book);
  return {
    fileName: `ceremonies-${slug(client.name, 'client')}-${from}-${to}.xlsx`,
    base64: buffer.toString('base64'),
    bytes: buffer.length,
  };
}
