import type { Db } from '@backend/core/db/connection';
import { newId } from '@backend/core/ids';
import { contentHash, newestOf } from '@backend/maturity/frameworks';
import { addDays } from '@shared/kernel/days';
import { briefOf } from '@shared/maturity/rules/compare';
import { assessmentLevels } from '@shared/maturity/rules/levels';
import { ANSWERS, type Answer } from '@shared/maturity/rules/vocabulary';
import { DEFAULT_DUTIES } from '@shared/ownership/rules/vocabulary';

/**
 * The maturity bench's data, written with bare statements in one transaction: 200 clients × 12 assessments
 * (11 final with their kept levels, the newest a draft) × every criterion answered; and one more client whose
 * portfolio holds 2,000 production models (versions with training data, approvals, a champion in production,
 * cards, half of them with an Accountable on every duty) for the cross-check.
 */
export const MATURITY_SIZE = {
  clients: 200,
  assessments: 12,
  portfolioModels: 2_000,
  today: '2026-11-24',
  now: '2026-11-24T10:00:00.000Z',
};

/** A deterministic pseudo-random sequence (so every run answers the same). */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

export function insertMaturityData(db: Db): { clientIds: string[]; portfolioClientId: string; answers: number; hash: string } {
  const { set } = newestOf();
  const hash = contentHash(set);
  const at = MATURITY_SIZE.now;
  const random = seeded(42);
  const clientIds: string[] = [];
  let answers = 0;
  db.transaction(() => {
    db.prepare('INSERT INTO maturity_framework (hash, set_id, version, name, body, stored_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      hash,
      set.id,
      set.version,
      set.name,
      JSON.stringify(set),
      at,
    );
    const client = db.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES (?, ?, 'CH', 'CHF', 'CH', ?, ?)`,
    );
    const contact = db.prepare('INSERT INTO client_contact (id, client_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const assessment = db.prepare(
      `INSERT INTO maturity_assessment (id, client_id, framework_hash, frameworks, assessed_on, assessor_kind, assessor_id, participants,
         overall_rule, status, created_at, updated_at)
       VALUES (?, ?, ?, '["microsoft","google"]', ?, 'contact', ?, '[]', 'lowest', 'draft', ?, ?)`,
    );
    // Answered as drafts, then finalised (the triggers refuse answers to a final assessment).
    const finalise = db.prepare(
      `UPDATE maturity_assessment SET status = 'final', finalised_at = ?, levels = ?, levels_brief = ? WHERE id = ?`,
    );
    const answer = db.prepare(
      `INSERT INTO maturity_answer (assessment_id, criterion_id, answer, evidence, links, confidence, updated_at) VALUES (?, ?, ?, '', '[]', 'medium', ?)`,
    );
    for (let c = 0; c < MATURITY_SIZE.clients; c++) {
      const clientId = newId();
      clientIds.push(clientId);
      client.run(clientId, `Bench client ${String(c).padStart(3, '0')}`, at, at);
      const contactId = newId();
      contact.run(contactId, clientId, `Lead ${c}`, at, at);
      // Each client matures over the years: the share of yes answers grows assessment by assessment.
      for (let k = 0; k < MATURITY_SIZE.assessments; k++) {
        const id = newId();
        const on = addDays(MATURITY_SIZE.today, -(MATURITY_SIZE.assessments - k) * 91);
        const yesShare = 0.3 + (0.6 * k) / MATURITY_SIZE.assessments;
        const given = new Map<string, Answer>();
        for (const criterion of set.criteria) {
          const r = random();
          given.set(criterion.id, r < yesShare ? 'yes' : (ANSWERS[1 + Math.floor(random() * 3)] as Answer));
        }
        const final = k < MATURITY_SIZE.assessments - 1;
        const computed = assessmentLevels(set, ['microsoft', 'google'], given, 'lowest');
        assessment.run(id, clientId, hash, on, contactId, at, at);
        for (const [criterionId, value] of given) {
          answer.run(id, criterionId, value, at);
          answers++;
        }
        if (final) finalise.run(at, JSON.stringify(computed), JSON.stringify(briefOf(computed)), id);
      }
    }

    // One client with a 2,000-model production portfolio.
    const portfolioClientId = newId();
    clientIds.push(portfolioClientId);
    client.run(portfolioClientId, 'Bench portfolio client', at, at);
    const owner = newId();
    contact.run(owner, portfolioClientId, 'Portfolio owner', at, at);
    const engagementIds = Array.from({ length: 20 }, () => newId());
    const environmentIds: string[] = [];
    engagementIds.forEach((e, i) => {
      db.prepare(
        `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES (?, ?, ?, 'CHF', '2024-01-01', 'active', ?, ?)`,
      ).run(e, portfolioClientId, `Run ${i}`, at, at);
      const env = newId();
      environmentIds.push(env);
      db.prepare(`INSERT INTO environment (id, engagement_id, name, is_production, created_at) VALUES (?, ?, 'prod', 1, ?)`).run(
        env,
        e,
        at,
      );
    });
    const model = db.prepare(
      `INSERT INTO model (id, client_id, engagement_id, name, use_case, business_owner_id, risk_tier, ai_act_category, kind, serving,
         in_service_since, stage, stage_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'Scoring', ?, 'medium', 'limited', 'classical_ml', 'batch', '2024-01-01', 'production', '2024-06-03', ?, ?)`,
    );
    const transition = db.prepare(
      `INSERT INTO model_stage_transition (id, model_id, from_stage, to_stage, on_date, actor, created_at) VALUES (?, ?, ?, ?, ?, 'bench', ?)`,
    );
    const version = db.prepare(
      `INSERT INTO model_version (id, model_id, label, built_by_kind, built_by_id, registered_on, training_data, created_at)
       VALUES (?, ?, ?, 'contact', ?, ?, ?, ?)`,
    );
    const approval = db.prepare(
      `INSERT INTO model_approval (id, version_id, approver_kind, approver_id, decision, decided_on, created_at) VALUES (?, ?, 'contact', ?, 'approved', ?, ?)`,
    );
    const deployment = db.prepare(
      `INSERT INTO deployment (id, model_id, version_id, environment_id, alias, from_at, to_at, created_at) VALUES (?, ?, ?, ?, 'champion', ?, ?, ?)`,
    );
    const card = db.prepare(
      `INSERT INTO model_card (model_id, intended_use, out_of_scope_uses, users, limitations, ethical_considerations, caveats, updated_at)
       VALUES (?, 'Score', 'Not for pricing', 'Analysts', 'Drifts in Q4', 'Tested for bias', '', ?)`,
    );
    const assign = db.prepare(
      `INSERT INTO assignment (id, engagement_id, target_kind, target_id, duty_key, role, person_kind, person_id, from_date, to_date, created_at)
       VALUES (?, ?, 'model', ?, ?, 'accountable', 'contact', ?, '2024-06-03', NULL, ?)`,
    );
    for (let m = 0; m < MATURITY_SIZE.portfolioModels; m++) {
      const id = newId();
      const e = m % engagementIds.length;
      const engagementId = engagementIds[e] as string;
      model.run(id, portfolioClientId, engagementId, `Model ${String(m).padStart(4, '0')}`, owner, at, at);
      transition.run(newId(), id, null, 'prototype', '2024-01-01', at);
      transition.run(newId(), id, 'prototype', 'production', '2024-06-03', at);
      const versions = [newId(), newId(), newId()];
      versions.forEach((v, i) => {
        version.run(v, id, `v${i + 1}`, owner, addDays('2024-05-01', i * 120), m % 7 === 0 && i === 2 ? '' : `s3://data/snap-${i}`, at);
        if (i < 2 || m % 3 !== 0) approval.run(newId(), v, owner, addDays('2024-05-08', i * 120), at);
      });
      deployment.run(newId(), id, versions[1], environmentIds[e], '2024-06-03T00:00:00.000Z', '2025-01-06T00:00:00.000Z', at);
      deployment.run(newId(), id, versions[2], environmentIds[e], '2025-01-06T00:00:00.000Z', null, at);
      if (m % 4 !== 0) card.run(id, at);
      if (m % 2 === 0) for (const duty of DEFAULT_DUTIES) assign.run(newId(), engagementId, id, duty, owner, at);
    }
    return undefined;
  })();
  return { clientIds, portfolioClientId: clientIds[clientIds.length - 1] as string, answers, hash };
}
