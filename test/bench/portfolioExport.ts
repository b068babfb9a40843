import { join } from 'node:path';
import { newId } from '@backend/core/ids';
import { type Backend, createBackend } from '@backend/index';
import type { Result } from '@shared/contract';
import { measure, megabytes, peakRssBytes, type Report } from './harness';

/**
 * The portfolio's workbooks on a large portfolio: 2,000 models (20 clients ×
 * 100) with 20 versions each, one approval per version, and five years of
 * champions in production (each version serves for about three months, the
 * next replaces it), two stage changes per model. Written straight into a
 * database of its own with SQL (the portfolio bench has its own dataset);
 * then `portfolio.export` for every model and for one client, and
 * `models.exportAuditPack` for one model, through dispatch as the UI calls
 * them. Figures only.
 */

export const PORTFOLIO_EXPORT_SIZE = { clients: 20, modelsPerClient: 100, versionsPerModel: 20 } as const;
const NOW = '2026-11-24T09:00:00.000Z';
const START = Date.parse('2021-11-01T08:00:00.000Z');
const SPAN = Math.floor((Date.parse(NOW) - START) / PORTFOLIO_EXPORT_SIZE.versionsPerModel);

type Made = { clientIds: string[]; modelIds: string[]; rows: number };

function value<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function insertPortfolio(backend: Backend): Promise<Made> {
  const { clients, modelsPerClient, versionsPerModel } = PORTFOLIO_EXPORT_SIZE;
  const specialist = value<{ id: string }>(
    await backend.dispatch('specialists.create', {
      fullName: 'Bench Builder',
      email: 'bench.builder@example.com',
      role: 'mlops_engineer',
      seniority: 'senior',
      homeCountry: 'RO',
      skills: ['MLflow'],
      startDate: '2020-01-06',
      status: 'active',
    }),
    'specialists.create',
  ).id;
  const db = backend.db;
  const made: Made = { clientIds: [], modelIds: [], rows: 0 };
  const insert = {
    contact: db.prepare('INSERT INTO client_contact (id, client_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    environment: db.prepare('INSERT INTO environment (id, engagement_id, name, is_production, created_at) VALUES (?, ?, ?, ?, ?)'),
    model: db.prepare(
      `INSERT INTO model (id, client_id, engagement_id, name, use_case, business_owner_id, risk_tier, ai_act_category, kind, serving,
         tags, notes, in_service_since, stage, stage_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'minimal', 'classical_ml', 'batch', '["bench"]', ?, '2021-10-01', ?, ?, ?, ?)`,
    ),
    transition: db.prepare(
      `INSERT INTO model_stage_transition (id, model_id, from_stage, to_stage, on_date, reason, actor, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'bench', ?)`,
    ),
    version: db.prepare(
      `INSERT INTO model_version (id, model_id, label, built_by_kind, built_by_id, registered_on, training_data, evaluations, created_at)
       VALUES (?, ?, ?, 'specialist', ?, ?, 'warehouse snapshot, sha256:00ff', '[{"metric":"AUC","value":0.8,"dataset":"holdout"}]', ?)`,
    ),
    approval: db.prepare(
      `INSERT INTO model_approval (id, version_id, approver_kind, approver_id, decision, decided_on, evidence_text, created_at)
       VALUES (?, ?, 'contact', ?, 'approved', ?, 'Validation report', ?)`,
    ),
    deployment: db.prepare(
      `INSERT INTO deployment (id, model_id, version_id, environment_id, alias, from_at, to_at, rollback_reason, created_at)
       VALUES (?, ?, ?, ?, 'champion', ?, ?, ?, ?)`,
    ),
  };
  // Clients and engagements go through the contract (their rules and defaults); everything else straight into SQL.
  const engagements: string[] = [];
  for (let c = 0; c < clients; c++) {
    const client = value<{ id: string }>(
      await backend.dispatch('clients.create', {
        name: `Bench client ${String(c + 1).padStart(2, '0')}`,
        country: 'CH',
        currency: 'CHF',
        holidayCalendar: 'CH-ZH',
      }),
      'clients.create',
    );
    made.clientIds.push(client.id);
  }
  for (const clientId of made.clientIds) {
    const engagement = value<{ id: string }>(
      await backend.dispatch('engagements.create', {
        clientId,
        name: 'Model operations',
        currency: 'CHF',
        startDate: '2021-10-01',
        endDate: null,
        status: 'active',
      }),
      'engagements.create',
    );
    engagements.push(engagement.id);
  }
  db.transaction(() => {
    made.clientIds.forEach((clientId, c) => {
      const engagementId = engagements[c] as string;
      const owner = newId();
      insert.contact.run(owner, clientId, 'Bench owner', NOW, NOW);
      const production = newId();
      insert.environment.run(production, engagementId, 'Production', 1, NOW);
      insert.environment.run(newId(), engagementId, 'Staging', 0, NOW);
      for (let m = 0; m < modelsPerClient; m++) {
        const modelId = newId();
        made.modelIds.push(modelId);
        insert.model.run(
          modelId,
          clientId,
          engagementId,
          `Model ${String(m + 1).padStart(3, '0')}`,
          'Scores the cases of the business line',
          owner,
          m % 4 === 0 ? 'high' : 'low',
          m % 10 === 0 ? '=HYPERLINK("https://x")' : 'Bench notes',
          'production',
          '2021-11-01',
          NOW,
          NOW,
        );
        insert.transition.run(newId(), modelId, null, 'pilot', '2021-10-01', '', NOW);
        insert.transition.run(newId(), modelId, 'pilot', 'production', '2021-11-01', 'First champion', NOW);
        for (let v = 0; v < versionsPerModel; v++) {
          const versionId = newId();
          const from = new Date(START + v * SPAN).toISOString();
          const to = v === versionsPerModel - 1 ? null : new Date(START + (v + 1) * SPAN).toISOString();
          insert.version.run(versionId, modelId, `v${v + 1}`, specialist, from.slice(0, 10), NOW);
          insert.approval.run(newId(), versionId, owner, from.slice(0, 10), NOW);
          insert.deployment.run(newId(), modelId, versionId, production, from, to, v % 7 === 6 ? 'Rolled back after drift' : '', NOW);
          made.rows += 3;
        }
        made.rows += 3;
      }
    });
  })();
  return made;
}

/** Times the portfolio's workbooks on the large portfolio; returns lines for the summary. */
export async function portfolioExportBench(report: Report, dir: string, runs: { runs: number; warmup: number }): Promise<string[]> {
  const backend = createBackend({
    databasePath: join(dir, 'portfolio-export.db'),
    actor: 'bench',
    mode: 'browser',
    clock: () => new Date(NOW),
  });
  try {
    const made = await insertPortfolio(backend);
    const call = async (name: 'portfolio.export' | 'models.exportAuditPack', input: object) =>
      value<{ bytes: number }>(await backend.dispatch(name, input), name);
    const describe = (file: { bytes: number }) => megabytes(file.bytes);
    report.section(
      `Portfolio workbooks — ${made.modelIds.length.toLocaleString('en')} models × ${PORTFOLIO_EXPORT_SIZE.versionsPerModel} versions, five years of champions (${made.rows.toLocaleString('en')} rows)`,
    );
    report.add(await measure('portfolio.export, every model', () => call('portfolio.export', {}), { ...runs, describe }));
    report.add(
      await measure('portfolio.export, one client', () => call('portfolio.export', { clientId: made.clientIds[0] }), {
        ...runs,
        describe,
      }),
    );
    report.add(
      await measure('models.exportAuditPack, one model', () => call('models.exportAuditPack', { id: made.modelIds[0] }), {
        ...runs,
        describe,
      }),
    );
    return [`Portfolio workbooks: peak RSS ${megabytes(peakRssBytes())} so far`];
  } finally {
    backend.close();
  }
}
