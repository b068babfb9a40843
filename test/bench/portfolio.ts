import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { openDatabase } from '@backend/core/db/connection';
import { createBackend } from '@backend/index';
import type { ClientPortfolio, ListResult, ModelListItem, ServedAt } from '@shared/contract';
import { addDays, toDay } from '@shared/kernel/days';
import { DEFAULT_GRAVEYARD_DAYS } from '@shared/portfolio/rules/portfolio';
import { compare, type MeasureOptions, once, type Report, resultValue } from './harness';
import { insertPortfolioData, PORTFOLIO_SIZE } from './portfolioDataset';

/**
 * The model portfolio (issue 13): 2,000 models × 20 versions with five years
 * of deployments (portfolioDataset.ts), through the contract as the screens
 * call it, each beside hand-written SQL computing the same numbers:
 *
 * - the portfolio list (every model, default sort, with the champion serving
 *   production now) beside one hand-written statement that also computes the
 *   days in stage; aim ≤ 2×;
 * - a client's portfolio facts (the stage funnel, the graveyard, production
 *   over the last 12 months — and the high-risk evidence fact, which the bare
 *   side does not compute) beside three statements; aim ≤ 2× for the funnel;
 * - "which version served production at instant T" for every model at once
 *   (`portfolio.asOf` without a model); aim < 20 ms;
 * - the model page's data (the model, its versions and approvals, its
 *   deployments, the as-of answer now) for the model with the most
 *   deployments; aim < 30 ms.
 *
 * Both sides must give the same numbers before anything is timed.
 */

type Runs = Pick<MeasureOptions<undefined, unknown>, 'runs' | 'warmup'>;

const AIMS = { listRatio: 2, funnelRatio: 2, asOfMs: 20, modelPageMs: 30 };

type BareListRow = Omit<ModelListItem, 'daysInStage'> & { daysInStage?: number };

export async function portfolioBench(report: Report, dir: string, runs: Runs): Promise<string[]> {
  const file = join(dir, 'portfolio.db');
  const opened = openDatabase(file);
  let written: Awaited<ReturnType<typeof once<ReturnType<typeof insertPortfolioData>>>>;
  try {
    written = await once(() => insertPortfolioData(opened.db));
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    opened.db.close();
  }
  const summary = written.result;
  const { today, now } = PORTFOLIO_SIZE;
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser', clock: () => new Date(now) });
  const lines: string[] = [];
  try {
    const db = backend.db;
    const call = async <T>(name: Parameters<typeof backend.dispatch>[0], input: unknown) =>
      resultValue<T>(name, await backend.dispatch(name, input as never));

    // ---------------------------------------------------------- the list
    const bareList = db.prepare(
      `SELECT m.id, m.client_id AS clientId, c.name AS clientName, m.engagement_id AS engagementId, e.name AS engagementName, m.name,
         m.stage, m.stage_since AS stageSince, CAST(julianday(@today) - julianday(m.stage_since) AS INTEGER) AS daysInStage,
         m.risk_tier AS riskTier, m.ai_act_category AS aiActCategory, m.kind, m.updated_at AS updatedAt,
         v.label AS championLabel, d.from_at AS championSince
       FROM model m JOIN client c ON c.id = m.client_id LEFT JOIN engagement e ON e.id = m.engagement_id
       LEFT JOIN deployment d ON d.rowid = (
         SELECT x.rowid FROM deployment x JOIN environment env ON env.id = x.environment_id AND env.is_production = 1
         WHERE x.model_id = m.id AND x.alias = 'champion' AND x.from_at <= @now AND (x.to_at IS NULL OR x.to_at > @now) LIMIT 1)
       LEFT JOIN model_version v ON v.id = d.version_id
       ORDER BY m.name COLLATE NOCASE, m.id`,
    );
    const bare = () => bareList.all({ now, today }) as BareListRow[];
    const viaContract = (await call<ListResult<ModelListItem>>('models.list', {})).rows;
    const sorted = (rows: readonly object[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))));
    if (!isDeepStrictEqual(sorted(viaContract), sorted(bare()))) {
      const at = viaContract.findIndex((r, i) => !isDeepStrictEqual(sorted([r]), sorted([bare()[i] ?? {}])));
      throw new Error(`models.list and the bare statement differ at row ${at}; the comparison would be meaningless.`);
    }
    const champions = viaContract.filter((r) => r.championLabel !== null).length;
    report.section(
      `Model portfolio: ${summary.models.toLocaleString('en')} models × ${PORTFOLIO_SIZE.versionsPerModel} versions, ` +
        `${summary.deployments.toLocaleString('en')} deployments over five years (database of its own)`,
    );
    const rowsOf = (r: unknown) => `${(r as unknown[]).length.toLocaleString('en')} rows, ${champions} with a champion`;
    const [listContract, listRepository, listBare] = await compare<unknown>(
      [
        {
          name: 'portfolio list — contract (models.list)',
          fn: async () => (await call<ListResult<ModelListItem>>('models.list', {})).rows,
        },
        {
          name: 'portfolio list — repository',
          fn: () => backend.ctx.repos.models.list({ sort: 'name', direction: 'asc' }, today, now),
        },
        { name: 'portfolio list — hand-written SQL', fn: bare },
      ],
      { ...runs, describe: rowsOf },
    );
    if (!listContract || !listRepository || !listBare) throw new Error('compare() returned fewer stats than variants.');
    report.add(listContract, listBare);
    report.add(listRepository, listBare);
    report.add(listBare, 'self');

    // ---------------------------------------------------------- a client's facts: funnel, graveyard, production
    const clientId = summary.clientIds[0] as string;
    const funnelSql = db.prepare('SELECT stage, count(*) AS n FROM model WHERE client_id = ? GROUP BY stage ORDER BY stage');
    const graveyardSql = db.prepare(
      `SELECT id FROM model WHERE client_id = ? AND stage IN ('prototype', 'pilot') AND stage_since < ?
       ORDER BY stage_since, name COLLATE NOCASE`,
    );
    const productionSql = db.prepare(
      `WITH t AS (
         SELECT t.model_id, t.to_stage, t.on_date,
           LEAD(t.on_date) OVER (PARTITION BY t.model_id ORDER BY t.on_date, t.created_at, t.id) AS next_on
         FROM model_stage_transition t JOIN model m ON m.id = t.model_id WHERE m.client_id = ?)
       SELECT count(DISTINCT model_id) AS n FROM t
       WHERE to_stage = 'production' AND on_date <= ? AND (next_on IS NULL OR (next_on > ? AND next_on > on_date))`,
    );
    const yearAgo = addDays(today, -365);
    const graveyardBefore = addDays(today, -DEFAULT_GRAVEYARD_DAYS);
    const bareFacts = () => ({
      funnel: Object.fromEntries((funnelSql.all(clientId) as { stage: string; n: number }[]).map((r) => [r.stage, r.n])),
      graveyard: (graveyardSql.all(clientId, graveyardBefore) as { id: string }[]).map((r) => r.id),
      productionLast12Months: (productionSql.get(clientId, today, yearAgo) as { n: number }).n,
    });
    const keelFacts = (f: ClientPortfolio) => ({
      funnel: Object.fromEntries(
        Object.entries(f.funnel)
          .filter(([, n]) => n > 0)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
      graveyard: [...f.graveyard].sort((a, b) => a.stageSince.localeCompare(b.stageSince) || a.name.localeCompare(b.name)).map((m) => m.id),
      productionLast12Months: f.productionLast12Months,
    });
    const facts = await call<ClientPortfolio>('portfolio.client', { clientId });
    if (!isDeepStrictEqual(keelFacts(facts), bareFacts())) {
      throw new Error(
        `portfolio.client and the bare statements differ: ${JSON.stringify(keelFacts(facts))} vs ${JSON.stringify(bareFacts())}.`,
      );
    }
    const factsOf = (r: unknown) => {
      const f = r as ClientPortfolio | ReturnType<typeof bareFacts>;
      const models = Object.values(f.funnel).reduce((a, b) => a + b, 0);
      return `${models} models, ${f.graveyard.length} in the graveyard, ${f.productionLast12Months} in production in 12 months`;
    };
    const [factsContract, factsBare] = await compare<unknown>(
      [
        { name: 'client facts — contract (portfolio.client)', fn: () => call<ClientPortfolio>('portfolio.client', { clientId }) },
        { name: 'client facts — funnel, graveyard, production, hand-written SQL', fn: bareFacts },
      ],
      { ...runs, describe: factsOf },
    );
    if (!factsContract || !factsBare) throw new Error('compare() returned fewer stats than variants.');
    report.add(factsContract, factsBare);
    report.add(factsBare, 'self');

    // ---------------------------------------------------------- as of an instant, every model
    const at = '2024-03-15T12:00:00.000Z';
    const bareAsOf = db.prepare(
      `SELECT d.model_id AS modelId, v.label AS versionLabel FROM model m
       JOIN deployment d ON d.rowid = (
         SELECT x.rowid FROM deployment x JOIN environment env ON env.id = x.environment_id AND env.is_production = 1
         WHERE x.model_id = m.id AND x.alias = 'champion' AND x.from_at <= @at ORDER BY x.from_at DESC LIMIT 1)
       JOIN model_version v ON v.id = d.version_id
       WHERE d.to_at IS NULL OR d.to_at > @at ORDER BY d.model_id`,
    );
    const served = await call<ServedAt[]>('portfolio.asOf', { at });
    const servedPairs = served
      .filter((s) => s.versionLabel !== null)
      .map((s) => ({ modelId: s.modelId, versionLabel: s.versionLabel }))
      .sort((a, b) => a.modelId.localeCompare(b.modelId));
    if (!isDeepStrictEqual(servedPairs, bareAsOf.all({ at }))) throw new Error('portfolio.asOf and the bare statement differ.');
    const [asOfContract, asOfBare] = await compare<unknown>(
      [
        { name: `as of ${at.slice(0, 10)} — every model (portfolio.asOf)`, fn: () => call<ServedAt[]>('portfolio.asOf', { at }) },
        { name: 'as of — champion labels only, hand-written SQL', fn: () => bareAsOf.all({ at }) },
      ],
      {
        ...runs,
        describe: (r) => {
          const rows = r as { versionLabel: string | null }[];
          return `${rows.filter((x) => x.versionLabel !== null).length} serving of ${rows.length}`;
        },
      },
    );
    if (!asOfContract || !asOfBare) throw new Error('compare() returned fewer stats than variants.');
    report.add(asOfContract, asOfBare);
    report.add(asOfBare, 'self');

    // ---------------------------------------------------------- the model page
    const busiest = db
      .prepare('SELECT model_id AS id, count(*) AS n FROM deployment GROUP BY model_id ORDER BY n DESC, model_id LIMIT 1')
      .get() as { id: string; n: number };
    const modelPage = async () => {
      const [model, versions, deployments, asOfNow] = await Promise.all([
        call('models.get', { id: busiest.id }),
        call('versions.list', { modelId: busiest.id }),
        call<ListResult<unknown>>('deployments.list', { modelId: busiest.id }),
        call('portfolio.asOf', { at: now, modelId: busiest.id }),
      ]);
      return { model, versions, deployments, asOfNow };
    };
    const pageParts = (
      [
        ['models.get', { id: busiest.id }],
        ['versions.list', { modelId: busiest.id }],
        ['deployments.list', { modelId: busiest.id }],
        ['portfolio.asOf', { at: now, modelId: busiest.id }],
      ] as const
    ).map(([name, input]) => ({ name: `model page — ${name} alone`, fn: () => call(name, input) }));
    const [page, ...parts] = await compare<unknown>(
      [{ name: 'model page — models.get + versions.list + deployments.list + asOf', fn: modelPage }, ...pageParts],
      {
        ...runs,
        describe: (r) => {
          const value = r as { deployments?: ListResult<unknown> };
          return value.deployments ? `${value.deployments.rows.length} deployments, ${PORTFOLIO_SIZE.versionsPerModel} versions` : '';
        },
      },
    );
    if (!page) throw new Error('compare() returned fewer stats than variants.');
    report.add(page, null);
    for (const part of parts) report.add(part, null);

    const ratio = (a: { median: number }, b: { median: number }) => (a.median / b.median).toFixed(2);
    lines.push(
      `Portfolio    ${summary.models} models, ${summary.versions} versions, ${summary.approvals} approvals, ${summary.deployments} deployments, ` +
        `${summary.transitions} stage transitions, written in ${written.ms.toFixed(0)} ms`,
      `             aims: list ${ratio(listContract, listBare)}× the SQL (aim ≤ ${AIMS.listRatio}×), client facts ${ratio(factsContract, factsBare)}× ` +
        `(aim ≤ ${AIMS.funnelRatio}× for the funnel; Keel's also checks each high-risk champion's evidence), ` +
        `as-of every model ${asOfContract.median.toFixed(1)} ms (aim < ${AIMS.asOfMs} ms), model page ${page.median.toFixed(1)} ms (aim < ${AIMS.modelPageMs} ms)`,
    );
    if (toDay(facts.today) !== toDay(today)) throw new Error(`The backend's today is ${facts.today}, not ${today}.`);
  } finally {
    backend.close();
  }
  return lines;
}
