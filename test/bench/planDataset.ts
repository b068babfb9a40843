import type { Context } from '@backend/core/context';
import { createAbsence } from '@backend/plan/absenceService';
import { createAllocation } from '@backend/plan/allocationService';
import { createStaffingRequest, setStaffingStage } from '@backend/plan/staffingService';
import { ROLE_LABELS, SENIORITY_LABELS, type Seniority, SPECIALIST_ROLES, type SpecialistRole } from '@shared/clients/rules/reference';
import { SOURCING_REGIONS } from '@shared/clients/rules/sourcingRegion';
import type { AbsenceKind, Engagement, Specialist } from '@shared/contract';
import { dayOf, iso, type Rng, ROLE_SKILLS } from './seeded';

/**
 * The planning part of the benchmark dataset: two years of allocations and
 * absences for every specialist who has not left, and open staffing requests
 * around "today".
 *
 * Written through the ordinary services (createAllocation, createAbsence,
 * createStaffingRequest), not the repositories: each row is checked (the
 * dedication rule, engagement dates, overlapping absences) and audited like a
 * user's change. Inside the dataset's one transaction the ~8,000 rows take
 * about two seconds — fast enough that a shortcut would buy nothing.
 *
 * Each specialist gets one chain of allocations in date order, at one client
 * at a time, each inside a running engagement's dates: so confirmed ones never
 * break the dedication rule. Some links are a part-time ramp-up before the
 * full-time part, some overlap the previous one by a few days at the same
 * client (a hand-over, allowed and flagged), some wait on the bench first, and
 * a few tentative "maybe" bookings at another client overlap the chain (not
 * refused: the rule binds confirmed allocations only; flagged as overloads).
 */

export type PlanSize = {
  /** The two years the allocations and absences cover. */
  from: string;
  to: string;
  /** The dataset's "today": later allocations are more often tentative; requests open around it. */
  today: string;
  openRequests: number;
};

export type PlanSummary = {
  allocations: number;
  tentative: number;
  rampUps: number;
  handovers: number;
  absences: number;
  openRequests: number;
};

type Span = { engagement: Engagement; from: number; to: number };

/** Allocations and absences; run before anything is archived (the services refuse archived records, as they should). */
export function generatePlanHistory(
  ctx: Context,
  rng: Rng,
  records: { engagements: readonly Engagement[]; specialists: readonly Specialist[] },
  size: PlanSize,
): Omit<PlanSummary, 'openRequests'> {
  const window = { from: dayOf(size.from), to: dayOf(size.to) };
  const today = dayOf(size.today);
  const spans: Span[] = records.engagements.map((engagement) => ({
    engagement,
    from: dayOf(engagement.startDate),
    to: engagement.endDate === null ? Number.POSITIVE_INFINITY : dayOf(engagement.endDate),
  }));
  /** Engagements running on `day` for at least two more weeks. */
  const runningOn = (day: number) => spans.filter((s) => s.from <= day && s.to >= day + 13);
  const counts = { allocations: 0, tentative: 0, rampUps: 0, handovers: 0, absences: 0 };

  const allocate = (specialist: Specialist, span: Span, from: number, to: number, loadPercent: number, tentative: boolean) => {
    createAllocation(ctx, {
      specialistId: specialist.id,
      engagementId: span.engagement.id,
      startDate: iso(from),
      endDate: iso(to),
      loadPercent,
      status: tentative ? 'tentative' : 'confirmed',
      note: '',
    });
    counts.allocations++;
    if (tentative) counts.tentative++;
  };

  for (const specialist of records.specialists) {
    if (specialist.status === 'left') continue;
    const joined = dayOf(specialist.startDate);

    // ---- allocations: one chain, one client at a time
    let day = Math.max(window.from, joined) + (rng.chance(0.25) ? rng.int(0, 60) : 0);
    let clientId: string | null = null;
    let chainEnd = day - 1;
    let handover = false;
    while (day <= window.to - 14) {
      const here = runningOn(day);
      const sameClient: Span[] = clientId && (handover || rng.chance(0.55)) ? here.filter((s) => s.engagement.clientId === clientId) : [];
      if (handover && sameClient.length === 0) {
        // Nothing at that client to hand over into: start after the last allocation instead.
        handover = false;
        day = chainEnd + 1;
        continue;
      }
      if (here.length === 0) {
        day += 7;
        continue;
      }
      const span: Span = sameClient.length > 0 ? rng.pick(sameClient) : rng.pick(here);
      const length = rng.weighted([
        [rng.int(20, 45), 2],
        [rng.int(46, 120), 4],
        [rng.int(121, 270), 4],
      ]);
      const end = Math.min(day + length - 1, span.to, window.to);
      const tentative = span.engagement.status === 'proposed' || (day > today && rng.chance(0.25)) || rng.chance(0.03);
      if (end - day > 40 && rng.chance(0.15)) {
        const rampEnd = day + rng.int(10, 20) - 1;
        allocate(specialist, span, day, rampEnd, rng.pick([50, 80]), tentative);
        allocate(specialist, span, rampEnd + 1, end, 100, tentative);
        counts.rampUps++;
      } else {
        allocate(specialist, span, day, end, 100, tentative);
      }
      if (handover) counts.handovers++;

      // A tentative half-time "maybe" at another client, overlapping the chain.
      if (rng.chance(0.04)) {
        const other = here.filter((s) => s.engagement.clientId !== span.engagement.clientId && s.to >= Math.min(end, day + 20));
        if (other.length > 0) {
          const pitch = rng.pick(other);
          allocate(specialist, pitch, day, Math.min(day + rng.int(14, 42), pitch.to, end), 50, true);
        }
      }

      clientId = span.engagement.clientId;
      chainEnd = end;
      handover = rng.chance(0.06);
      day = handover ? end + 1 - rng.int(2, 5) : end + 1 + (rng.chance(0.65) ? 0 : rng.int(5, 60));
    }

    // ---- absences: never overlapping for one person
    let absent = Math.max(window.from, joined) + rng.int(0, 60);
    while (absent <= window.to) {
      const weekday = (absent + 4) % 7;
      if (weekday === 6) absent += 2;
      if (weekday === 0) absent += 1;
      const kind = rng.weighted<AbsenceKind>([
        ['vacation', 50],
        ['sick', 35],
        ['other', 15],
      ]);
      const length = kind === 'vacation' ? rng.pick([1, 2, 3, 5, 5, 7, 10, 12, 14]) : kind === 'sick' ? rng.int(1, 4) : 1;
      const end = Math.min(absent + length - 1, window.to);
      if (absent > end) break;
      createAbsence(ctx, { specialistId: specialist.id, kind, startDate: iso(absent), endDate: iso(end), note: '' });
      counts.absences++;
      absent = end + 1 + rng.int(20, 95);
    }
  }
  return counts;
}

const SENIORITY_WEIGHTS: (readonly [Seniority, number])[] = [
  ['junior', 5],
  ['mid', 35],
  ['senior', 45],
  ['lead', 15],
];

/** Open staffing requests on running or proposed engagements; run after archiving, as requests open on live records only. */
export function generateOpenRequests(ctx: Context, rng: Rng, engagements: readonly Engagement[], size: PlanSize): number {
  const today = dayOf(size.today);
  const archivedClients = new Set(engagements.filter((e) => ctx.repos.clients.get(e.clientId)?.archivedAt).map((e) => e.clientId));
  const candidates = engagements
    .map((e) => ctx.repos.engagements.get(e.id))
    .filter((e) => e !== null)
    .filter(
      (e) =>
        e.archivedAt === null &&
        e.status !== 'ended' &&
        !archivedClients.has(e.clientId) &&
        (e.endDate === null || dayOf(e.endDate) >= today + 30),
    );
  if (candidates.length === 0) throw new Error('No running engagement to open a staffing request on.');
  for (let i = 0; i < size.openRequests; i++) {
    const engagement = rng.pick(candidates);
    const role = rng.weighted<SpecialistRole>(SPECIALIST_ROLES.map((r) => [r, r === 'mlops_engineer' ? 4 : 1] as const));
    const seniority = rng.weighted(SENIORITY_WEIGHTS);
    const latest = engagement.endDate === null ? today + 120 : Math.min(today + 120, dayOf(engagement.endDate));
    const start = Math.max(dayOf(engagement.startDate), Math.min(latest, today + rng.int(-21, 120)));
    const openedOn = iso(Math.min(today - rng.int(0, 50), dayOf(ctx.today())));
    const { id } = createStaffingRequest(ctx, {
      engagementId: engagement.id,
      title: `${SENIORITY_LABELS[seniority]} ${ROLE_LABELS[role]}`,
      role,
      seniority,
      requiredSkills: rng.sample(ROLE_SKILLS[role], rng.int(2, 4)),
      regionPreferences: rng.chance(0.5) ? [] : rng.sample(SOURCING_REGIONS, rng.int(1, 3)),
      startDate: iso(start),
      loadPercent: rng.chance(0.15) ? 50 : 100,
      targetWeeks: rng.pick([3, 4]),
      notes: '',
      openedOn,
    });
    const stage = rng.weighted([
      ['defined', 35],
      ['sourcing', 40],
      ['candidates_presented', 25],
    ] as const);
    if (stage !== 'defined') setStaffingStage(ctx, id, stage);
  }
  return size.openRequests;
}
