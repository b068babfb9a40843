import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excel } from '@backend/core/excel';
import type { OccurrenceDetail } from '@shared/contract';
import type ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, refusedMessage, sampleIds, type TestBackend } from '../../support/backend';

/** Sunday 6 December 2026, 10:00 UTC; the clock moves a second per call unless set. */
const START = Date.UTC(2026, 11, 6, 10, 0, 0);
let now = START;
const clock = () => {
  now += 1000;
  return new Date(now);
};
const DAY = 86_400_000;

let b: TestBackend;
let id: (name: string) => string;

beforeEach(async () => {
  now = START;
  b = openTestBackend({ clock });
  await b.ok('sample.load');
  id = await sampleIds(b);
});
afterEach(() => b.dispose());

const refused = (name: string, input: unknown) => refusedMessage(b, name, input);

/** A bi-weekly Thursday review from 8 October 2026, 10:00 in the client's zone (Zurich), across the end of summer time. */
async function biweekly(extra: Record<string, unknown> = {}) {
  const options = await b.ok('ceremonies.options', { engagementId: id('Credit risk model operations') });
  const andrei = options.people.find((p) => p.name === 'Andrei Popescu');
  return b.ok('ceremonies.create', {
    engagementId: id('Credit risk model operations'),
    type: 'model_review',
    title: 'Scorecard review',
    startDate: '2026-10-08',
    startTime: '10:00',
    durationMinutes: 60,
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    participants: andrei ? [{ kind: 'specialist', id: andrei.id, role: 'accountable' }] : [],
    modelIds: [id('Retail credit PD scorecard')],
    ...extra,
  });
}

describe('the sample', () => {
  it('has reviews with outcomes, a missed one, a carried and an overdue action item, and windows in the year-end freeze', async () => {
    const health = await b.ok('ceremonies.health', {});
    const credit = health.find((h) => h.engagementName === 'Credit risk model operations');
    expect(credit?.missed.map((m) => m.title)).toContain('PD model performance review');
    expect(credit?.health.ratio).toBeGreaterThan(0.8);
    expect(credit?.health.ratio).toBeLessThan(1);
    expect(credit?.overdueActions).toBe(1);
    expect(credit?.conflicts.filter((c) => c.kind === 'window').length).toBeGreaterThanOrEqual(3);
    const recsys = health.find((h) => h.engagementName === 'Recommendation engine operations');
    expect(recsys?.missed).toEqual([expect.objectContaining({ reason: 'not_held', title: 'Recommender weekly review' })]);
    const summary = (await b.ok('app.summaries')).find((s) => s.area === 'ceremonies');
    expect(summary?.tone).toBe('critical');
  });
});

describe('a bi-weekly review across a daylight-saving change', () => {
  it('keeps 10:00 local as summer time ends, cancels one, moves another, refuses a move onto its neighbour', async () => {
    const s = await biweekly();
    expect(s.ruleText).toMatch(/every 2 weeks on Thursday/i);
    expect(s.timeZone).toBe('Europe/Zurich');
    const cal = await b.ok('ceremonies.calendar', { from: '2026-10-01', to: '2026-11-30', engagementId: s.engagementId });
    const own = cal.filter((o) => o.seriesId === s.id);
    expect(own.map((o) => [o.date, o.time, o.startsAt.slice(11, 16)])).toEqual([
      ['2026-10-08', '10:00', '08:00'],
      ['2026-10-22', '10:00', '08:00'],
      ['2026-11-05', '10:00', '09:00'],
      ['2026-11-19', '10:00', '09:00'],
    ]);
    await b.ok('ceremonies.cancelOccurrence', { seriesId: s.id, key: '2026-10-22T10:00', reason: 'Client offsite' });
    const moved = await b.ok('ceremonies.moveOccurrence', { seriesId: s.id, key: '2026-11-19T10:00', date: '2026-11-20', time: '14:00' });
    expect([moved.date, moved.time, moved.moved]).toEqual(['2026-11-20', '14:00', true]);
    const message = await refused('ceremonies.moveOccurrence', {
      seriesId: s.id,
      key: '2026-11-19T10:00',
      date: '2026-11-05',
      time: '10:30',
    });
    expect(message).toMatch(/already meets \(2026-11-05 at 10:00\)/);
    const after = (await b.ok('ceremonies.calendar', { from: '2026-10-01', to: '2026-11-30', engagementId: s.engagementId })).filter(
      (o) => o.seriesId === s.id,
    );
    expect(after.map((o) => [o.key, o.state, o.cancelled, o.date])).toEqual([
      ['2026-10-08T10:00', 'missed', false, '2026-10-08'],
      ['2026-10-22T10:00', 'cancelled', true, '2026-10-22'],
      ['2026-11-05T10:00', 'missed', false, '2026-11-05'],
      ['2026-11-19T10:00', 'missed', false, '2026-11-20'],
    ]);
  });

  it('splits "this and following": history before untouched, the new part at its new time', async () => {
    const s = await biweekly();
    await b.ok('ceremonies.record', { seriesId: s.id, key: '2026-10-08T10:00', status: 'held', notes: 'Fine' });
    const refusedUpdate = await refused('ceremonies.update', { ...editable(s), startTime: '11:00' });
    expect(refusedUpdate).toMatch(/this and following/);
    const next = await b.ok('ceremonies.split', {
      id: s.id,
      occurrenceKey: '2026-11-19T10:00',
      startDate: '2026-11-19',
      startTime: '11:00',
      durationMinutes: 45,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    });
    expect(next.splitFrom).toBe(s.id);
    const cal = await b.ok('ceremonies.calendar', { from: '2026-10-01', to: '2026-12-31', engagementId: s.engagementId });
    expect(cal.filter((o) => o.seriesId === s.id).map((o) => o.key)).toEqual(['2026-10-08T10:00', '2026-10-22T10:00', '2026-11-05T10:00']);
    expect(cal.filter((o) => o.seriesId === next.id).map((o) => `${o.date} ${o.time} ${o.durationMinutes}`)).toEqual([
      '2026-11-19 11:00 45',
      '2026-12-03 11:00 45',
      '2026-12-17 11:00 45',
      '2026-12-31 11:00 45',
    ]);
    const held = await b.ok('ceremonies.occurrence', { seriesId: s.id, key: '2026-10-08T10:00' });
    expect(held.outcome?.notes).toBe('Fine');
  });

  it('records outcomes with an action item that is carried forward until done; an unheld one becomes missed', async () => {
    const s = await biweekly();
    const andrei = { kind: 'specialist' as const, id: id('Andrei Popescu') };
    const first = await b.ok('ceremonies.record', {
      seriesId: s.id,
      key: '2026-11-05T10:00',
      status: 'held',
      attendance: [{ ...andrei, present: true }],
      decisions: [{ text: 'Recalibrate before year end', modelId: id('Retail credit PD scorecard') }],
    });
    expect(first.outcome?.decisions.map((d) => d.modelName)).toEqual(['Retail credit PD scorecard']);
    const item = await b.ok('actions.create', {
      seriesId: s.id,
      occurrenceKey: '2026-11-05T10:00',
      title: 'Recalibrate the PD scorecard',
      owner: andrei,
      dueDate: '2026-11-30',
      modelId: null,
    });
    expect(item.overdue).toBe(true);
    const carried = (o: OccurrenceDetail) => o.carriedItems.map((a) => a.title);
    expect(carried(await b.ok('ceremonies.occurrence', { seriesId: s.id, key: '2026-11-19T10:00' }))).toEqual([
      'Recalibrate the PD scorecard',
    ]);
    expect(carried(await b.ok('ceremonies.occurrence', { seriesId: s.id, key: '2026-12-17T10:00' }))).toEqual([
      'Recalibrate the PD scorecard',
    ]);
    const byOwner = await b.ok('actions.list', { engagementId: s.engagementId });
    expect(byOwner.filter((a) => a.owner.name === 'Andrei Popescu')[0]?.overdue).toBe(true);
    await b.ok('actions.update', {
      id: item.id,
      title: item.title,
      dueDate: item.dueDate,
      modelId: item.modelId,
      owner: andrei,
      status: 'done',
    });
    expect(carried(await b.ok('ceremonies.occurrence', { seriesId: s.id, key: '2026-11-19T10:00' }))).toEqual([
      'Recalibrate the PD scorecard',
    ]);
    expect(carried(await b.ok('ceremonies.occurrence', { seriesId: s.id, key: '2026-12-17T10:00' }))).toEqual([]);

    // 19 November was never recorded: missed (more than two days after it), on the engagement and the model.
    const health = (await b.ok('ceremonies.health', {})).find((h) => h.engagementId === s.engagementId);
    expect(health?.missed.filter((m) => m.seriesId === s.id).map((m) => [m.key, m.reason])).toEqual([
      ['2026-12-03T10:00', 'not_recorded'],
      ['2026-11-19T10:00', 'not_recorded'],
      ['2026-10-22T10:00', 'not_recorded'],
      ['2026-10-08T10:00', 'not_recorded'],
    ]);
    const model = await b.ok('ceremonies.forModel', { modelId: id('Retail credit PD scorecard') });
    expect(model.missed.map((m) => m.key)).toContain('2026-11-19T10:00');
    expect(model.decisions.map((d) => d.text)).toContain('Recalibrate before year end');

    // The grace days are a setting: with 30 days, the 19 November review is only waiting to be recorded.
    await b.ok('ceremonies.updateSettings', { missedAfterDays: 30 });
    const lenient = await b.ok('ceremonies.occurrence', { seriesId: s.id, key: '2026-11-19T10:00' });
    expect(lenient.state).toBe('due');
  });

  it('flags an occurrence on a public holiday and on a day every Accountable participant is away', async () => {
    const s = await biweekly({ rrule: 'FREQ=WEEKLY;BYDAY=FR', startDate: '2026-12-11' });
    const cal = await b.ok('ceremonies.calendar', { from: '2026-12-20', to: '2027-01-10', engagementId: s.engagementId });
    const christmas = cal.find((o) => o.seriesId === s.id && o.date === '2026-12-25');
    expect(christmas?.flags).toContainEqual({ kind: 'holiday', name: 'Christmas Day' });
    // The sample has Andrei, the only Accountable participant, on vacation until 8 January.
    const vacation = (await b.ok('absences.list', { specialistId: id('Andrei Popescu') })).rows.find((a) => a.endDate === '2027-01-08');
    expect(vacation).toBeDefined();
    const january = (await b.ok('ceremonies.calendar', { from: '2027-01-08', to: '2027-01-15', engagementId: s.engagementId })).filter(
      (o) => o.seriesId === s.id,
    );
    expect(january.map((o) => [o.date, o.flags])).toEqual([
      ['2027-01-08', [{ kind: 'accountable_away', names: ['Andrei Popescu'] }]],
      ['2027-01-15', []],
    ]);
  });
});

function editable(s: Awaited<ReturnType<typeof biweekly>>) {
  return {
    id: s.id,
    expectedUpdatedAt: s.updatedAt,
    type: s.type,
    title: s.title,
    participants: s.participants.map((p) => ({ kind: p.kind, id: p.id, role: p.role })),
    modelIds: s.models.map((m) => m.id),
    location: s.location,
    meetingUrl: s.meetingUrl,
    agenda: s.agenda,
    startDate: s.startDate,
    startTime: s.startTime,
    durationMinutes: s.durationMinutes,
    rrule: s.rrule,
  };
}

describe('schedules refused with a sentence, nothing written', () => {
  const base = () => ({
    engagementId: id('Credit risk model operations'),
    type: 'model_review',
    title: 'Review',
    startDate: '2026-12-10',
    startTime: '10:00',
    durationMinutes: 60,
    rrule: 'FREQ=WEEKLY;BYDAY=TH',
  });
  it.each([
    [{ rrule: 'FREQ=WEEKLY;BYDAY=XX' }, /cannot be read/],
    [{ rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }, /yields no occurrence/],
    [{ startDate: '2025-01-02', rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=4' }, /already be over/],
    [{ startDate: '2025-01-02', rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20250301T000000Z' }, /already be over/],
    [{ durationMinutes: 0 }, /more than zero minutes/],
    [{ durationMinutes: 1441 }, /at most 24 hours/],
    [{ startTime: '25:00' }, /time such as 09:30/],
  ])('%o', async (change, message) => {
    expect(await refused('ceremonies.create', { ...base(), ...change })).toMatch(message);
  });

  it('an action item without an owner', async () => {
    const s = await biweekly();
    expect(
      await refused('actions.create', {
        seriesId: s.id,
        occurrenceKey: '2026-11-05T10:00',
        title: 'Do it',
        owner: null,
        dueDate: '2026-12-10',
      }),
    ).toMatch(/owner/);
  });

  it('a series that starts in the past without an end is fine', async () => {
    const s = await biweekly({ startDate: '2025-01-02', rrule: 'FREQ=WEEKLY;BYDAY=TH' });
    expect(s.nextStartsAt).toBe('2026-12-10T09:00:00.000Z');
  });
});

describe('freezes', () => {
  it('flags deployment windows and production deployments inside a freeze', async () => {
    const health = (await b.ok('ceremonies.health', {})).find((h) => h.engagementName === 'Credit risk model operations');
    const windows = health?.conflicts.filter((c) => c.kind === 'window') ?? [];
    const [freeze] = await b.ok('freezes.list', { engagementId: id('Credit risk model operations') });
    // Every Tuesday inside the freeze, and nothing else.
    const tuesdays: string[] = [];
    for (let d = Date.parse(freeze?.startsOn ?? ''); d <= Date.parse(freeze?.endsOn ?? ''); d += DAY)
      if (new Date(d).getUTCDay() === 2) tuesdays.push(new Date(d).toISOString().slice(0, 10));
    expect(windows.map((c) => c.date)).toEqual(tuesdays);
    expect(tuesdays.length).toBeGreaterThanOrEqual(3);
    // A freeze over the sample's production deployments flags them.
    await b.ok('freezes.create', {
      engagementId: id('Recommendation engine operations'),
      startsOn: '2026-01-01',
      endsOn: '2026-11-30',
      reason: 'Peak trading',
    });
    const after = (await b.ok('ceremonies.health', {})).find((h) => h.engagementName === 'Recommendation engine operations');
    const deployments = after?.conflicts.filter((c) => c.kind === 'deployment') ?? [];
    expect(deployments.length).toBeGreaterThanOrEqual(3);
    expect(
      deployments.every(
        (c) => c.freezeReason === 'Peak trading' && /Homepage product recommender v3\.\d deployed to production/.test(c.what),
      ),
    ).toBe(true);
    expect(
      await refused('freezes.create', {
        engagementId: id('Credit risk model operations'),
        startsOn: '2026-12-20',
        endsOn: '2026-12-21',
        reason: 'Twice',
      }),
    ).toMatch(/already frozen/);
  });
});

/** Occurrence starts (UTC) ical.js expands from a file, per UID, up to an instant. */
function icalStarts(text: string, until: string): Map<string, string[]> {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = root.getAllSubcomponents('vevent');
  const out = new Map<string, string[]>();
  const limit = ICAL.Time.fromJSDate(new Date(until), true);
  for (const component of events.filter((e) => !e.hasProperty('recurrence-id'))) {
    const event = new ICAL.Event(component);
    for (const o of events.filter((e) => e.hasProperty('recurrence-id') && e.getFirstPropertyValue('uid') === event.uid))
      event.relateException(o);
    const starts: string[] = [];
    if (component.getFirstPropertyValue('status') === 'CANCELLED') {
      out.set(event.uid, starts);
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(); next && next.compare(limit) < 0 && starts.length < 500; next = it.next()) {
      const details = event.getOccurrenceDetails(next);
      starts.push(details.startDate.toJSDate().toISOString());
    }
    if (!event.isRecurring()) starts.splice(0, starts.length, event.startDate.toJSDate().toISOString());
    out.set(event.uid, starts.sort());
  }
  return out;
}

describe('calendar files', () => {
  it('exports valid RFC 5545 that ical.js expands to the same occurrences as Keel, across DST both ways and in New York', async () => {
    const zurich = await biweekly({ startDate: '2026-10-01', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH' });
    await b.ok('ceremonies.cancelOccurrence', { seriesId: zurich.id, key: '2026-10-29T10:00' });
    await b.ok('ceremonies.moveOccurrence', {
      seriesId: zurich.id,
      key: '2027-03-18T10:00',
      date: '2027-03-19',
      time: '16:30',
      durationMinutes: 30,
    });
    const ny = await b.ok('ceremonies.create', {
      engagementId: id('Credit risk model operations'),
      type: 'steering',
      title: 'US steering; quarterly, with a comma',
      timeZone: 'America/New_York',
      startDate: '2026-10-26',
      startTime: '09:00',
      durationMinutes: 90,
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      agenda: 'Line one\nLine two; with a semicolon, and a backslash \\ — and a long line '.repeat(3),
    });
    await b.ok('ceremonies.create', {
      engagementId: id('Credit risk model operations'),
      type: 'incident_review',
      title: 'Post-incident review',
      startDate: '2026-12-09',
      startTime: '13:00',
      durationMinutes: 60,
      rrule: null,
    });
    const file = await b.ok('ceremonies.exportIcs', { engagementId: id('Credit risk model operations') });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(file.fileName).toMatch(/\.ics$/);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toMatch(/EXDATE;TZID=Europe\/Zurich:20261029T100000/);
    expect(text).toMatch(/RECURRENCE-ID;TZID=Europe\/Zurich:20270318T100000/);

    const until = '2027-05-01T00:00:00Z';
    const parsed = icalStarts(text, until);
    const series = await b.ok('ceremonies.list', { engagementId: id('Credit risk model operations') });
    expect(parsed.size).toBe(series.length);
    for (const s of series) {
      const keel: string[] = [];
      for (let from = Date.parse(s.startDate); from < Date.parse(until); from += 93 * DAY) {
        const to = new Date(Math.min(from + 92 * DAY, Date.parse(until) - DAY)).toISOString().slice(0, 10);
        keel.push(
          ...(await b.ok('ceremonies.calendar', { from: new Date(from).toISOString().slice(0, 10), to, engagementId: s.engagementId }))
            .filter((o) => o.seriesId === s.id && !o.cancelled)
            .map((o) => o.startsAt),
        );
      }
      expect(parsed.get(s.uid), s.title).toEqual([...new Set(keel)].sort());
    }
    // The New York series crosses 1 November 2026 (EDT → EST) and 14 March 2027 (EST → EDT).
    const nyStarts = parsed.get(ny.uid) ?? [];
    expect(nyStarts).toContain('2026-10-26T13:00:00.000Z');
    expect(nyStarts).toContain('2026-11-02T14:00:00.000Z');
    expect(nyStarts).toContain('2027-03-15T13:00:00.000Z');
    // Zurich crosses 25 October 2026 and 28 March 2027; the moved occurrence is where it was moved.
    expect(parsed.get(zurich.uid)).toContain('2027-03-19T15:30:00.000Z');
    expect(parsed.get(zurich.uid)).toContain('2027-04-01T08:00:00.000Z');
    expect(parsed.get(zurich.uid)).not.toContain('2026-10-29T09:00:00.000Z');
    // SEQUENCE counts the changes: one cancellation and one move.
    const master = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .find((e) => e.getFirstPropertyValue('uid') === zurich.uid && !e.hasProperty('recurrence-id'));
    expect(master?.getFirstPropertyValue('sequence')).toBe(2);
    const agenda = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .find((e) => e.getFirstPropertyValue('uid') === ny.uid);
    expect(agenda?.getFirstPropertyValue('description')).toBe(ny.agenda);
    expect(agenda?.getFirstPropertyValue('summary')).toBe('US steering; quarterly, with a comma');

    // Importing Keel's own file again updates by UID instead of duplicating.
    const again = await b.ok('ceremonies.importIcs', {
      engagementId: id('Credit risk model operations'),
      fileName: file.fileName,
      base64: file.base64,
    });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(series.length);
    expect((await b.ok('ceremonies.list', { engagementId: id('Credit risk model operations') })).length).toBe(series.length);
  });

  it('imports the client’s steering series with its cancelled and moved occurrences, and refuses a file it cannot read', async () => {
    const bytes = readFileSync(join(__dirname, '../../fixtures/ceremonies/steering.ics'));
    const engagementId = id('Credit risk model operations');
    const result = await b.ok('ceremonies.importIcs', { engagementId, fileName: 'steering.ics', base64: bytes.toString('base64') });
    expect(result).toMatchObject({ created: 1, updated: 0 });
    const s = await b.ok('ceremonies.get', { id: result.series[0]?.id ?? '' });
    expect([s.type, s.timeZone, s.startTime, s.durationMinutes, s.rrule, s.location, s.meetingUrl]).toEqual([
      'steering',
      'Europe/Zurich',
      '15:00',
      90,
      'FREQ=MONTHLY;BYDAY=3TH',
      'Alpenbank HQ, room 4.12',
      'https://meet.alpenbank.example/steering',
    ]);
    const cal = (await b.ok('ceremonies.calendar', { from: '2026-11-01', to: '2026-12-31', engagementId })).filter(
      (o) => o.seriesId === s.id,
    );
    expect(cal.map((o) => [o.date, o.time, o.cancelled])).toEqual([
      ['2026-11-20', '10:00', false],
      ['2026-12-17', '15:00', true],
    ]);
    const twice = await b.ok('ceremonies.importIcs', { engagementId, fileName: 'steering.ics', base64: bytes.toString('base64') });
    expect(twice).toMatchObject({ created: 0, updated: 1 });
    expect(
      await refused('ceremonies.importIcs', { engagementId, fileName: 'x.ics', base64: Buffer.from('not a calendar').toString('base64') }),
    ).toMatch(/not a calendar \(.ics\) file/);
    const windows = bytes.toString('utf8').replaceAll('TZID=Europe/Zurich', 'TZID=W. Europe Standard Time');
    expect(
      await refused('ceremonies.importIcs', { engagementId, fileName: 'x.ics', base64: Buffer.from(windows).toString('base64') }),
    ).toMatch(/W\. Europe Standard Time/);
  });
});

describe('the workbook', () => {
  it('has the occurrences with outcomes and the action items, reopened', async () => {
    const file = await b.ok('ceremonies.export', {
      clientId: (await b.ok('clients.list', {})).rows.find((c) => c.name === 'Alpenbank Privatbank AG')?.id ?? '',
      from: '2026-09-01',
      to: '2026-12-31',
    });
    const book: ExcelJS.Workbook = new (excel().Workbook)();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Occurrences', 'Action items']);
    const occurrences = book.getWorksheet('Occurrences');
    const cal = await b.ok('ceremonies.calendar', {
      from: '2026-09-01',
      to: '2026-11-30',
      clientId: (await b.ok('clients.list', {})).rows.find((c) => c.name === 'Alpenbank Privatbank AG')?.id ?? '',
    });
    const calDec = await b.ok('ceremonies.calendar', {
      from: '2026-12-01',
      to: '2026-12-31',
      clientId: cal[0] ? ((await b.ok('clients.list', {})).rows.find((c) => c.name === 'Alpenbank Privatbank AG')?.id ?? '') : '',
    });
    expect((occurrences?.rowCount ?? 0) - 1).toBe(cal.length + calDec.length);
    const states = new Set<string>();
    occurrences?.eachRow((row, n) => n > 1 && states.add(String(row.getCell(7).value)));
    expect(states).toEqual(new Set(['Held', 'Missed', 'Cancelled', 'Planned']));
    expect((book.getWorksheet('Action items')?.rowCount ?? 0) - 1).toBe(3);
  });
});
