import type { Db } from '@backend/core/db/connection';
import { SPECIALIST_ROLES } from '@shared/clients/rules/reference';
import { sourcingRegionOf } from '@shared/clients/rules/sourcingRegion';
import { type AssetType, DEFAULT_DUTIES, NOT_APPLICABLE_BY_DEFAULT, type PersonKind, type Role } from '@shared/ownership/rules/vocabulary';
import { dayOf, idMaker, iso, prng } from './seeded';

/**
 * The ownership dataset (issue's bench): 400 engagements of 200 clients, 500 specialists and the
 * clients' contacts, 800 models and 1,200 other assets around them (2,000 rows of the matrix) × the
 * eight default duties × five roles, with three years of effective-dated history.
 *
 * How it is made, so the checks have realistic work:
 * - Each engagement has one to three **team seats** held by specialists one after the other: a
 *   specialist holds a seat 6–12 months, then moves on to a free seat elsewhere (a specialist is on
 *   one engagement at a time; when nobody is free the holder stays a month longer). Every tenure is a
 *   confirmed allocation, so about one current allocation in seven ends within six weeks of today.
 * - Each client has three **contact seats** (model risk officer, product owner, platform engineer)
 *   whose holders change every 18–30 months; the one who leaves is archived.
 * - Every model-duty has an Accountable, one or two Responsible, a Consulted, an Informed and a
 *   Backup, each following a seat, so each change of holder ends one assignment and starts the next
 *   (about 113,000 rows). Governance and cost are the client's (risk officer, product owner); data
 *   ingestion is the client's half the time; the rest the team's. The Backup is another seat of the
 *   team, or the client's platform engineer when the team is one person.
 * - Assets inherit from their primary model (some serve two models); about one applicable asset-duty in
 *   ten has its own assignments (an override); an asset serving no model is staffed on its own.
 * - Gaps for the checks: about 3% of model-duties lose their Accountable before today with nobody
 *   after them, about 8% have no current Backup, and a few archived contacts are still named.
 * - A few engagements retired the cost duty, added a duty of their own, or changed which duties
 *   apply to an asset type; about one engagement in ten has ended.
 * - Absences: every specialist is away for a few days every six to sixteen weeks.
 *
 * Rows are written directly with prepared statements in one transaction (as the portfolio dataset is):
 * the services would check and audit each of ~125,000 rows, which measures nothing this bench is about.
 * Ids come from the benchmarks' seeded UUIDv7-shaped generator, so every run builds the same dataset.
 */

export const OWNERSHIP_SIZE = {
  clients: 200,
  engagements: 400,
  specialists: 500,
  models: 800,
  assets: 1_200,
  /** Three years of history up to today. */
  from: '2023-11-24',
  today: '2026-11-24',
  now: '2026-11-24T09:00:00.000Z',
  /** Shares of model-duties left with no current Accountable / no current Backup. */
  noAccountable: 0.03,
  noBackup: 0.08,
  /** Share of an asset's applicable duties it staffs itself instead of inheriting. */
  overrides: 0.1,
} as const;

export type OwnershipSummary = {
  clientIds: string[];
  engagementIds: string[];
  /** The engagement with the most matrix rows (models + assets), for the matrix bench. */
  largestEngagementId: string;
  largestEngagementRows: number;
  specialists: number;
  contacts: number;
  archivedContacts: number;
  models: number;
  assets: number;
  modelDuties: number;
  assignments: number;
  overrides: number;
  allocations: number;
  allocationsEndingSoon: number;
  absences: number;
  /** The gaps made on purpose (the checks find these and whatever else the data holds). */
  madeWithoutAccountable: number;
  madeWithoutBackup: number;
};

/** Someone holding a seat from `from` to `to` (inclusive; null: still holds it today). */
type Tenure = { person: string; from: number; to: number | null };
type Seat = { kind: PersonKind; tenures: Tenure[] };

type Engagement = {
  id: string;
  clientIndex: number;
  start: number;
  end: number | null;
  team: Seat[];
  retiredCostOn: number | null;
  customDutyFrom: number | null;
  /** asset type → duty → applicable, where this engagement differs from the default table. */
  applicability: Map<string, boolean>;
  rows: number;
};

const FIRST = ['Andrei', 'Ana', 'Piotr', 'Zofia', 'Marko', 'Jelena', 'Giorgi', 'Nino', 'Aibek', 'Dana', 'Sofía', 'Mateo', 'Olena', 'João'];
const LAST = ['Popescu', 'Nowak', 'Jovanović', 'Horvat', 'Beridze', 'Hakobyan', 'Kassymov', 'García', 'Silva', 'Costa', 'Ionescu', 'Mazur'];
const HOMES = ['RO', 'RO', 'PL', 'PL', 'RS', 'HR', 'BG', 'GE', 'AM', 'KZ', 'UZ', 'AR', 'BR', 'MX', 'CO'] as const;
const CONTACT_FIRST = ['Lukas', 'Anna', 'Thomas', 'Sarah', 'Daniel', 'Laura', 'Marc', 'Julia', 'Stefan', 'Nina', 'Peter', 'Claire'];
const CONTACT_LAST = ['Brunner', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Fischer', 'Baumann', 'Frei', 'Graf', 'Moser', 'Roth'];
const CONTACT_SEATS = ['Model risk officer', 'Product owner', 'Platform engineer'] as const;
const RISK = 0;
const PRODUCT = 1;
const ENGINEER = 2;
const CALENDARS = [
  ['CH', 'CHF', 'CH-ZH'],
  ['CH', 'CHF', 'CH-GE'],
  ['DE', 'EUR', 'DE-BY'],
  ['DE', 'EUR', 'DE-HE'],
  ['GB', 'GBP', 'GB-ENG'],
  ['US', 'USD', 'US-NY'],
  ['NL', 'EUR', 'NL'],
  ['AT', 'EUR', 'AT'],
] as const;
const TOPICS = [
  'Credit risk',
  'Fraud detection',
  'Demand forecasting',
  'Churn prediction',
  'Claims triage',
  'Dynamic pricing',
  'Anomaly detection',
  'Search ranking',
  'Predictive maintenance',
  'AML monitoring',
] as const;
const ASSET_WORDS: Record<AssetType, string> = {
  data_ingestion: 'ingestion job',
  feature_pipeline: 'feature pipeline',
  training_pipeline: 'training pipeline',
  serving_endpoint: 'serving endpoint',
  monitoring: 'drift monitor',
  registry_entry: 'registry entry',
  dashboard: 'dashboard',
};
const ASSET_WEIGHTS: readonly (readonly [AssetType, number])[] = [
  ['data_ingestion', 3],
  ['feature_pipeline', 4],
  ['training_pipeline', 3],
  ['serving_endpoint', 4],
  ['monitoring', 3],
  ['registry_entry', 2],
  ['dashboard', 2],
];
const CUSTOM_DUTY = 'custom-1';

/** The seat holders' consecutive tenures, clipped to [from, to]; the last open when the seat is still held today. */
function clip(tenures: readonly Tenure[], from: number, to: number | null): Tenure[] {
  return tenures.flatMap((t) => {
    const start = Math.max(t.from, from);
    const end = to === null ? t.to : t.to === null ? to : Math.min(t.to, to);
    return end !== null && end < start ? [] : [{ person: t.person, from: start, to: end }];
  });
}

export function insertOwnershipData(db: Db, seed = 2026_11_24): OwnershipSummary {
  const size = OWNERSHIP_SIZE;
  const rng = prng(seed);
  const newId = idMaker(rng);
  const created = Date.parse('2023-05-01T09:00:00Z');
  const at = new Date(created).toISOString();
  const from = dayOf(size.from);
  const today = dayOf(size.today);
  const stamp = (day: number) => `${iso(day)}T09:00:00.000Z`;
  const idAt = (day: number) => newId(day * 86_400_000 + 9 * 3_600_000);

  const insert = {
    client: db.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, time_zone, vat_basis_points, notes, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '', ?, '', NULL, ?, ?)`,
    ),
    contact: db.prepare(
      `INSERT INTO client_contact (id, client_id, name, title, email, phone, notes, created_at, updated_at, archived_at)
       VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?)`,
    ),
    engagement: db.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, end_date, status, contract_notes, archived_at, created_at, updated_at,
         sla_business_days)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'Hours-based, billed monthly.', NULL, ?, ?, 7)`,
    ),
    specialist: db.prepare(
      `INSERT INTO specialist (id, full_name, role, seniority, home_country, home_subdivision, sourcing_region, skills, start_date, status,
         email, archived_at, created_at, updated_at, daily_minutes)
       VALUES (?, ?, ?, ?, ?, '', ?, '[]', '2021-01-04', 'active', ?, NULL, ?, ?, 480)`,
    ),
    allocation: db.prepare(
      `INSERT INTO allocation (id, specialist_id, engagement_id, start_date, end_date, load_percent, status, note, cancel_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 100, 'confirmed', '', '', ?, ?)`,
    ),
    absence: db.prepare(
      `INSERT INTO absence (id, specialist_id, kind, start_date, end_date, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
    ),
    model: db.prepare(
      `INSERT INTO model (id, client_id, engagement_id, name, use_case, business_owner_id, risk_tier, ai_act_category, kind, serving,
         in_service_since, stage, stage_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'Predicts what the business needs next', NULL, ?, ?, 'classical_ml', ?, ?, ?, ?, ?, ?)`,
    ),
    transition: db.prepare(
      `INSERT INTO model_stage_transition (id, model_id, from_stage, to_stage, on_date, reason, actor, created_at)
       VALUES (?, ?, ?, ?, ?, '', 'bench', ?)`,
    ),
    asset: db.prepare(
      `INSERT INTO asset (id, engagement_id, name, type, links, in_service_from, in_service_to, notes, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, '[]', ?, NULL, '', NULL, ?, ?)`,
    ),
    assetModel: db.prepare('INSERT INTO asset_model (asset_id, model_id, position) VALUES (?, ?, ?)'),
    duty: db.prepare(
      `INSERT INTO duty (engagement_id, key, name, custom, cover_required, position, retired_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    applicability: db.prepare('INSERT INTO duty_applicability (engagement_id, asset_type, duty_key, applicable) VALUES (?, ?, ?, ?)'),
    assignment: db.prepare(
      `INSERT INTO assignment (id, engagement_id, target_kind, target_id, duty_key, role, person_kind, person_id, from_date, to_date, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
    ),
  };

  return db.transaction((): OwnershipSummary => {
    const counts = {
      contacts: 0,
      archivedContacts: 0,
      modelDuties: 0,
      assignments: 0,
      overrides: 0,
      allocations: 0,
      allocationsEndingSoon: 0,
      absences: 0,
      madeWithoutAccountable: 0,
      madeWithoutBackup: 0,
    };

    // ------------------------------------------------------------ specialists
    const specialistIds: string[] = [];
    for (let i = 0; i < size.specialists; i++) {
      const id = newId(created);
      const home = rng.pick(HOMES);
      insert.specialist.run(
        id,
        `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
        rng.pick(SPECIALIST_ROLES),
        rng.pick(['mid', 'senior', 'senior', 'lead'] as const),
        home,
        sourcingRegionOf(home),
        `bench.owner${i}@talent.example.com`,
        at,
        at,
      );
      specialistIds.push(id);
    }

    // ------------------------------------------------------------ clients and their contact seats
    const clientIds: string[] = [];
    const contactSeats: Seat[][] = [];
    for (let c = 0; c < size.clients; c++) {
      const id = newId(created);
      const [country, currency, calendar] = rng.pick(CALENDARS);
      insert.client.run(
        id,
        `${rng.pick(TOPICS).split(' ')[0]} client ${String(c + 1).padStart(3, '0')}`,
        country,
        currency,
        calendar,
        0,
        at,
        at,
      );
      clientIds.push(id);
      contactSeats.push(
        CONTACT_SEATS.map((title, s) => {
          const tenures: Tenure[] = [];
          let start = from - rng.int(60, 400);
          for (let k = 0; ; k++) {
            const length = rng.int(540, 900);
            const end = start + length - 1 < today ? start + length - 1 : null;
            const contactId = newId(created + k);
            // A contact who left the client is archived the day after; a few left without anyone taking over their duties yet.
            const archived = end !== null ? stamp(end + 1) : rng.chance(0.03) ? stamp(today - rng.int(5, 60)) : null;
            insert.contact.run(
              contactId,
              id,
              `${rng.pick(CONTACT_FIRST)} ${rng.pick(CONTACT_LAST)}`,
              title,
              `contact${c}.${s}.${k}@client.example.com`,
              at,
              at,
              archived,
            );
            counts.contacts++;
            if (archived) counts.archivedContacts++;
            tenures.push({ person: contactId, from: start, to: end });
            if (end === null) break;
            start = end + 1;
          }
          return { kind: 'contact' as const, tenures };
        }),
      );
    }

    // ------------------------------------------------------------ engagements and their team seats
    const engagements: Engagement[] = [];
    for (let e = 0; e < size.engagements; e++) {
      const clientIndex = e % size.clients;
      const start = rng.chance(0.6) ? from - rng.int(0, 200) : from + rng.int(0, 900);
      const ended = rng.chance(0.1) && start < today - 400;
      const end = ended ? today - rng.int(30, Math.min(360, today - start - 60)) : rng.chance(0.3) ? today + rng.int(60, 500) : null;
      // Mostly one or two specialists; a few big accounts with six.
      const seats = rng.weighted([
        [1, 80],
        [2, 15],
        [3, 3],
        [6, 2],
      ] as const);
      const applicability = new Map<string, boolean>();
      if (rng.chance(0.05)) applicability.set('dashboard:monitoring', false);
      if (rng.chance(0.05)) applicability.set('serving_endpoint:data_ingestion', true);
      engagements.push({
        id: newId(created),
        clientIndex,
        start,
        end,
        team: Array.from({ length: seats }, () => ({ kind: 'specialist' as const, tenures: [] })),
        retiredCostOn: rng.chance(0.04) ? today - rng.int(30, 300) : null,
        customDutyFrom: rng.chance(0.04) ? Math.max(start, today - rng.int(60, 500)) : null,
        applicability,
        rows: 0,
      });
    }

    // Fill the team seats day by day: a seat changes holder every 6–12 months, to a specialist who is free.
    const busyUntil = new Map<string, number>(specialistIds.map((id) => [id, from - 1000]));
    type Open = { engagement: Engagement; seat: Seat; changeOn: number };
    const open: Open[] = [];
    const seatStarts = engagements.flatMap((engagement) =>
      engagement.team.map((seat, k) => ({ engagement, seat, startOn: engagement.start + (k === 0 ? 0 : rng.int(0, 120)) })),
    );
    const firstDay = Math.min(...seatStarts.map((s) => s.startOn));
    const freeOn = (day: number) => {
      const free = specialistIds.filter((id) => (busyUntil.get(id) ?? 0) < day);
      return free.length === 0 ? null : rng.pick(free);
    };
    const take = (engagement: Engagement, seat: Seat, day: number): boolean => {
      const person = freeOn(day);
      if (person === null) return false;
      const planned = day + rng.int(180, 365) - 1;
      const end = engagement.end !== null ? Math.min(planned, engagement.end) : planned;
      seat.tenures.push({ person, from: day, to: end });
      busyUntil.set(person, end);
      open.push({ engagement, seat, changeOn: end + 1 });
      return true;
    };
    const waiting: { engagement: Engagement; seat: Seat; startOn: number }[] = [];
    for (let day = firstDay; day <= today; day++) {
      for (const s of seatStarts) if (s.startOn === day) waiting.push(s);
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i] as Open;
        if (o.changeOn !== day) continue;
        open.splice(i, 1);
        if (o.engagement.end !== null && day > o.engagement.end) continue;
        const last = o.seat.tenures.at(-1) as Tenure;
        // The holder may stay on (and a seat with nobody free keeps its holder a month longer).
        if (!take(o.engagement, o.seat, day)) {
          last.to = Math.min(day + 29, o.engagement.end ?? Number.POSITIVE_INFINITY);
          busyUntil.set(last.person, last.to);
          open.push({ ...o, changeOn: last.to + 1 });
        }
      }
      for (let i = waiting.length - 1; i >= 0; i--) {
        const w = waiting[i] as (typeof waiting)[number];
        if (take(w.engagement, w.seat, day)) waiting.splice(i, 1);
      }
    }
    // Today's holders hold on: their assignments are open-ended; their allocations end as planned.
    const allocationEnd = new Map<Tenure, number>();
    for (const engagement of engagements) {
      for (const seat of engagement.team) {
        const last = seat.tenures.at(-1);
        if (last && last.to !== null && last.to >= today) {
          allocationEnd.set(last, last.to);
          last.to = engagement.end !== null && engagement.end < today ? engagement.end : null;
        }
      }
    }

    // ------------------------------------------------------------ engagements, duties, allocations
    for (const engagement of engagements) {
      const client = clientIds[engagement.clientIndex] as string;
      const status = engagement.end !== null && engagement.end < today ? 'ended' : 'active';
      insert.engagement.run(
        engagement.id,
        client,
        `${rng.pick(TOPICS)} operations ${engagements.indexOf(engagement) + 1}`,
        'CHF',
        iso(engagement.start),
        engagement.end === null ? null : iso(engagement.end),
        status,
        at,
        at,
      );
      if (engagement.retiredCostOn !== null) {
        insert.duty.run(engagement.id, 'cost', 'Cost', 0, 0, 7, iso(engagement.retiredCostOn), at, at);
      }
      if (engagement.customDutyFrom !== null) {
        insert.duty.run(engagement.id, CUSTOM_DUTY, 'Fairness review', 1, rng.chance(0.5) ? 1 : 0, 8, null, at, at);
      }
      for (const [pair, applicable] of engagement.applicability) {
        const [assetType, dutyKey] = pair.split(':');
        insert.applicability.run(engagement.id, assetType, dutyKey, applicable ? 1 : 0);
      }
      for (const seat of engagement.team) {
        for (const tenure of seat.tenures) {
          const end = tenure.to ?? allocationEnd.get(tenure) ?? engagement.end ?? today + 180;
          insert.allocation.run(idAt(tenure.from), tenure.person, engagement.id, iso(tenure.from), iso(end), at, at);
          counts.allocations++;
          if (tenure.to === null && end >= today && end <= today + 42) counts.allocationsEndingSoon++;
        }
      }
    }

    // ------------------------------------------------------------ absences
    for (const specialist of specialistIds) {
      let day = from + rng.int(0, 90);
      while (day <= today + 120) {
        const kind = rng.weighted([
          ['vacation', 6],
          ['sick', 3],
          ['other', 1],
        ] as const);
        const length = kind === 'vacation' ? rng.pick([2, 3, 5, 5, 7, 10, 12]) : rng.int(1, 3);
        insert.absence.run(idAt(day), specialist, kind, iso(day), iso(day + length - 1), at, at);
        counts.absences++;
        day += length + rng.int(40, 110);
      }
    }

    // ------------------------------------------------------------ assignments
    const assign = (
      engagement: Engagement,
      target: { kind: 'model' | 'asset'; id: string },
      dutyKey: string,
      role: Role,
      seat: Seat,
      startOn: number,
      endOn: number | null,
    ): Tenure[] => {
      const held = clip(seat.tenures, startOn, endOn);
      for (const t of held) {
        insert.assignment.run(
          idAt(t.from),
          engagement.id,
          target.kind,
          target.id,
          dutyKey,
          role,
          seat.kind,
          t.person,
          iso(t.from),
          t.to === null ? null : iso(t.to),
          stamp(t.from),
        );
        counts.assignments++;
      }
      return held;
    };

    /** The seats that hold each role on a duty of one target. */
    const seatsFor = (engagement: Engagement, dutyKey: string, key: number) => {
      const team = engagement.team;
      const contacts = contactSeats[engagement.clientIndex] as Seat[];
      const member = (offset: number) => team[(key + offset) % team.length] as Seat;
      const clientsDuty = dutyKey === 'governance' || dutyKey === 'cost' || (dutyKey === 'data_ingestion' && key % 2 === 0);
      const accountable =
        dutyKey === 'governance' ? contacts[RISK] : clientsDuty ? contacts[dutyKey === 'cost' ? PRODUCT : ENGINEER] : member(0);
      const responsible = [clientsDuty ? member(0) : key % 3 === 0 ? member(1) : member(0)];
      if (key % 3 === 1) responsible.push(team.length > 1 ? member(1) : (contacts[ENGINEER] as Seat));
      const backup = clientsDuty ? member(0) : team.length > 1 ? member(1) : contacts[ENGINEER];
      return {
        accountable: accountable as Seat,
        responsible: [...new Set(responsible)],
        consulted: contacts[key % 2 === 0 ? PRODUCT : RISK] as Seat,
        informed: contacts[key % 2 === 0 ? RISK : PRODUCT] as Seat,
        backup: backup as Seat,
      };
    };

    /**
     * The five roles on one duty of a target from `startOn`, following the seats; `gaps` ends the
     * current Accountable or Backup before today with nobody after them.
     */
    const staff = (
      engagement: Engagement,
      target: { kind: 'model' | 'asset'; id: string },
      dutyKey: string,
      startOn: number,
      key: number,
      gaps: boolean,
    ) => {
      const endOn = dutyKey === 'cost' && engagement.retiredCostOn !== null ? engagement.retiredCostOn - 1 : null;
      const seats = seatsFor(engagement, dutyKey, key);
      const noAccountable = gaps && rng.chance(size.noAccountable);
      const noBackup = gaps && rng.chance(size.noBackup);
      const cut = (seat: Seat, stop: boolean): Seat => {
        if (!stop) return seat;
        // The current holder's assignment ended a few weeks ago (or never began), and nobody was named after them.
        const stopOn = today - rng.int(3, 60);
        return { kind: seat.kind, tenures: clip(seat.tenures, Number.NEGATIVE_INFINITY, stopOn) };
      };
      assign(engagement, target, dutyKey, 'accountable', cut(seats.accountable, noAccountable), startOn, endOn);
      for (const seat of seats.responsible) assign(engagement, target, dutyKey, 'responsible', seat, startOn, endOn);
      assign(engagement, target, dutyKey, 'consulted', seats.consulted, startOn, endOn);
      assign(engagement, target, dutyKey, 'informed', seats.informed, startOn, endOn);
      assign(engagement, target, dutyKey, 'backup', cut(seats.backup, noBackup), startOn, endOn);
      if (noAccountable) counts.madeWithoutAccountable++;
      if (noBackup) counts.madeWithoutBackup++;
    };

    const dutiesOf = (engagement: Engagement, on: number): string[] => [
      ...DEFAULT_DUTIES.filter((d) => d !== 'cost' || engagement.retiredCostOn === null || engagement.retiredCostOn > on),
      ...(engagement.customDutyFrom !== null ? [CUSTOM_DUTY] : []),
    ];
    const applies = (engagement: Engagement, type: AssetType, dutyKey: string) =>
      engagement.applicability.get(`${type}:${dutyKey}`) ?? !(NOT_APPLICABLE_BY_DEFAULT[type] as readonly string[]).includes(dutyKey);

    // ------------------------------------------------------------ models: every engagement one, the rest mostly where the team is large
    const modelsOf = new Map<Engagement, { id: string; since: number }[]>();
    const modelEngagements: Engagement[] = [...engagements];
    const weighted = engagements.map((e) => [e, e.team.length ** 2] as const);
    while (modelEngagements.length < size.models) modelEngagements.push(rng.weighted(weighted));
    const modelNames = new Map<number, number>();
    for (const engagement of modelEngagements) {
      const client = engagement.clientIndex;
      const n = (modelNames.get(client) ?? 0) + 1;
      modelNames.set(client, n);
      const latest = Math.min(today - 30, engagement.end ?? today);
      const since = Math.min(latest, engagement.start + rng.int(0, 150));
      const stage = rng.chance(0.88) ? 'production' : 'pilot';
      const id = idAt(since);
      insert.model.run(
        id,
        clientIds[client],
        engagement.id,
        `${rng.pick(TOPICS)} model ${n}`,
        rng.weighted([
          ['low', 3],
          ['medium', 4],
          ['high', 2],
          ['critical', 1],
        ] as const),
        rng.weighted([
          ['minimal', 5],
          ['limited', 3],
          ['high', 2],
        ] as const),
        rng.pick(['batch', 'online', 'streaming'] as const),
        iso(since),
        stage,
        iso(since),
        at,
        at,
      );
      insert.transition.run(newId(created), id, null, stage, iso(since), at);
      const list = modelsOf.get(engagement) ?? [];
      list.push({ id, since });
      modelsOf.set(engagement, list);
      engagement.rows++;
      for (const dutyKey of dutiesOf(engagement, today)) {
        const startOn = dutyKey === CUSTOM_DUTY ? Math.max(since, engagement.customDutyFrom ?? since) : since;
        staff(engagement, { kind: 'model', id }, dutyKey, startOn, rng.int(0, 1 << 20), true);
        counts.modelDuties++;
      }
    }

    // ------------------------------------------------------------ assets around the models
    const assetNames = new Map<Engagement, number>();
    const withModels = engagements.filter((e) => (modelsOf.get(e)?.length ?? 0) > 0);
    for (let a = 0; a < size.assets; a++) {
      const engagement = rng.weighted(withModels.map((e) => [e, modelsOf.get(e)?.length ?? 0] as const));
      const models = modelsOf.get(engagement) ?? [];
      const type = rng.weighted(ASSET_WEIGHTS);
      const served = rng.chance(0.03) ? [] : rng.chance(0.1) && models.length > 1 ? rng.sample(models, 2) : [rng.pick(models)];
      const primary = served[0];
      const inService = Math.min(today - 7, (primary?.since ?? engagement.start) + rng.int(0, 60));
      const n = (assetNames.get(engagement) ?? 0) + 1;
      assetNames.set(engagement, n);
      const id = idAt(inService);
      insert.asset.run(id, engagement.id, `${ASSET_WORDS[type]} ${n}`, type, iso(inService), at, at);
      served.forEach((m, position) => {
        insert.assetModel.run(id, m.id, position);
      });
      engagement.rows++;
      for (const dutyKey of dutiesOf(engagement, today)) {
        if (!applies(engagement, type, dutyKey)) continue;
        // An asset serving no model is staffed on its own; otherwise one duty in ten is an override.
        if (primary !== undefined && !rng.chance(size.overrides)) continue;
        const startOn = dutyKey === CUSTOM_DUTY ? Math.max(inService, engagement.customDutyFrom ?? inService) : inService;
        staff(engagement, { kind: 'asset', id }, dutyKey, startOn, rng.int(0, 1 << 20), false);
        counts.overrides++;
      }
    }

    const largest = engagements.reduce((best, e) => (e.rows > best.rows ? e : best));
    return {
      clientIds,
      engagementIds: engagements.map((e) => e.id),
      largestEngagementId: largest.id,
      largestEngagementRows: largest.rows,
      specialists: specialistIds.length,
      models: modelEngagements.length,
      assets: size.assets,
      ...counts,
    };
  })();
}
