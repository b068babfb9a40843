import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { continuityBoard } from '@backend/continuity/continuityService';
import { holidaysOfCalendar, timeZoneOf } from '@backend/core/calendars';
import { clockThresholds } from '@backend/core/continuitySettings';
import { openDatabase } from '@backend/core/db/connection';
import { createBackend } from '@backend/index';
import type { ContinuityBoard, ListResult, ReplacementItem } from '@shared/contract';
import { byTimeLeft, type Clock, runClock } from '@shared/kernel/businessClock';
import { localDateOf, localDateTimeOf } from '@shared/kernel/timeZone';
import {
  type BoardEntry,
  bareHolidays,
  type ClockRequest,
  dateFnsClocks,
  dateFnsEntries,
  dayNumberClocks,
  dayNumberEntries,
} from './continuityBare';
import { type BenchRequest, CONTINUITY_SIZE, generateContinuityData, insertContinuityData } from './continuityDataset';
import { compare, type MeasureOptions, once, type Report, resultValue, type Stats } from './harness';

/**
 * The continuity clocks (issue 5): the state of 10,000 replacement requests
 * with pauses, computed for the board, against a plain loop of date-fns
 * business-day arithmetic over the same requests (continuityBare.ts). The
 * issue's aim: at most 3× the date-fns loop.
 *
 * 1. Domain: runClock for every request in its client's calendar, then the
 *    board's order (byTimeLeft), beside the date-fns loop and the same loop on
 *    day numbers.
 * 2. Through the contract: the same requests in a database of their own
 *    (continuityDataset.ts); `continuity.board` (the open ones) and
 *    `replacements.list` with state "all" (the requests screen, all 10,000),
 *    through dispatch as the UI calls them.
 * Every side must give the same due dates, elapsed days, states and order
 * before anything is timed; a difference stops the benchmark.
 */

const TARGET_RATIO = 3;

type Runs = Pick<MeasureOptions<undefined, unknown>, 'runs' | 'warmup'>;
type KeelRow = { index: number; clock: Clock };

/** What the board does with each request: its clock in the client's calendar, then the least time left first. */
function keelClocks(requests: readonly ClockRequest[], today: string): KeelRow[] {
  const rows: KeelRow[] = [];
  for (let index = 0; index < requests.length; index++) {
    const r = requests[index] as ClockRequest;
    const clock = runClock(
      {
        submittedOn: r.submittedOn,
        allowance: r.allowance,
        holidaysOf: holidaysOfCalendar(r.calendar),
        pauses: r.pauses,
        deliveredOn: r.deliveredOn,
        cancelledOn: r.cancelledOn,
      },
      today,
    );
    rows.push({ index, clock });
  }
  return rows.sort((a, b) => byTimeLeft(a.clock, b.clock));
}

const keelEntries = (rows: readonly KeelRow[]): BoardEntry[] =>
  rows.map(({ index, clock }) => ({ index, dueDate: clock.dueDate, elapsed: clock.elapsed, state: clock.state }));

/** Throws, naming the first difference, unless both sides give the same entries in the same order. */
function assertSameBoard(
  label: string,
  keel: readonly BoardEntry[],
  other: readonly BoardEntry[],
  requests: readonly ClockRequest[],
  sides: readonly [string, string] = ['Keel', 'loop'],
): void {
  if (isDeepStrictEqual(keel, other)) return;
  const at = keel.findIndex((row, i) => !isDeepStrictEqual(row, other[i]));
  const position = at === -1 ? keel.length : at;
  const request = requests[keel[position]?.index ?? other[position]?.index ?? -1];
  throw new Error(
    `${label}: ${sides[0]} and ${sides[1]} disagree (${keel.length} vs ${other.length} rows), first at position ${position}:\n` +
      `  ${sides[0]} ${JSON.stringify(keel[position])}\n  ${sides[1]} ${JSON.stringify(other[position])}\n  request ${JSON.stringify(request)}\n` +
      'The comparison would be meaningless.',
  );
}

function stateCounts(requests: readonly BenchRequest[], entries: readonly BoardEntry[]) {
  const count = (values: readonly string[]) => {
    const out: Record<string, number> = {};
    for (const v of values) out[v] = (out[v] ?? 0) + 1;
    return Object.entries(out)
      .map(([k, n]) => `${n.toLocaleString('en')} ${k}`)
      .join(', ');
  };
  const paused = requests.filter((r) => r.pauses.length > 0);
  return {
    statuses: count(requests.map((r) => r.status)),
    states: count(entries.map((e) => e.state)),
    paused: paused.length,
    pauses: paused.reduce((sum, r) => sum + r.pauses.length, 0),
  };
}

/** Through the contract there is more to do than the clocks (reads, time zones, items): figures for scale, no aim. */
function endToEnd(label: string, keel: Stats, bare: Stats): string {
  return `${label}: ${keel.median.toFixed(1)} ms, ${(keel.median / bare.median).toFixed(2)}× the date-fns loop over the same requests (${bare.median.toFixed(1)} ms)`;
}

function verdict(label: string, keel: Stats, bare: Stats): string {
  const ratio = keel.median / bare.median;
  return `${label}: Keel ${keel.median.toFixed(1)} ms, date-fns ${bare.median.toFixed(1)} ms, ${ratio.toFixed(2)}× — aim ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`;
}

/** Adds the continuity rows to the report; returns the lines printed under the table. */
export async function continuityBench(report: Report, dir: string, runs: { domain: Runs; contract: Runs; list: Runs }): Promise<string[]> {
  const data = generateContinuityData(CONTINUITY_SIZE);
  const { requests } = data;
  const today = data.size.today;
  const calendars = new Set(requests.map((r) => r.calendar));
  const years = { from: Number(data.size.from.slice(0, 4)), to: Number(today.slice(0, 4)) + 1 };
  const holidays = bareHolidays(calendars, years.from, years.to);

  // ---------------------------------------------------------- 1. the domain: 10,000 clocks and the board's order
  const keel = keelEntries(keelClocks(requests, today));
  assertSameBoard('clocks (date-fns loop)', keel, dateFnsEntries(dateFnsClocks(requests, holidays.times, today)), requests);
  assertSameBoard('clocks (day-number loop)', keel, dayNumberEntries(dayNumberClocks(requests, holidays.days, today)), requests);
  const counts = stateCounts(requests, keel);

  report.section(
    `Continuity clocks: ${requests.length.toLocaleString('en')} replacement requests in ${calendars.size} client calendars, ` +
      `state at ${today} and the board's order`,
  );
  const described = (r: unknown) => `${(r as unknown[]).length.toLocaleString('en')} clocks, sorted`;
  const [domainKeel, domainDateFns, domainDays] = await compare<unknown>(
    [
      { name: 'clocks — Keel (runClock + byTimeLeft)', fn: () => keelClocks(requests, today) },
      { name: 'clocks — plain date-fns loop', fn: () => dateFnsClocks(requests, holidays.times, today) },
      { name: 'clocks — hand-written loop on day numbers', fn: () => dayNumberClocks(requests, holidays.days, today) },
    ],
    { ...runs.domain, describe: described },
  );
  if (!domainKeel || !domainDateFns || !domainDays) throw new Error('compare() returned fewer stats than variants.');
  report.add(domainKeel, domainDateFns);
  report.add(domainDays, domainDateFns);
  report.add(domainDateFns, 'self');

  // ---------------------------------------------------------- 2. through the contract, on a database of its own
  const file = join(dir, 'continuity.db');
  const opened = openDatabase(file);
  let inserted: ReturnType<typeof insertContinuityData>;
  let insertMs: number;
  try {
    const written = await once(() => insertContinuityData(opened.db, data));
    inserted = written.result;
    insertMs = written.ms;
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    opened.db.close();
  }
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser', clock: () => new Date(data.size.now) });
  try {
    const indexOf = new Map(inserted.requestIds.map((id, i) => [id, i]));
    const byIndex = new Map(keel.map((e) => [e.index, e]));
    const entryOf = (id: string, clock: Clock): BoardEntry => {
      const index = indexOf.get(id);
      if (index === undefined) throw new Error(`The backend returned a request the benchmark did not write (${id}).`);
      return { index, dueDate: clock.dueDate, elapsed: clock.elapsed, state: clock.state };
    };
    const expected = (ids: readonly number[]) => ids.map((i) => byIndex.get(i) as BoardEntry);

    // The board: the open requests, least time left first (ties by title, so only the clocks' order is compared).
    // Its first call on this backend; the holiday calendars are already cached by the domain run.
    const contractSides = ['the domain run', 'the contract'] as const;
    const first = await once(async () => resultValue<ContinuityBoard>('continuity.board', await backend.dispatch('continuity.board', {})));
    const board = first.result;
    const open = requests.filter((r) => r.status === 'open');
    if (board.today !== today) throw new Error(`The board's today is ${board.today}, not ${today}; the comparison would be meaningless.`);
    const staffing = board.promises.filter((p) => p.kind !== 'replacement').length;
    if (staffing > 0) throw new Error(`The continuity database holds no staffing requests, yet the board shows ${staffing}.`);
    const boardEntries = board.promises.map((p) => entryOf(p.id, p.clock));
    assertSameBoard(
      'continuity.board (open requests)',
      expected(open.map((r) => r.index)),
      [...boardEntries].sort((a, b) => a.index - b.index),
      requests,
      contractSides,
    );
    board.promises.forEach((p, i) => {
      const before = board.promises[i - 1];
      if (before && byTimeLeft(before.clock, p.clock) > 0) throw new Error(`continuity.board is not sorted by time left at position ${i}.`);
    });

    // The requests screen with "all": every request with its clock, from the stored instants and the clients' zones.
    const listInput = { state: 'all' } as const;
    const listed = resultValue<ListResult<ReplacementItem>>('replacements.list', await backend.dispatch('replacements.list', listInput));
    const listEntries = listed.rows.map((r) => entryOf(r.id, r.clock)).sort((a, b) => a.index - b.index);
    assertSameBoard('replacements.list (all)', expected(requests.map((r) => r.index)), listEntries, requests, contractSides);

    report.section(
      `Continuity board through the contract: ${open.length} open of ${requests.length.toLocaleString('en')} requests (database of its own)`,
    );
    const ctx = backend.ctx;
    const promises = (r: unknown) =>
      Array.isArray(r)
        ? `${r.length} clocks, sorted`
        : typeof r === 'number'
          ? `${r} rows read`
          : typeof r === 'string'
            ? r
            : `${(r as ContinuityBoard).promises.length} promises`;
    // The service's parts, each alone: what it reads, the allocation look-ups and the time-zone
    // conversions it makes per request (replacementService.toItem), and the clocks.
    const openRows = ctx.repos.replacements.list({ state: 'open' });
    const [boardDispatch, boardService, boardReads, boardAllocations, boardZones, boardKeel, boardDateFns] = await compare<unknown>(
      [
        {
          name: 'board — contract (dispatch)',
          fn: async () => resultValue<ContinuityBoard>('continuity.board', await backend.dispatch('continuity.board', {})),
        },
        { name: 'board — service (continuityBoard)', fn: () => continuityBoard(ctx, {}) },
        {
          name: 'board — its list reads (requests, pauses, candidates, roles)',
          fn: () => {
            const rows = ctx.repos.replacements.list({ state: 'open' });
            const ids = rows.map((r) => r.id);
            clockThresholds(ctx);
            const pauses = ctx.repos.replacements.pausesOf(ids);
            const candidates = ctx.repos.replacements.candidatesOf(ids);
            return rows.length + pauses.size + candidates.size + ctx.repos.staffing.open().length;
          },
        },
        {
          name: 'board — its allocation look-ups (one batched query)',
          fn: () =>
            ctx.repos.allocations.getMany(
              openRows.flatMap((r) => [r.outgoingAllocationId, r.replacementAllocationId]).filter((id): id is string => id !== null),
            ).size,
        },
        {
          name: 'board — its time-zone conversions (1 per request, today once per zone)',
          fn: () => {
            const now = ctx.now();
            const zones = new Set<string>();
            let converted = 0;
            for (const r of openRows) {
              const zone = timeZoneOf({ timeZone: r.clientTimeZone, holidayCalendar: r.holidayCalendar });
              if (!zones.has(zone) && localDateOf(now, zone)) converted += 1;
              zones.add(zone);
              if (localDateTimeOf(r.submittedAt, zone)) converted += 1;
            }
            return `${converted} conversions`;
          },
        },
        { name: `board's ${open.length} clocks — Keel (runClock + byTimeLeft)`, fn: () => keelClocks(open, today) },
        { name: `board's ${open.length} clocks — plain date-fns loop`, fn: () => dateFnsClocks(open, holidays.times, today) },
      ],
      { ...runs.contract, describe: promises },
    );
    if (!boardDispatch || !boardService || !boardReads || !boardAllocations || !boardZones || !boardKeel || !boardDateFns) {
      throw new Error('compare() returned fewer stats than variants.');
    }
    for (const row of [boardDispatch, boardService, boardReads, boardAllocations, boardZones, boardKeel]) report.add(row, boardDateFns);
    report.add(boardDateFns, 'self');

    report.section(`Requests screen, state "all": ${requests.length.toLocaleString('en')} requests with their clocks`);
    const [listDispatch, listDateFns] = await compare<unknown>(
      [
        {
          name: 'replacements.list all — contract (dispatch)',
          fn: async () =>
            resultValue<ListResult<ReplacementItem>>('replacements.list', await backend.dispatch('replacements.list', listInput)),
        },
        {
          name: `${requests.length.toLocaleString('en')} clocks — plain date-fns loop`,
          fn: () => dateFnsClocks(requests, holidays.times, today),
        },
      ],
      {
        ...runs.list,
        describe: (r) => (Array.isArray(r) ? `${r.length} clocks, sorted` : `${(r as ListResult<unknown>).rows.length} rows`),
      },
    );
    if (!listDispatch || !listDateFns) throw new Error('compare() returned fewer stats than variants.');
    report.add(listDispatch, listDateFns);
    report.add(listDateFns, 'self');

    const n = inserted.rows;
    const count = (k: number) => k.toLocaleString('en');
    return [
      `Continuity   ${count(requests.length)} requests (${counts.statuses}) submitted ${data.size.from} to ${today}, ` +
        `${data.engagements.length} engagements (SLA 5–15 business days) of ${data.clients.length} clients;`,
      `             ${count(counts.paused)} with pauses (${count(counts.pauses)} pauses); clocks: ${counts.states}`,
      `             in the database also ${count(n.candidates)} candidates, ${count(n.allocations)} allocations, ${n.specialists} specialists; ` +
        `inserted with prepared statements in one transaction in ${insertMs.toFixed(0)} ms`,
      `Checked      Keel, the date-fns loop and the day-number loop: identical due dates, elapsed days, states and order for all ${count(requests.length)};`,
      `             continuity.board and replacements.list "all" (dispatch): the same clocks, from the stored instants and the clients' zones`,
      `First call   continuity.board ${first.ms.toFixed(1)} ms (${board.promises.length} promises; holiday calendars cached by the domain run)`,
      `Breakdown    board (service ${boardService.median.toFixed(1)} ms): ${boardReads.median.toFixed(1)} ms list reads, ` +
        `${boardAllocations.median.toFixed(1)} ms allocation look-ups, ${boardZones.median.toFixed(1)} ms time-zone conversions, ` +
        `${boardKeel.median.toFixed(1)} ms clocks; the rest building items and sorting`,
      `Targets      ${verdict(`${count(requests.length)} clocks (domain)`, domainKeel, domainDateFns)}`,
      `             Keel ${(domainKeel.median / domainDays.median).toFixed(2)}× the loop on day numbers (the walk object, per-year holiday look-ups, the Clock record)`,
      `End to end   ${endToEnd(`board, ${open.length} open (dispatch)`, boardDispatch, boardDateFns)}`,
      `             ${endToEnd(`requests screen "all", ${count(requests.length)} (dispatch)`, listDispatch, listDateFns)}`,
    ];
  } finally {
    backend.close();
  }
}
