import { createRequire } from 'node:module';
import { slaReportTitle, slaReportWorkbook } from '@backend/continuity/slaWorkbook';
import { holidaysOfCalendar } from '@backend/core/calendars';
import type { ReplacementReason } from '@shared/continuity/rules/replacement';
import { quarterRange, slaFigures } from '@shared/continuity/rules/report';
import type { ReplacementItem, ReplacementPause, SlaReport } from '@shared/contract';
import { runClock } from '@shared/kernel/businessClock';
import { instantOf } from '@shared/kernel/timeZone';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

/**
 * The SLA report workbook, written and re-opened with exceljs. The requests
 * are built by hand; their clocks come from the domain's clock on the real
 * Zurich and Polish holiday calendars, and every figure the workbook must
 * show is written out below as a literal. Today is 2026-11-24 (a Tuesday).
 */

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
const TODAY = '2026-11-24';
const GENERATED_AT = new Date(Date.UTC(2026, 10, 24, 10, 0, 0));

type Client = { clientId: string; clientName: string; engagementName: string; timeZone: string; holidayCalendar: string };
const HELVETIC: Client = {
  clientId: 'c-helvetic',
  clientName: 'Helvetic Re AG',
  engagementName: 'Claims triage',
  timeZone: 'Europe/Zurich',
  holidayCalendar: 'CH-ZH',
};
const VISTULA: Client = {
  clientId: 'c-vistula',
  clientName: 'Vistula Logistics S.A.',
  engagementName: 'Route forecasting',
  timeZone: 'Europe/Warsaw',
  holidayCalendar: 'PL',
};

type Facts = {
  id: string;
  client: Client;
  outgoing: string;
  reason: ReplacementReason;
  submittedOn: string;
  submittedTime: string;
  sla: number;
  pauses?: { startDate: string; endDate: string; reason: string }[];
  replacement?: { name: string; startDate: string; lateReason?: string };
  cancelled?: { on: string; reason: string };
  notes?: string;
};

function request(f: Facts): ReplacementItem {
  const pauses: ReplacementPause[] = (f.pauses ?? []).map((p, i) => ({
    id: `${f.id}-p${i}`,
    requestId: f.id,
    ...p,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  }));
  const clock = runClock(
    {
      submittedOn: f.submittedOn,
      allowance: f.sla,
      holidaysOf: holidaysOfCalendar(f.client.holidayCalendar),
      pauses,
      deliveredOn: f.replacement?.startDate ?? null,
      cancelledOn: f.cancelled?.on ?? null,
    },
    TODAY,
  );
  return {
    id: f.id,
    engagementId: `${f.client.clientId}-e`,
    outgoingSpecialistId: `${f.id}-out`,
    outgoingAllocationId: null,
    reason: f.reason,
    submittedAt: instantOf(f.submittedOn, f.submittedTime, f.client.timeZone),
    submittedBy: 'Head of data, client side',
    notes: f.notes ?? '',
    status: f.replacement ? 'fulfilled' : f.cancelled ? 'cancelled' : 'open',
    replacementSpecialistId: f.replacement ? `${f.id}-in` : null,
    replacementAllocationId: f.replacement ? `${f.id}-alloc` : null,
    replacementStartDate: f.replacement?.startDate ?? null,
    lateReason: f.replacement?.lateReason ?? '',
    cancelledOn: f.cancelled?.on ?? null,
    cancelReason: f.cancelled?.reason ?? '',
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    engagementName: f.client.engagementName,
    clientId: f.client.clientId,
    clientName: f.client.clientName,
    timeZone: f.client.timeZone,
    holidayCalendar: f.client.holidayCalendar,
    slaBusinessDays: f.sla,
    outgoingSpecialistName: f.outgoing,
    replacementSpecialistName: f.replacement?.name ?? null,
    submittedOn: f.submittedOn,
    submittedTime: f.submittedTime,
    clock,
    pauses,
    candidates: [],
    outgoingAllocation: null,
    replacementAllocation: null,
    handoverDays: 0,
  };
}

function report(requests: ReplacementItem[]): SlaReport {
  const { from, to } = quarterRange(2026, 4);
  const byClient = new Map<string, ReplacementItem[]>();
  for (const r of requests) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r]);
  return {
    year: 2026,
    quarter: 4,
    from,
    to,
    today: TODAY,
    total: { clientId: '', clientName: 'All clients', ...slaFigures(requests) },
    clients: [...byClient].map(([clientId, items]) => ({
      clientId,
      clientName: items[0]?.clientName ?? '',
      ...slaFigures(items),
    })),
    requests,
    breaches: requests.filter((r) => r.clock.state === 'breached'),
  };
}

// Helvetic: a request met, and one delivered late after a two-day pause.
const met = request({
  id: 'r-met',
  client: HELVETIC,
  outgoing: 'Ana Pop',
  reason: 'resignation',
  submittedOn: '2026-10-05', // Monday
  submittedTime: '09:30',
  sla: 7, // due Wed 14 Oct
  replacement: { name: 'Ben Kowalski', startDate: '2026-10-12' }, // 5 business days
});
const late = request({
  id: 'r-late',
  client: HELVETIC,
  outgoing: 'Carla Jones',
  reason: 'performance',
  submittedOn: '2026-10-16', // Friday evening
  submittedTime: '17:45',
  sla: 7, // 19 Oct counts, 20–21 Oct paused, then 22, 23, 26, 27, 28, 29 → due Thu 29 Oct
  pauses: [{ startDate: '2026-10-20', endDate: '2026-10-21', reason: 'client postponed interviews' }],
  replacement: { name: 'Dana Ionescu', startDate: '2026-11-03', lateReason: 'Work permit took a week longer than planned' }, // 30 Oct, 2 Nov, 3 Nov: 3 late
  notes: 'Client asked for a senior profile',
});
// Vistula: one still open past its due date, one open and at risk, one withdrawn.
const overdue = request({
  id: 'r-overdue',
  client: VISTULA,
  outgoing: 'Eryk Nowak',
  reason: 'relocation',
  submittedOn: '2026-11-02',
  submittedTime: '08:15',
  sla: 5, // due Mon 9 Nov; 11 Nov is Independence Day: 15 business days used by 24 Nov, 10 late
});
const atRisk = request({
  id: 'r-at-risk',
  client: VISTULA,
  outgoing: 'Filip Zielinski',
  reason: 'health',
  submittedOn: '2026-11-17',
  submittedTime: '10:00',
  sla: 7, // 5 of 7 used (71%): at risk, due Thu 26 Nov
});
const cancelled = request({
  id: 'r-cancelled',
  client: VISTULA,
  outgoing: 'Marek Wojcik',
  reason: 'client_request',
  submittedOn: '2026-10-20',
  submittedTime: '11:00',
  sla: 7,
  cancelled: { on: '2026-10-22', reason: 'The client kept Marek after all' },
});

// In the service's order: by client, then by submission.
const FULL = report([met, late, cancelled, overdue, atRisk]);

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function values(ws: ExcelJS.Worksheet, row: number): unknown[] {
  const out: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c++) out.push(ws.getRow(row).getCell(c).value ?? null);
  return out;
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const SUMMARY_HEADER = [
  'Client',
  'Requests',
  'Met',
  'Breached',
  'Open',
  'Cancelled',
  'Met %',
  'Median business days to fulfil',
  'Worst business days to fulfil',
];

describe('SLA report workbook', () => {
  it('names its quarter the way a reader says it', () => {
    expect(slaReportTitle(FULL)).toBe('SLA report Q4 2026, 1 Oct – 31 Dec 2026');
  });

  it('has the clocks the fixture claims (the literals below rest on them)', () => {
    expect([met.clock.state, met.clock.dueDate, met.clock.elapsed]).toEqual(['met', '2026-10-14', 5]);
    expect([late.clock.state, late.clock.dueDate, late.clock.elapsed, late.clock.late, late.clock.pausedDays]).toEqual([
      'breached',
      '2026-10-29',
      10,
      3,
      2,
    ]);
    expect([overdue.clock.state, overdue.clock.dueDate, overdue.clock.late]).toEqual(['breached', '2026-11-09', 10]);
    expect([atRisk.clock.state, atRisk.clock.dueDate, atRisk.clock.elapsed]).toEqual(['at_risk', '2026-11-26', 5]);
    expect(cancelled.clock.state).toBe('cancelled');
  });

  it('writes the four sheets in order, each with a frozen, filtered header row', async () => {
    const wb = await open(await slaReportWorkbook(FULL, GENERATED_AT));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Requests', 'Breaches', 'About']);
    for (const name of ['Summary', 'Requests', 'Breaches']) {
      const ws = sheet(wb, name);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold ?? ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    // The filter covers the header and the client rows, not the total below them.
    expect(sheet(wb, 'Summary').autoFilter).toBe('A1:I3');
    expect(sheet(wb, 'Requests').autoFilter).toBe('A1:Q6');
    expect(sheet(wb, 'Breaches').autoFilter).toBe('A1:J3');
    expect(wb.title).toBe('SLA report Q4 2026, 1 Oct – 31 Dec 2026');
  });

  it('sums each client and the quarter on the Summary, met % as a fraction formatted 0%', async () => {
    const ws = sheet(await open(await slaReportWorkbook(FULL, GENERATED_AT)), 'Summary');
    expect(values(ws, 1)).toEqual(SUMMARY_HEADER);
    expect(values(ws, 2)).toEqual(['Helvetic Re AG', 2, 1, 1, 0, 0, 0.5, 7.5, 10]);
    // Vistula: the overdue request is open and already breached; nothing fulfilled yet.
    expect(values(ws, 3)).toEqual(['Vistula Logistics S.A.', 3, 0, 1, 2, 1, 0, null, null]);
    expect(values(ws, 4)).toEqual(Array(9).fill(null));
    expect(values(ws, 5)).toEqual(['Total', 5, 1, 2, 2, 1, 0.33, 7.5, 10]);
    expect(ws.getRow(5).getCell(1).font?.bold).toBe(true);
    for (const row of [2, 3, 5]) expect(ws.getRow(row).getCell(7).numFmt).toBe('0%');
    expect(typeof ws.getRow(2).getCell(2).value).toBe('number');
  });

  it('lists every request with real dates, numbers and labels', async () => {
    const ws = sheet(await open(await slaReportWorkbook(FULL, GENERATED_AT)), 'Requests');
    expect(values(ws, 1)).toEqual([
      'Client',
      'Engagement',
      'Outgoing specialist',
      'Reason',
      'Submitted (client time)',
      'Time zone',
      'Submitted by',
      'SLA (business days)',
      'Paused business days',
      'Due date',
      'Replacement',
      'Replacement start',
      'Business days to fulfil',
      'State',
      'Business days late',
      'Late or cancel reason',
      'Notes',
    ]);
    expect(ws.rowCount).toBe(6);
    expect(values(ws, 2)).toEqual([
      'Helvetic Re AG',
      'Claims triage',
      'Ana Pop',
      'Resignation',
      new Date(Date.UTC(2026, 9, 5, 9, 30)),
      'Europe/Zurich',
      'Head of data, client side',
      7,
      0,
      day('2026-10-14'),
      'Ben Kowalski',
      day('2026-10-12'),
      5,
      'Met',
      0,
      null,
      null,
    ]);
    expect(values(ws, 3)).toEqual([
      'Helvetic Re AG',
      'Claims triage',
      'Carla Jones',
      'Performance',
      new Date(Date.UTC(2026, 9, 16, 17, 45)),
      'Europe/Zurich',
      'Head of data, client side',
      7,
      2,
      day('2026-10-29'),
      'Dana Ionescu',
      day('2026-11-03'),
      10,
      'Breached',
      3,
      'Work permit took a week longer than planned',
      'Client asked for a senior profile',
    ]);
    // Vistula, by submission: the cancelled one (20 Oct), the overdue one, the one at risk.
    expect(values(ws, 4).slice(0, 4)).toEqual(['Vistula Logistics S.A.', 'Route forecasting', 'Marek Wojcik', 'Client request']);
    expect([ws.getCell('N4').value, ws.getCell('P4').value, ws.getCell('M4').value]).toEqual([
      'Cancelled',
      'The client kept Marek after all',
      null,
    ]);
    expect([ws.getCell('C5').value, ws.getCell('N5').value, ws.getCell('O5').value, ws.getCell('L5').value]).toEqual([
      'Eryk Nowak',
      'Breached',
      10,
      null,
    ]);
    expect([ws.getCell('C6').value, ws.getCell('N6').value, ws.getCell('J6').value, ws.getCell('M6').value]).toEqual([
      'Filip Zielinski',
      'At risk',
      day('2026-11-26'),
      null,
    ]);
    for (const ref of ['E2', 'J2', 'L2', 'J6']) expect(ws.getCell(ref).value).toBeInstanceOf(Date);
    expect(ws.getCell('E2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.getCell('J2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('L2').numFmt).toBe('yyyy-mm-dd');
  });

  it('gives each breach its dates, days late, reasons and pauses', async () => {
    const ws = sheet(await open(await slaReportWorkbook(FULL, GENERATED_AT)), 'Breaches');
    expect(values(ws, 1)).toEqual([
      'Client',
      'Engagement',
      'Outgoing specialist',
      'Submitted',
      'Due date',
      'Replacement start',
      'Business days late',
      'Reason for the request',
      'Late reason',
      'Pauses',
    ]);
    expect(ws.rowCount).toBe(3);
    expect(values(ws, 2)).toEqual([
      'Helvetic Re AG',
      'Claims triage',
      'Carla Jones',
      day('2026-10-16'),
      day('2026-10-29'),
      day('2026-11-03'),
      3,
      'Performance',
      'Work permit took a week longer than planned',
      '2026-10-20–2026-10-21: client postponed interviews',
    ]);
    expect(values(ws, 3)).toEqual([
      'Vistula Logistics S.A.',
      'Route forecasting',
      'Eryk Nowak',
      day('2026-11-02'),
      day('2026-11-09'),
      'still open',
      10,
      'Relocation',
      'not recorded',
      null,
    ]);
  });

  it('states the quarter, the as-of date and how the figures are counted on About', async () => {
    const ws = sheet(await open(await slaReportWorkbook(FULL, GENERATED_AT)), 'About');
    const facts = new Map<string, unknown>();
    ws.eachRow((row, n) => {
      if (n > 1) facts.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(facts.get('Report')).toBe('SLA report Q4 2026, 1 Oct – 31 Dec 2026');
    expect(facts.get('From')).toEqual(day('2026-10-01'));
    expect(facts.get('To')).toEqual(day('2026-12-31'));
    expect(facts.get('As of')).toEqual(day(TODAY));
    expect(facts.get('Requests')).toBe(5);
    expect(facts.get('Generated at (UTC)')).toBe('2026-11-24T10:00:00.000Z');
    expect(String(facts.get('Met %'))).toContain('Met ÷ (met + breached)');
  });

  it('still writes every sheet with its header and a zero total when the quarter has no requests', async () => {
    const wb = await open(await slaReportWorkbook(report([]), GENERATED_AT));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Requests', 'Breaches', 'About']);
    const summary = sheet(wb, 'Summary');
    expect(values(summary, 1)).toEqual(SUMMARY_HEADER);
    expect(values(summary, 3)).toEqual(['Total', 0, 0, 0, 0, 0, null, null, null]);
    expect(summary.autoFilter).toBe('A1:I1');
    for (const name of ['Requests', 'Breaches']) {
      const ws = sheet(wb, name);
      expect(ws.rowCount).toBe(1);
      expect(ws.getCell('A1').value).toBe('Client');
    }
  });
});
