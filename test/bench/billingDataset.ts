import { publicHolidays } from '@backend/core/calendars';
import type { Db } from '@backend/core/db/connection';
import { ACTIVITIES, type Activity } from '@shared/billing/rules/activities';
import { nextMonth } from '@shared/billing/rules/months';
import { type Seniority, SPECIALIST_ROLES, type SpecialistRole } from '@shared/clients/rules/reference';
import { sourcingRegionOf } from '@shared/clients/rules/sourcingRegion';
import { type Day, isWeekend } from '@shared/kernel/days';
import { dayOf, idMaker, iso, prng } from './seeded';

/**
 * The hours & billing dataset: 100 specialists on 40 engagements in four
 * currencies, five years of daily time entries (~250,000), effective-dated
 * role rates with yearly raises that fall in the middle of a month, a few
 * specialist overrides, rounding increments and caps.
 *
 * Each specialist works a chain of stints, one engagement at a time, with one
 * confirmed full-time allocation per stint and sometimes a few days on the
 * bench between stints. On every working day of a stint (Monday–Friday, not a
 * public holiday of their home calendar, not an absence) they log one to
 * three entries, about eight hours in all. Months up to the one before the
 * measured month are approved; the measured month is open, so the month close
 * computes every invoice.
 *
 * Written with prepared statements in one transaction into a database that
 * was just migrated: the services would check and audit each of the 250,000
 * rows, which takes minutes and measures nothing this benchmark is about.
 * Ids are UUIDv7-shaped and time-ordered like Keel's, drawn from the seeded
 * generator, so the same seed gives the same database byte for byte.
 */

export type BillingSize = {
  specialists: number;
  engagements: number;
  /** The five years the time entries cover. */
  from: string;
  to: string;
  /** The month the benchmark closes: the last full month, open. */
  month: string;
};

export const BILLING_SIZE: BillingSize = { specialists: 100, engagements: 40, from: '2021-11-01', to: '2026-10-31', month: '2026-10' };

export type BillingSummary = {
  clients: number;
  engagements: number;
  specialists: number;
  currencies: Record<string, number>;
  rounding: Record<string, number>;
  engagementCaps: number;
  specialistCaps: number;
  stints: number;
  absences: number;
  roleRates: number;
  /** Raises after the first rate, each on a day from the 2nd to the 27th: inside a month, never on its first day. */
  rateChanges: number;
  /** Raises and overrides that start inside the measured month, splitting its invoice lines. */
  changesInMonth: number;
  overrides: number;
  timeEntries: number;
  workedDays: number;
  approvedMonths: number;
};

const instant = (day: Day, seconds = 0) => new Date(day * 86_400_000 + 17 * 3_600_000 + seconds * 1000).toISOString();

type CurrencyPlan = { currency: string; country: string; calendar: string; vat: number; factor: number; cities: string[] };
const CURRENCIES: CurrencyPlan[] = [
  { currency: 'CHF', country: 'CH', calendar: 'CH-ZH', vat: 810, factor: 1, cities: ['Zürich', 'Basel', 'Bern', 'Genève', 'Zug'] },
  { currency: 'EUR', country: 'DE', calendar: 'DE-BY', vat: 0, factor: 0.95, cities: ['München', 'Frankfurt', 'Wien', 'Amsterdam'] },
  { currency: 'USD', country: 'US', calendar: 'US', vat: 0, factor: 1.1, cities: ['Boston', 'Chicago', 'New York'] },
  { currency: 'GBP', country: 'GB', calendar: 'GB-ENG', vat: 0, factor: 0.85, cities: ['London', 'Manchester'] },
];
/** Engagement i bills in CURRENCIES[CURRENCY_OF[i % 10]]: 16 CHF, 12 EUR, 8 USD, 4 GBP. */
const CURRENCY_OF = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3] as const;
/** Rounding increments cycled over the engagements: 15 minutes most often, some 6 or 30, some none. */
const ROUNDING = [15, 0, 6, 15, 0, 30, 15, 0] as const;

const CLIENT_NAMES = ['Alpen', 'Nordlicht', 'Helvetia', 'Rhein', 'Atlas', 'Meridian', 'Lakeside', 'Summit', 'Harbour', 'Cobalt'];
const CLIENT_KINDS = ['Bank', 'Insurance', 'Logistics', 'Retail', 'Telecom', 'Energy', 'Pharma'];
const TOPICS = [
  'Credit risk',
  'Fraud detection',
  'Demand forecasting',
  'Churn prediction',
  'Claims triage',
  'Feature store',
  'GPU platform',
];
const KINDS = ['model operations', 'platform build', 'MLOps team', 'run and maintain', 'retraining pipeline'];

/** Hourly role rates in CHF (major units) before the engagement's currency factor. */
const ROLE_RATE: Record<SpecialistRole, number> = {
  mlops_engineer: 150,
  ml_platform_engineer: 160,
  ml_engineer: 155,
  data_engineer: 140,
  data_scientist: 145,
  sre: 150,
  devops_engineer: 140,
  engagement_lead: 190,
};

const HOMES = ['RO', 'RO', 'PL', 'PL', 'RS', 'HR', 'BG', 'GE', 'AM', 'KZ', 'UZ', 'AR', 'BR', 'MX', 'CO', 'UA', 'PT'] as const;
const FIRST = ['Andrei', 'Ana', 'Piotr', 'Zofia', 'Marko', 'Jelena', 'Giorgi', 'Nino', 'Aibek', 'Dana', 'Sofía', 'Mateo', 'Olena', 'João'];
const LAST = ['Popescu', 'Nowak', 'Jovanović', 'Horvat', 'Beridze', 'Hakobyan', 'Kassymov', 'García', 'Silva', 'Costa', 'Ionescu', 'Mazur'];
const NOTES = [
  'Incident INC-4711 follow-up',
  'Retraining run for the monthly model',
  'Release window',
  'Audit evidence',
  'On-call hand-over',
];
const ACTIVITY_WEIGHTS: readonly (readonly [Activity, number])[] = ACTIVITIES.map((a, i) => [a, i === 0 ? 6 : i === 1 ? 2 : 3] as const);

type Engagement = { id: string; from: Day; to: Day; currency: CurrencyPlan; rounding: number; people: number };
type Stint = { specialist: Specialist; engagement: Engagement; from: Day; to: Day };
type Specialist = { id: string; role: SpecialistRole; country: string; joined: Day };

/**
 * Fills a migrated, empty database. Rows go in with prepared statements in
 * one transaction; the summary counts what was written.
 */
export function generateBillingDataset(db: Db, size: BillingSize = BILLING_SIZE, seed = 20261124): BillingSummary {
  const rng = prng(seed);
  const newId = idMaker(rng);
  const window = { from: dayOf(size.from), to: dayOf(size.to) };
  const today = dayOf(`${nextMonth(size.month)}-16`);
  const measured = { from: dayOf(`${size.month}-01`), to: dayOf(`${nextMonth(size.month)}-01`) - 1 };
  const created = instant(window.from - 400);

  const insert = {
    client: db.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, vat_basis_points, notes, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', NULL, ?, ?)`,
    ),
    engagement: db.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, end_date, status, contract_notes, archived_at, created_at, updated_at,
         rounding_minutes, monthly_cap_minutes)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'Hours-based, billed monthly.', NULL, ?, ?, ?, ?)`,
    ),
    specialist: db.prepare(
      `INSERT INTO specialist (id, full_name, role, seniority, home_country, home_subdivision, sourcing_region, skills, start_date, status,
         email, archived_at, created_at, updated_at, daily_minutes)
       VALUES (?, ?, ?, ?, ?, '', ?, '[]', ?, 'active', ?, NULL, ?, ?, 480)`,
    ),
    allocation: db.prepare(
      `INSERT INTO allocation (id, specialist_id, engagement_id, start_date, end_date, load_percent, status, note, cancel_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 100, 'confirmed', '', '', ?, ?)`,
    ),
    absence: db.prepare(
      `INSERT INTO absence (id, specialist_id, kind, start_date, end_date, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
    ),
    rate: db.prepare(
      `INSERT INTO rate (id, engagement_id, role, specialist_id, effective_from, hourly_rate_minor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    cap: db.prepare(
      'INSERT INTO specialist_cap (engagement_id, specialist_id, monthly_cap_minutes, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    close: db.prepare(
      `INSERT INTO month_close (engagement_id, month, status, approved_at, approved_by, updated_at) VALUES (?, ?, 'approved', ?, 'bench', ?)`,
    ),
    entry: db.prepare(
      `INSERT INTO time_entry (id, specialist_id, engagement_id, date, minutes, activity, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  return db.transaction((): BillingSummary => {
    const summary: BillingSummary = {
      clients: 0,
      engagements: 0,
      specialists: 0,
      currencies: {},
      rounding: {},
      engagementCaps: 0,
      specialistCaps: 0,
      stints: 0,
      absences: 0,
      roleRates: 0,
      rateChanges: 0,
      changesInMonth: 0,
      overrides: 0,
      timeEntries: 0,
      workedDays: 0,
      approvedMonths: 0,
    };

    // ------------------------------------------------------------ clients and engagements
    const clientsByCurrency = new Map<string, { id: string; engagements: number }[]>();
    const clientNames = new Set<string>();
    const clientFor = (plan: CurrencyPlan) => {
      const list = clientsByCurrency.get(plan.currency) ?? [];
      clientsByCurrency.set(plan.currency, list);
      const open = list.find((c) => c.engagements < 2 && rng.chance(0.6));
      if (open) {
        open.engagements++;
        return open.id;
      }
      let name = '';
      do name = `${rng.pick(CLIENT_NAMES)} ${rng.pick(CLIENT_KINDS)} ${rng.pick(plan.cities)}`;
      while (clientNames.has(name));
      clientNames.add(name);
      const id = newId(Date.parse(created) + list.length);
      insert.client.run(id, name, plan.country, plan.currency, plan.calendar, plan.vat, created, created);
      list.push({ id, engagements: 1 });
      summary.clients++;
      return id;
    };

    const engagements: Engagement[] = [];
    const engagementNames = new Set<string>();
    for (let i = 0; i < size.engagements; i++) {
      const currency = CURRENCIES[CURRENCY_OF[i % CURRENCY_OF.length] ?? 0] as CurrencyPlan;
      const clientId = clientFor(currency);
      // Three in four run through all five years; the others start late or end early, never shorter than half a year.
      let from = window.from - rng.int(0, 400);
      let to = rng.chance(0.5) ? window.to + rng.int(60, 700) : Number.POSITIVE_INFINITY;
      if (i % 4 === 3) {
        if (rng.chance(0.5)) from = window.from + rng.int(120, 1300);
        else to = window.to - rng.int(60, 1100);
      }
      const rounding = ROUNDING[i % ROUNDING.length] ?? 0;
      const cap = i % 6 === 0 ? rng.int(2, 4) * 150 * 60 : null;
      let name = '';
      do name = `${rng.pick(TOPICS)} ${rng.pick(KINDS)}`;
      while (engagementNames.has(`${clientId}/${name}`));
      engagementNames.add(`${clientId}/${name}`);
      const id = newId(Date.parse(created) + 1000 + i);
      const ended = to < today;
      insert.engagement.run(
        id,
        clientId,
        name,
        currency.currency,
        iso(from),
        Number.isFinite(to) ? iso(to) : null,
        ended ? 'ended' : 'active',
        created,
        created,
        rounding,
        cap,
      );
      engagements.push({ id, from, to, currency, rounding, people: 0 });
      summary.engagements++;
      summary.currencies[currency.currency] = (summary.currencies[currency.currency] ?? 0) + 1;
      summary.rounding[String(rounding)] = (summary.rounding[String(rounding)] ?? 0) + 1;
      if (cap !== null) summary.engagementCaps++;
    }

    // ------------------------------------------------------------ role rates: a yearly raise on a day in the middle of a month
    const roleRates = new Map<string, { from: Day; minor: number }[]>();
    engagements.forEach((e, i) => {
      for (const role of SPECIALIST_ROLES) {
        let minor = Math.round(ROLE_RATE[role] * e.currency.factor * (0.9 + rng.next() * 0.2) * 2) * 50;
        const history = [{ from: e.from, minor }];
        const firstYear = Number(iso(e.from).slice(0, 4)) + 1;
        for (let year = firstYear; year <= Number(size.to.slice(0, 4)); year++) {
          // A quarter of the engagements raise their rates in the middle of the measured month.
          const raise =
            year === Number(size.month.slice(0, 4)) && i % 4 === 0
              ? dayOf(`${size.month}-${String(rng.int(8, 22)).padStart(2, '0')}`)
              : dayOf(`${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(2, 27)).padStart(2, '0')}`);
          if (raise <= e.from || raise > Math.min(e.to, window.to)) continue;
          minor = Math.round((minor * (1.02 + rng.next() * 0.04)) / 50) * 50;
          history.push({ from: raise, minor });
        }
        roleRates.set(`${e.id}|${role}`, history);
        history.forEach((r, k) => {
          insert.rate.run(
            newId(Date.parse(created) + 5000),
            e.id,
            role,
            null,
            iso(r.from),
            r.minor,
            instant(Math.max(r.from - 30, window.from - 400)),
          );
          summary.roleRates++;
          if (k > 0) summary.rateChanges++;
          if (k > 0 && r.from >= measured.from && r.from <= measured.to) summary.changesInMonth++;
        });
      }
    });

    // ------------------------------------------------------------ specialists
    const specialists: Specialist[] = [];
    const emails = new Set<string>();
    for (let i = 0; i < size.specialists; i++) {
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      const country = rng.pick(HOMES);
      const role = rng.weighted<SpecialistRole>(
        SPECIALIST_ROLES.map((r) => [r, r === 'mlops_engineer' ? 30 : r === 'engagement_lead' ? 4 : 10]),
      );
      const seniority = rng.weighted<Seniority>([
        ['junior', 10],
        ['mid', 35],
        ['senior', 40],
        ['lead', 15],
      ]);
      // Most were on board before the five years start; some join during them.
      const joined = i % 7 === 6 ? window.from + rng.int(30, 1500) : window.from - rng.int(10, 1500);
      const base = `${first}.${last}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
      let email = `${base}@talent.example.com`;
      for (let n = 2; emails.has(email); n++) email = `${base}${n}@talent.example.com`;
      emails.add(email);
      const id = newId(Date.parse(created) + 10_000 + i);
      const at = instant(Math.min(joined, window.from) - 5);
      insert.specialist.run(id, `${first} ${last}`, role, seniority, country, sourcingRegionOf(country), iso(joined), email, at, at);
      specialists.push({ id, role, country, joined });
      summary.specialists++;
    }

    // ------------------------------------------------------------ stints: one engagement at a time, an allocation each
    const stints: Stint[] = [];
    for (const s of specialists) {
      let day = Math.max(window.from, s.joined);
      let first = true;
      while (day <= window.to) {
        if (!first && rng.chance(0.35)) day += rng.int(1, 20); // a few days on the bench
        first = false;
        if (day > window.to) break;
        const end = Math.min(day + rng.int(90, 480) - 1, window.to);
        // The engagement running on that day for at least a month with the fewest people so far, roughly.
        const running = engagements.filter((e) => e.from <= day && e.to >= day + 30);
        if (!running.length) {
          day += 30;
          continue;
        }
        const engagement = running.reduce((best, e) => (e.people + rng.next() * 3 < best.people + rng.next() * 3 ? e : best));
        const to = Math.min(end, engagement.to);
        engagement.people++;
        stints.push({ specialist: s, engagement, from: day, to });
        insert.allocation.run(
          newId(Date.parse(instant(day - 14))),
          s.id,
          engagement.id,
          iso(day),
          iso(to),
          instant(day - 14),
          instant(day - 14),
        );
        summary.stints++;
        day = to + 1;
      }
    }

    // ------------------------------------------------------------ specialist overrides and caps
    const overrides = new Set<string>();
    const addOverride = (stint: Stint, from: Day) => {
      const key = `${stint.engagement.id}|${stint.specialist.id}`;
      if (overrides.has(key)) return;
      overrides.add(key);
      const role = roleRates.get(`${stint.engagement.id}|${stint.specialist.role}`) ?? [];
      const current = role.filter((r) => r.from <= from).at(-1)?.minor ?? 15_000;
      const minor = Math.round((current * (rng.chance(0.7) ? 1.1 : 0.92)) / 50) * 50;
      insert.rate.run(
        newId(Date.parse(instant(from - 20))),
        stint.engagement.id,
        null,
        stint.specialist.id,
        iso(from),
        minor,
        instant(from - 20),
      );
      summary.overrides++;
      if (from >= measured.from && from <= measured.to) summary.changesInMonth++;
    };
    const inMeasured = stints.filter((t) => t.from <= measured.from && t.to >= measured.to);
    // Three overrides that start in the middle of the measured month, and a dozen over the years.
    for (const t of rng.sample(inMeasured, 3)) addOverride(t, measured.from + rng.int(6, 20));
    for (const t of rng.sample(
      stints.filter((x) => x.to - x.from > 120),
      12,
    )) {
      addOverride(t, t.from + rng.int(20, t.to - t.from - 20));
    }
    for (const t of rng.sample(inMeasured, 8)) {
      insert.cap.run(t.engagement.id, t.specialist.id, rng.int(140, 170) * 60, instant(measured.from - 40));
      summary.specialistCaps++;
    }

    // ------------------------------------------------------------ absences: two holidays a year and a few sick days
    const absent = new Map<string, Set<Day>>();
    for (const s of specialists) {
      const days = new Set<Day>();
      absent.set(s.id, days);
      for (let year = Number(size.from.slice(0, 4)); year <= Number(size.to.slice(0, 4)); year++) {
        const yearStart = dayOf(`${year}-01-01`);
        const blocks: [string, number][] = [
          ['vacation', rng.int(5, 12)],
          ['vacation', rng.int(3, 9)],
          ['sick', rng.int(1, 3)],
          ['sick', rng.int(1, 2)],
        ];
        for (const [kind, length] of blocks) {
          const start = yearStart + rng.int(0, 360 - length);
          const end = start + length - 1;
          if (end < window.from || start > window.to || start < s.joined) continue;
          let clash = false;
          for (let d = start - 1; d <= end + 1; d++) if (days.has(d)) clash = true;
          if (clash) continue;
          for (let d = start; d <= end; d++) days.add(d);
          insert.absence.run(
            newId(Date.parse(instant(start - 10))),
            s.id,
            kind,
            iso(start),
            iso(end),
            instant(start - 10),
            instant(start - 10),
          );
          summary.absences++;
        }
      }
    }

    // ------------------------------------------------------------ time entries, day by day, ~2 per working day
    stints.sort((a, b) => a.from - b.from || (a.specialist.id < b.specialist.id ? -1 : 1));
    const byDay = new Map<Day, Stint[]>();
    for (const t of stints) {
      for (let d = t.from; d <= t.to; d++) {
        const list = byDay.get(d);
        if (list) list.push(t);
        else byDay.set(d, [t]);
      }
    }
    const roundTo5 = (n: number) => Math.max(15, Math.round(n / 5) * 5);
    for (let day = window.from; day <= window.to; day++) {
      if (isWeekend(day)) continue;
      const date = iso(day);
      const year = Number(date.slice(0, 4));
      let second = 0;
      for (const t of byDay.get(day) ?? []) {
        const s = t.specialist;
        if (publicHolidays(s.country, '', year).has(day) || absent.get(s.id)?.has(day)) continue;
        if (rng.chance(0.01)) continue; // a forgotten day: the review flags it
        summary.workedDays++;
        const total = rng.chance(0.03) ? rng.int(120, 144) * 5 : rng.int(88, 104) * 5;
        const r = rng.next();
        const count = r < 0.08 ? 1 : r < 0.7 ? 2 : 3;
        let left = total;
        for (let k = 0; k < count; k++) {
          let minutes = k === count - 1 ? left : roundTo5((left * (0.3 + rng.next() * 0.4)) / (count - k - 1 || 1));
          // A third of the entries are timed to the minute, so the rounding increments matter.
          if (rng.chance(0.33)) minutes += rng.int(1, 4);
          minutes = Math.min(Math.max(minutes, 7), 1440);
          left = Math.max(left - minutes, 15);
          const at = instant(day, second++);
          const note = rng.chance(0.08) ? rng.pick(NOTES) : '';
          insert.entry.run(newId(Date.parse(at)), s.id, t.engagement.id, date, minutes, rng.weighted(ACTIVITY_WEIGHTS), note, at, at);
          summary.timeEntries++;
        }
      }
    }

    // ------------------------------------------------------------ every month before the measured one is approved
    for (const e of engagements) {
      for (let month = size.from.slice(0, 7); month < size.month; month = nextMonth(month)) {
        const start = dayOf(`${month}-01`);
        const end = dayOf(`${nextMonth(month)}-01`) - 1;
        if (end < e.from || start > e.to) continue;
        const at = instant(end + 3);
        insert.close.run(e.id, month, at, at);
        summary.approvedMonths++;
      }
    }
    return summary;
  })();
}
