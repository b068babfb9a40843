import { calendarTimeZone, isKnownCalendar } from '@backend/core/calendars';
import type { Db } from '@backend/core/db/connection';
import { SPECIALIST_ROLES } from '@shared/clients/rules/reference';
import { sourcingRegionOf } from '@shared/clients/rules/sourcingRegion';
import type { ReplacementReason, ReplacementStatus } from '@shared/continuity/rules/replacement';
import type { PauseRange } from '@shared/kernel/businessDays';
import { instantOf } from '@shared/kernel/timeZone';
import { dayOf, idMaker, iso, prng, type Rng } from './seeded';

/**
 * The continuity dataset: 10,000 replacement requests on ~170 engagements of
 * 40 clients, one per holiday calendar (Swiss cantons, German states, Poland,
 * Romania, US states, the UK nations, Spanish regions, …), submitted from
 * 2024-01-01 to "today", 2026-11-24. Each engagement has its own SLA (5–15
 * business days, 7 most often); about a third of the requests have one to
 * three pauses; requests of the last two weeks are mostly open, older ones
 * fulfilled (some late) or cancelled, with a few still open long after their
 * due date.
 *
 * generateContinuityData() draws the requests as plain data — what the
 * domain benchmark feeds to the clock — and insertContinuityData() writes
 * the same requests into a migrated database with prepared statements in one
 * transaction, with the clients, engagements, specialists, allocations and
 * candidates they point at, for the benchmark through the contract. Rows are
 * written directly: the services would check and audit each of ~40,000 rows,
 * which measures nothing this benchmark is about. Allocations are not checked
 * for overlaps across engagements (each request gets its own outgoing one);
 * only their reads by id matter here.
 */

export type ContinuitySize = {
  requests: number;
  /** First possible submission date. */
  from: string;
  /** "Today" of the board, in every client's time zone (see `now`). */
  today: string;
  /** The backend's clock: 2026-11-24 in every zone of the calendars below (UTC−8 to UTC+2). */
  now: string;
  specialists: number;
};

export const CONTINUITY_SIZE: ContinuitySize = {
  requests: 10_000,
  from: '2024-01-01',
  today: '2026-11-24',
  now: '2026-11-24T20:00:00.000Z',
  specialists: 1_200,
};

type CalendarPlan = { calendar: string; country: string; currency: string };

const cal = (calendar: string, currency: string): CalendarPlan => ({ calendar, country: calendar.slice(0, 2), currency });

/** 40 client calendars: the sample countries and the regions whose holidays differ most. */
export const CLIENT_CALENDARS: readonly CalendarPlan[] = [
  ...['CH-ZH', 'CH-GE', 'CH-BE', 'CH-BS', 'CH-ZG', 'CH-VD', 'CH'].map((c) => cal(c, 'CHF')),
  ...['DE-BY', 'DE-HH', 'DE-BE', 'DE-HE', 'DE-NW', 'DE-BW', 'DE-SN', 'DE'].map((c) => cal(c, 'EUR')),
  ...['PL', 'RO', 'ES-MD', 'ES-CT', 'FR', 'NL', 'AT', 'AT-9', 'IE', 'SE', 'DK', 'IT', 'BE', 'PT', 'CZ'].map((c) => cal(c, 'EUR')),
  ...['US-WA', 'US-NY', 'US-CA', 'US-TX', 'US-IL', 'US-MA'].map((c) => cal(c, 'USD')),
  ...['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'].map((c) => cal(c, 'GBP')),
];

export type BenchClient = CalendarPlan & { name: string; timeZone: string };
export type BenchEngagement = { client: number; name: string; allowance: number; startDate: string };

/** One replacement request as the clock sees it, plus what the database rows need. */
export type BenchRequest = {
  index: number;
  engagement: number;
  calendar: string;
  /** The engagement's SLA in business days. */
  allowance: number;
  submittedOn: string;
  /** Wall-clock time of submission in the client's zone (HH:mm). */
  submittedTime: string;
  /** Sorted, non-overlapping. */
  pauses: PauseRange[];
  status: ReplacementStatus;
  deliveredOn: string | null;
  cancelledOn: string | null;
  reason: ReplacementReason;
  outgoing: number;
  replacement: number | null;
};

export type ContinuityData = {
  size: ContinuitySize;
  clients: BenchClient[];
  engagements: BenchEngagement[];
  requests: BenchRequest[];
};

const CLIENT_NAMES = ['Alpen', 'Nordlicht', 'Helvetia', 'Rhein', 'Atlas', 'Meridian', 'Cascade', 'Summit', 'Harbour', 'Boreal'];
const CLIENT_KINDS = ['Bank', 'Insurance', 'Logistics', 'Retail', 'Telecom', 'Energy', 'Pharma', 'Rail'];
const TOPICS = [
  'Credit risk',
  'Fraud detection',
  'Demand forecasting',
  'Churn prediction',
  'Claims triage',
  'Feature store',
  'GPU platform',
];
const KINDS = ['model operations', 'platform build', 'MLOps team', 'run and maintain', 'retraining pipeline', 'migration'];
const SUBMITTERS = ['Head of Data Platform', 'CTO office', 'ML Engineering Manager', 'Procurement', 'Head of AI', 'Vendor management'];
const FIRST = ['Andrei', 'Ana', 'Piotr', 'Zofia', 'Marko', 'Jelena', 'Giorgi', 'Nino', 'Aibek', 'Dana', 'Sofía', 'Mateo', 'Olena', 'João'];
const LAST = ['Popescu', 'Nowak', 'Jovanović', 'Horvat', 'Beridze', 'Hakobyan', 'Kassymov', 'García', 'Silva', 'Costa', 'Ionescu', 'Mazur'];
const HOMES = ['RO', 'RO', 'PL', 'PL', 'RS', 'HR', 'BG', 'GE', 'AM', 'KZ', 'UZ', 'AR', 'BR', 'MX', 'CO'] as const;

const REASONS: readonly (readonly [ReplacementReason, number])[] = [
  ['client_request', 30],
  ['resignation', 35],
  ['performance', 10],
  ['health', 8],
  ['relocation', 12],
  ['other', 5],
];

/** SLAs per engagement: 7 business days is the usual promise; 5 to 15 occur. */
const ALLOWANCES: readonly (readonly [number, number])[] = [
  [5, 10],
  [7, 45],
  [10, 20],
  [15, 10],
  [6, 3],
  [8, 3],
  [9, 3],
  [12, 3],
  [14, 3],
];

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Draws the clients, engagements and requests; the same seed gives the same data. */
export function generateContinuityData(size: ContinuitySize = CONTINUITY_SIZE, seed = 20261124): ContinuityData {
  const rng = prng(seed);
  const clients: BenchClient[] = CLIENT_CALENDARS.map((plan, i) => {
    if (!isKnownCalendar(plan.calendar)) throw new Error(`The benchmark's calendar ${plan.calendar} is unknown to date-holidays.`);
    const name = `${CLIENT_NAMES[i % CLIENT_NAMES.length]} ${CLIENT_KINDS[Math.floor(i / CLIENT_NAMES.length) % CLIENT_KINDS.length]} ${plan.calendar}`;
    return { ...plan, name, timeZone: calendarTimeZone(plan.calendar) };
  });

  const engagements: BenchEngagement[] = [];
  clients.forEach((_, client) => {
    const names = new Set<string>();
    for (let k = rng.int(2, 6); k > 0; k--) {
      let name = '';
      do name = `${rng.pick(TOPICS)} ${rng.pick(KINDS)}`;
      while (names.has(name));
      names.add(name);
      engagements.push({ client, name, allowance: rng.weighted(ALLOWANCES), startDate: iso(dayOf('2023-01-02') + rng.int(0, 300)) });
    }
  });

  const first = dayOf(size.from);
  const today = dayOf(size.today);
  // Open (engagement, outgoing specialist) pairs: the app allows one open request per pair.
  const openPairs = new Set<string>();
  const requests: BenchRequest[] = [];
  for (let index = 0; index < size.requests; index++) {
    // A few big accounts and a long tail.
    const engagement = Math.floor(engagements.length * rng.next() ** 1.5);
    const e = engagements[engagement];
    const client = e ? clients[e.client] : undefined;
    if (!e || !client) throw new Error('No engagement to attach a request to.');
    const submitted = rng.int(first, today);
    // Office hours mostly; some late-evening requests (a Friday 23:30 is still Friday in the client's zone).
    let minutes = rng.chance(0.1) ? rng.int(20 * 60, 23 * 60 + 59) : rng.int(7 * 60, 19 * 60 + 59);
    if (submitted === today) minutes = rng.int(7 * 60, 11 * 60 + 59); // not after the backend's "now" anywhere
    const pauses = drawPauses(rng, submitted, today);
    const { status, closedOn } = drawOutcome(rng, submitted, today, e.allowance, pauses);
    const kept = closedOn === null ? pauses : pauses.filter((p) => dayOf(p.startDate) <= closedOn);

    let outgoing = rng.int(0, size.specialists - 1);
    if (status === 'open') {
      while (openPairs.has(`${engagement}/${outgoing}`)) outgoing = rng.int(0, size.specialists - 1);
      openPairs.add(`${engagement}/${outgoing}`);
    }
    let replacement: number | null = null;
    if (status === 'fulfilled') {
      do replacement = rng.int(0, size.specialists - 1);
      while (replacement === outgoing);
    }
    requests.push({
      index,
      engagement,
      calendar: client.calendar,
      allowance: e.allowance,
      submittedOn: iso(submitted),
      submittedTime: hhmm(minutes),
      pauses: kept,
      status,
      deliveredOn: status === 'fulfilled' && closedOn !== null ? iso(closedOn) : null,
      cancelledOn: status === 'cancelled' && closedOn !== null ? iso(closedOn) : null,
      reason: rng.weighted(REASONS),
      outgoing,
      replacement,
    });
  }
  return { size, clients, engagements, requests };
}

/** None for two thirds of the requests, else one to three client-side waits of 1–10 days, starting no later than today. */
function drawPauses(rng: Rng, submitted: number, today: number): PauseRange[] {
  const count = rng.weighted([
    [0, 58],
    [1, 24],
    [2, 12],
    [3, 6],
  ] as const);
  const pauses: PauseRange[] = [];
  let cursor = submitted + rng.int(0, 4);
  for (let k = 0; k < count; k++) {
    const start = cursor + rng.int(0, 6);
    if (start > today) break;
    const end = start + rng.int(0, 9);
    pauses.push({ startDate: iso(start), endDate: iso(end) });
    cursor = end + 1 + rng.int(0, 5);
  }
  return pauses;
}

/**
 * Requests of the last two weeks are mostly open; older ones mostly
 * fulfilled or cancelled, with a few still open long after their due date. A
 * delivery or cancellation that would fall after today leaves the request open.
 */
function drawOutcome(
  rng: Rng,
  submitted: number,
  today: number,
  allowance: number,
  pauses: readonly PauseRange[],
): { status: ReplacementStatus; closedOn: number | null } {
  const age = today - submitted;
  const status = rng.weighted<ReplacementStatus>([
    ['open', age <= 14 ? 80 : age <= 45 ? 15 : 0.5],
    ['fulfilled', age <= 14 ? 15 : age <= 45 ? 75 : 88.5],
    ['cancelled', age <= 14 ? 5 : age <= 45 ? 10 : 11],
  ]);
  if (status === 'open') return { status, closedOn: null };
  const pausedCalendarDays = pauses.reduce((sum, p) => sum + dayOf(p.endDate) - dayOf(p.startDate) + 1, 0);
  // Mostly within the allowance (up to 1.2 times it in calendar days, weekends and pauses added), some late.
  const closedOn =
    status === 'fulfilled'
      ? submitted + rng.int(1, Math.round((allowance * 7 * 1.2) / 5) + pausedCalendarDays)
      : submitted + rng.int(0, 25);
  return closedOn > today ? { status: 'open', closedOn: null } : { status, closedOn };
}

export type InsertedContinuity = {
  /** The id of request i. */
  requestIds: string[];
  rows: { requests: number; pauses: number; candidates: number; allocations: number; specialists: number; engagements: number };
};

/** Writes the data into a migrated, empty database in one transaction. */
export function insertContinuityData(db: Db, data: ContinuityData, seed = 20261125): InsertedContinuity {
  const rng = prng(seed);
  const newId = idMaker(rng);
  const created = Date.parse('2023-01-02T09:00:00Z');
  const stampOf = (ms: number) => new Date(ms).toISOString();
  const insert = {
    client: db.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, time_zone, vat_basis_points, notes, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '', ?, '', NULL, ?, ?)`,
    ),
    engagement: db.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, end_date, status, contract_notes, archived_at, created_at, updated_at,
         sla_business_days)
       VALUES (?, ?, ?, ?, ?, NULL, 'active', 'Hours-based, billed monthly.', NULL, ?, ?, ?)`,
    ),
    specialist: db.prepare(
      `INSERT INTO specialist (id, full_name, role, seniority, home_country, home_subdivision, sourcing_region, skills, start_date, status,
         email, archived_at, created_at, updated_at, daily_minutes)
       VALUES (?, ?, ?, 'senior', ?, '', ?, '[]', '2019-01-07', 'active', ?, NULL, ?, ?, 480)`,
    ),
    allocation: db.prepare(
      `INSERT INTO allocation (id, specialist_id, engagement_id, start_date, end_date, load_percent, status, note, cancel_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 100, 'confirmed', '', '', ?, ?)`,
    ),
    request: db.prepare(
      `INSERT INTO replacement_request (id, engagement_id, outgoing_specialist_id, outgoing_allocation_id, reason, submitted_at, submitted_by,
         notes, status, replacement_specialist_id, replacement_allocation_id, replacement_start_date, late_reason, cancelled_on, cancel_reason,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, '', ?, ?, ?, ?)`,
    ),
    pause: db.prepare(
      `INSERT INTO replacement_pause (id, request_id, start_date, end_date, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    candidate: db.prepare(
      `INSERT INTO replacement_candidate (id, request_id, name, specialist_id, proposed_on, status, decided_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  return db.transaction((): InsertedContinuity => {
    const at = stampOf(created);
    const clientIds = data.clients.map((c, i) => {
      const id = newId(created + i);
      insert.client.run(id, c.name, c.country, c.currency, c.calendar, c.country === 'CH' ? 810 : 0, at, at);
      return id;
    });
    const engagementIds = data.engagements.map((e, i) => {
      const id = newId(created + 1000 + i);
      const client = data.clients[e.client];
      insert.engagement.run(id, clientIds[e.client], e.name, client?.currency ?? 'EUR', e.startDate, at, at, e.allowance);
      return id;
    });
    const specialistIds: string[] = [];
    for (let i = 0; i < data.size.specialists; i++) {
      const id = newId(created + 2000 + i);
      const home = rng.pick(HOMES);
      insert.specialist.run(
        id,
        `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
        rng.pick(SPECIALIST_ROLES),
        home,
        sourcingRegionOf(home),
        `bench.specialist${i}@talent.example.com`,
        at,
        at,
      );
      specialistIds.push(id);
    }

    const rows = {
      requests: 0,
      pauses: 0,
      candidates: 0,
      allocations: 0,
      specialists: specialistIds.length,
      engagements: engagementIds.length,
    };
    const allocation = (specialist: string, engagement: string, from: number, to: number) => {
      const id = newId(Date.parse(`${iso(from)}T08:00:00Z`));
      const stamp = `${iso(from)}T08:00:00.000Z`;
      insert.allocation.run(id, specialist, engagement, iso(from), iso(Math.max(from, to)), stamp, stamp);
      rows.allocations++;
      return id;
    };

    const requestIds = data.requests.map((r) => {
      const client = data.clients[data.engagements[r.engagement]?.client ?? -1];
      const engagementId = engagementIds[r.engagement];
      const outgoingId = specialistIds[r.outgoing];
      if (!client || !engagementId || !outgoingId) throw new Error(`Request ${r.index} points at a missing record.`);
      const submittedAt = instantOf(r.submittedOn, r.submittedTime, client.timeZone);
      const submitted = dayOf(r.submittedOn);
      const closedOn = r.deliveredOn ?? r.cancelledOn;
      const handoverEnd =
        r.deliveredOn !== null ? dayOf(r.deliveredOn) + rng.int(0, 10) : closedOn !== null ? submitted + 200 : submitted + rng.int(10, 40);
      const onEngagementFrom = Math.max(dayOf(data.engagements[r.engagement]?.startDate ?? r.submittedOn), submitted - rng.int(90, 600));
      const outgoingAllocation = allocation(outgoingId, engagementId, onEngagementFrom, handoverEnd);
      let replacementId: string | null = null;
      let replacementAllocation: string | null = null;
      if (r.replacement !== null && r.deliveredOn !== null) {
        replacementId = specialistIds[r.replacement] ?? null;
        if (!replacementId) throw new Error(`Request ${r.index} names a missing replacement.`);
        replacementAllocation = allocation(replacementId, engagementId, dayOf(r.deliveredOn), dayOf(r.deliveredOn) + 365);
      }
      const id = newId(Date.parse(submittedAt));
      const updatedAt = closedOn !== null ? `${closedOn}T16:00:00.000Z` : submittedAt;
      insert.request.run(
        id,
        engagementId,
        outgoingId,
        outgoingAllocation,
        r.reason,
        submittedAt,
        rng.pick(SUBMITTERS),
        r.status,
        replacementId,
        replacementAllocation,
        r.deliveredOn,
        r.cancelledOn,
        r.cancelledOn !== null ? 'The client withdrew the request.' : '',
        submittedAt,
        updatedAt,
      );
      rows.requests++;
      for (const p of r.pauses) {
        const stamp = `${p.startDate}T09:00:00.000Z`;
        insert.pause.run(newId(Date.parse(stamp)), id, p.startDate, p.endDate, 'The client postponed the interviews.', stamp, stamp);
        rows.pauses++;
      }
      // Open requests have had zero to two candidates proposed; a fulfilled one at least the accepted replacement.
      const proposed = r.status === 'open' ? rng.int(0, 2) : r.status === 'fulfilled' ? 1 : rng.int(0, 1);
      for (let k = 0; k < proposed; k++) {
        const on = iso(Math.min(submitted + 2 + k * 2, closedOn !== null ? dayOf(closedOn) : dayOf(data.size.today)));
        const accepted = r.status === 'fulfilled';
        const status = r.status === 'open' ? 'proposed' : accepted ? 'accepted' : 'rejected';
        const stamp = `${on}T10:00:00.000Z`;
        insert.candidate.run(
          newId(Date.parse(stamp)),
          id,
          `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
          accepted ? replacementId : null,
          on,
          status,
          status === 'proposed' ? null : on,
          stamp,
          stamp,
        );
        rows.candidates++;
      }
      return id;
    });
    return { requestIds, rows };
  })();
}
