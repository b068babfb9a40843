import { join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { createBackend } from '@backend/index';
import type { Result } from '@shared/contract';
import { measure, megabytes, peakRssBytes, type Report } from './harness';
import { insertPortfolioData, PORTFOLIO_SIZE } from './portfolioDataset';

/**
 * The portfolio's workbooks on the portfolio bench's large dataset
 * (portfolioDataset.ts: 2,000 models of 20 clients × 20 versions with five
 * years of deployments), in a database of its own: `portfolio.export` for
 * every model and for one client, and `models.exportAuditPack` for the model
 * with the most deployments, through dispatch as the UI calls them. Figures only.
 */

function value<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Times the portfolio's workbooks on the large portfolio; returns lines for the summary. */
export async function portfolioExportBench(report: Report, dir: string, runs: { runs: number; warmup: number }): Promise<string[]> {
  const file = join(dir, 'portfolio-export.db');
  const opened = openDatabase(file);
  let summary: ReturnType<typeof insertPortfolioData>;
  try {
    summary = insertPortfolioData(opened.db);
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    opened.db.close();
  }
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser', clock: () => new Date(PORTFOLIO_SIZE.now) });
  try {
    const busiest = backend.db
      .prepare('SELECT model_id AS id FROM deployment GROUP BY model_id ORDER BY count(*) DESC, model_id LIMIT 1')
      .get() as { id: string };
    const call = async (name: 'portfolio.export' | 'models.exportAuditPack', input: object) =>
      value<{ bytes: number }>(await backend.dispatch(name, input), name);
    const describe = (file: { bytes: number }) => megabytes(file.bytes);
    report.section(
      `Portfolio workbooks — ${summary.models.toLocaleString('en')} models, ${summary.versions.toLocaleString('en')} versions, ${summary.deployments.toLocaleString('en')} deployments over five years`,
    );
    report.add(await measure('portfolio.export, every model', () => call('portfolio.export', {}), { ...runs, describe }));
    report.add(
      await measure('portfolio.export, one client', () => call('portfolio.export', { clientId: summary.clientIds[0] }), {
        ...runs,
        describe,
      }),
    );
    report.add(
      await measure('models.exportAuditPack, the busiest model', () => call('models.exportAuditPack', { id: busiest.id }), {
        ...runs,
        describe,
      }),
    );
    return [`Portfolio workbooks: peak RSS ${megabytes(peakRssBytes())} so far`];
  } finally {
    backend.close();
  }
}
