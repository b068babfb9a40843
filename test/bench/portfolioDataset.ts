import type { Db } from '@backend/core/db/connection';
import { dayOf, idMaker, iso, prng } from './seeded';

/**
 * The portfolio dataset (issue 13's bench): 2,000 models of 20 clients, each
 * with 20 versions registered about every 90 days over five years, approvals,
 * and the deployments those five years leave behind: every version a staging
 * champion, a short production challenger, then the production champion until
 * the next one (about one promotion in seven rolled back a few days later),
 * so about 65,000 deployments. Stages: most models with an engagement are in
 * production, some retired (their deployments end then), some still in pilot
 * or prototype (the graveyard); a tenth belong to no engagement (inventory
 * the team does not run). Risk tiers and AI Act categories are spread so the
 * "high-risk without evidence" fact has work to do.
 *
 * Rows are written directly with prepared statements in one transaction: the
 * services would check and audit each of ~110,000 rows, which measures
 * nothing this benchmark is about.
 */

export const PORTFOLIO_SIZE = {
  clients: 20,
  engagementsPerClient: 2,
  models: 2_000,
  versionsPerModel: 20,
  /** The first model's history starts here; versions follow about every 90 days. */
  from: '2021-11-24',
  today: '2026-11-24',
  now: '2026-11-24T12:00:00.000Z',
} as const;

const RISK = [
  ['low', 4],
  ['medium', 3],
  ['high', 2],
  ['critical', 1],
] as const;
const CATEGORY = [
  ['minimal', 5],
  ['limited', 3],
  ['high', 2],
] as const;
const KINDS = ['classical_ml', 'deep_learning', 'llm', 'rules_ml'] as const;
const SERVING = ['batch', 'online', 'streaming', 'embedded'] as const;
const ATTACHABLE = ['fairness_test', 'explainability_report', 'data_lineage', 'access_review'] as const;

export type PortfolioSummary = {
  clientIds: string[];
  models: number;
  versions: number;
  approvals: number;
  deployments: number;
  transitions: number;
};

type Stage = 'idea' | 'prototype' | 'pilot' | 'production' | 'retired';

export function insertPortfolioData(db: Db, seed = 13): PortfolioSummary {
  const rng = prng(seed);
  const newId = idMaker(rng);
  const created = Date.parse('2021-11-01T09:00:00Z');
  const at = new Date(created).toISOString();
  const size = PORTFOLIO_SIZE;
  const fromDay = dayOf(size.from);
  const todayDay = dayOf(size.today);
  const instant = (day: number, hour = 8) => `${iso(day)}T${String(hour).padStart(2, '0')}:00:00.000Z`;

  const insert = {
    client: db.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, time_zone, vat_basis_points, notes, archived_at, created_at, updated_at)
       VALUES (?, ?, 'CH', 'CHF', 'CH-ZH', '', 810, '', NULL, ?, ?)`,
    ),
    engagement: db.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, end_date, status, contract_notes, archived_at, created_at, updated_at,
         sla_business_days)
       VALUES (?, ?, ?, 'CHF', ?, NULL, 'active', '', NULL, ?, ?, 7)`,
    ),
    specialist: db.prepare(
      `INSERT INTO specialist (id, full_name, role, seniority, home_country, home_subdivision, sourcing_region, skills, start_date, status,
         email, archived_at, created_at, updated_at, daily_minutes)
       VALUES (?, ?, 'ml_engineer', 'senior', 'CH', '', 'switzerland', '[]', '2019-01-07', 'active', ?, NULL, ?, ?, 480)`,
    ),
    contact: db.prepare(
      `INSERT INTO client_contact (id, client_id, name, title, email, phone, notes, created_at, updated_at)
       VALUES (?, ?, ?, 'Model risk officer', '', '', '', ?, ?)`,
    ),
    environment: db.prepare('INSERT INTO environment (id, engagement_id, name, is_production, created_at) VALUES (?, ?, ?, ?, ?)'),
    model: db.prepare(
      `INSERT INTO model (id, client_id, engagement_id, name, use_case, business_owner_id, outcome_metric, outcome_unit, outcome_baseline,
         outcome_target, risk_tier, ai_act_category, regulated_domain, kind, serving, data_sources, repository_link, registry_link,
         dashboard_link, runbook_link, tags, notes, in_service_since, stage, stage_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'Uplift', '%', 1.5, 3, ?, ?, 'none', ?, ?, '["warehouse"]', '', '', '', '', '["bench"]', '', ?, ?, ?, ?, ?)`,
    ),
    transition: db.prepare(
      `INSERT INTO model_stage_transition (id, model_id, from_stage, to_stage, on_date, reason, actor, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'bench', ?)`,
    ),
    version: db.prepare(
      `INSERT INTO model_version (id, model_id, label, built_by_kind, built_by_id, registered_on, training_data, evaluations, evidence, notes, created_at)
       VALUES (?, ?, ?, 'specialist', ?, ?, ?, ?, ?, '', ?)`,
    ),
    approval: db.prepare(
      `INSERT INTO model_approval (id, version_id, approver_kind, approver_id, decision, decided_on, evidence_text, evidence_link, conditions, created_at)
       VALUES (?, ?, 'contact', ?, 'approved', ?, 'Validation report reviewed', '', '', ?)`,
    ),
    deployment: db.prepare(
      `INSERT INTO deployment (id, model_id, version_id, environment_id, alias, traffic_percent, from_at, to_at, rollback_reason, created_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    ),
  };

  return db.transaction((): PortfolioSummary => {
    const counts = { versions: 0, approvals: 0, deployments: 0, transitions: 0 };
    const builders: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = newId(created);
      insert.specialist.run(id, `Builder ${i + 1}`, `bench.builder${i}@talent.example.com`, at, at);
      builders.push(id);
    }
    const clientIds: string[] = [];
    const engagements: { id: string; client: number; production: string; staging: string }[] = [];
    const contacts: string[][] = [];
    for (let c = 0; c < size.clients; c++) {
      const clientId = newId(created);
      insert.client.run(clientId, `Portfolio client ${String(c + 1).padStart(2, '0')}`, at, at);
      clientIds.push(clientId);
      contacts.push(
        [0, 1, 2].map((k) => {
          const id = newId(created);
          insert.contact.run(id, clientId, `Approver ${c + 1}.${k + 1}`, at, at);
          return id;
        }),
      );
      for (let e = 0; e < size.engagementsPerClient; e++) {
        const id = newId(created);
        insert.engagement.run(id, clientId, `Model operations ${c + 1}.${e + 1}`, size.from, at, at);
        const production = newId(created);
        insert.environment.run(production, id, 'Production', 1, at);
        const staging = newId(created);
        insert.environment.run(staging, id, 'Staging', 0, at);
        engagements.push({ id, client: c, production, staging });
      }
    }

    for (let m = 0; m < size.models; m++) {
      const client = m % size.clients;
      const clientEngagements = engagements.filter((e) => e.client === client);
      const engagement = rng.chance(0.1) ? null : rng.pick(clientEngagements);
      const since = fromDay + rng.int(0, 20);
      // Versions about every 90 days; the last one lands a few months before today.
      const registered = Array.from({ length: size.versionsPerModel }, (_, k) => since + 7 + k * 88 + rng.int(0, 5));
      const stage: Stage =
        engagement === null
          ? rng.pick(['idea', 'prototype'] as const)
          : rng.weighted<Stage>([
              ['production', 6],
              ['retired', 1],
              ['pilot', 1.5],
              ['prototype', 1.5],
            ]);
      // The stage path and its dates: prototype after a month, pilot after four, production after seven.
      const path: [Stage, number][] = [['idea', since]];
      const steps: [Stage, number][] = [
        ['prototype', since + 30],
        ['pilot', since + 120],
        ['production', since + 210],
      ];
      const target = stage === 'retired' ? 'production' : stage;
      for (const step of steps) {
        if (path.some(([s]) => s === target)) break;
        path.push(step);
      }
      const retiredOn = stage === 'retired' ? todayDay - rng.int(30, 400) : null;
      if (retiredOn !== null) path.push(['retired', retiredOn]);
      // Models still in prototype or pilot waited there a long time (the graveyard), or moved recently.
      if (stage === 'pilot' || stage === 'prototype') {
        const last = path[path.length - 1] as [Stage, number];
        last[1] = rng.chance(0.5) ? todayDay - rng.int(10, 80) : todayDay - rng.int(100, 700);
      }
      const stageSince = (path[path.length - 1] as [Stage, number])[1];

      const modelId = newId(created);
      insert.model.run(
        modelId,
        clientIds[client],
        engagement?.id ?? null,
        `Model ${String(m + 1).padStart(4, '0')}`,
        'Predicts what the business needs next',
        (contacts[client] as string[])[0],
        rng.weighted(RISK),
        rng.weighted(CATEGORY),
        rng.pick(KINDS),
        rng.pick(SERVING),
        iso(since),
        stage,
        iso(stageSince),
        at,
        at,
      );
      let previous: Stage | null = null;
      for (const [s, day] of path) {
        insert.transition.run(newId(created), modelId, previous, s, iso(day), s === 'retired' ? 'Replaced by a newer model' : '', at);
        previous = s;
        counts.transitions++;
      }

      const versionIds = registered.map((day, k) => {
        const id = newId(created);
        const evidence = ATTACHABLE.filter(() => rng.chance(0.7)).map((kind) => ({ kind, text: 'On file', link: '' }));
        insert.version.run(
          id,
          modelId,
          `v${k + 1}`,
          rng.pick(builders),
          iso(day),
          `warehouse.snapshot ${iso(day - 30)}..${iso(day - 1)}`,
          JSON.stringify([{ metric: 'AUC', value: 0.8 + rng.next() / 10, dataset: 'holdout' }]),
          JSON.stringify(evidence),
          at,
        );
        counts.versions++;
        insert.approval.run(newId(created), id, rng.pick(contacts[client] as string[]), iso(day + 1), at);
        counts.approvals++;
        return id;
      });

      if (engagement === null) continue;
      const productionFrom = since + 210;
      const lastDay = retiredOn ?? todayDay + 1;
      const deploy = (versionId: string, env: string, alias: string, from: string, to: string | null, reason = '') => {
        insert.deployment.run(newId(created), modelId, versionId, env, alias, from, to, reason, at);
        counts.deployments++;
      };
      for (let k = 0; k < registered.length; k++) {
        const day = registered[k] as number;
        if (day >= lastDay) break;
        const next = registered[k + 1];
        const end = next !== undefined && next < lastDay ? instant(next) : retiredOn !== null ? instant(retiredOn) : null;
        deploy(versionIds[k] as string, engagement.staging, 'champion', instant(day), end);
        if (stage === 'pilot' || stage === 'prototype' || day + 3 < productionFrom) continue;
        if (retiredOn !== null && retiredOn <= day + 5) continue;
        // A challenger beside the champion for three days, then promoted until the next promotion.
        deploy(versionIds[k] as string, engagement.production, 'challenger', instant(day), instant(day + 3));
        const promoted = instant(day + 3);
        const championEnd = next !== undefined && next + 3 < lastDay ? instant(next + 3) : retiredOn !== null ? instant(retiredOn) : null;
        if (k > 0 && k % 7 === 0 && championEnd !== null) {
          // Rolled back two days later to the version before, until the next promotion.
          deploy(versionIds[k] as string, engagement.production, 'champion', promoted, instant(day + 5));
          deploy(versionIds[k - 1] as string, engagement.production, 'champion', instant(day + 5), championEnd, 'Latency regression');
        } else {
          deploy(versionIds[k] as string, engagement.production, 'champion', promoted, championEnd);
        }
      }
    }
    return { clientIds, models: size.models, ...counts };
  })();
}
