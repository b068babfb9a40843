import { join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { createBackend } from '@backend/index';
import { productionFacts } from '@backend/maturity/crossCheckService';
import { newestOf } from '@backend/maturity/frameworks';
import { checkAll } from '@backend/ownership/matrixService';
import type { ClientMaturity } from '@shared/maturity/contract/overview';
import { measure as measureFacts } from '@shared/maturity/rules/crossCheck';
import { assessmentLevels } from '@shared/maturity/rules/levels';
import type { Answer } from '@shared/maturity/rules/vocabulary';
import { compare, type MeasureOptions, once, type Report, resultValue, type Stats } from './harness';
import { insertMaturityData, MATURITY_SIZE } from './maturityDataset';

/**
 * Maturity assessments (issue's bench), in a database of their own (maturityDataset.ts):
 *
 * - levels and trends for all: `maturity.clients` over 200 clients × 12 assessments × every criterion
 *   answered (aim < 30 ms). Final assessments keep their levels (they never change), so the view reads those
 *   and computes only the open drafts'. Beside it, recomputing every assessment's levels from its answers
 *   (every answer read, the gating rule run 2,400 times) shows what keeping them saves.
 * - the cross-check of one client over a 2,000-model production portfolio (aim < 20 ms): the portfolio facts
 *   (one statement), the ownership matrix's checks of the client's engagements, and the measurement rule.
 *
 * Figures and ratios only.
 */
type Runs = Pick<MeasureOptions<undefined, unknown>, 'runs' | 'warmup'>;

const AIMS = { allMs: 30, crossCheckMs: 20 };

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const p50p95 = (s: Stats) => `p50 ${ms(s.median)} ms, p95 ${ms(s.p95 ?? s.max)} ms`;

export async function maturityBench(report: Report, dir: string, runs: Runs): Promise<string[]> {
  const file = join(dir, 'maturity.db');
  const opened = openDatabase(file);
  let written: Awaited<ReturnType<typeof once<ReturnType<typeof insertMaturityData>>>>;
  try {
    written = await once(() => insertMaturityData(opened.db));
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.pragma('optimize');
  } finally {
    opened.db.close();
  }
  const summary = written.result;
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser', clock: () => new Date(MATURITY_SIZE.now) });
  const lines: string[] = [];
  try {
    const { db, ctx } = backend;
    const call = async <T>(name: Parameters<typeof backend.dispatch>[0], input: unknown) =>
      resultValue<T>(name, await backend.dispatch(name, input as never));
    const { set } = newestOf();

    // ---------------------------------------------------------- levels and trends for all clients
    const answersSql = db.prepare('SELECT assessment_id, criterion_id, answer FROM maturity_answer');
    const headsSql = db.prepare('SELECT id, frameworks, overall_rule FROM maturity_assessment');
    const recomputeAll = () => {
      const byAssessment = new Map<string, Map<string, Answer>>();
      for (const r of answersSql.all() as { assessment_id: string; criterion_id: string; answer: Answer }[]) {
        let m = byAssessment.get(r.assessment_id);
        if (!m) {
          m = new Map();
          byAssessment.set(r.assessment_id, m);
        }
        m.set(r.criterion_id, r.answer);
      }
      return (headsSql.all() as { id: string; frameworks: string; overall_rule: 'lowest' | 'median' }[]).map((h) =>
        assessmentLevels(set, JSON.parse(h.frameworks), byAssessment.get(h.id) ?? new Map(), h.overall_rule),
      );
    };
    const clients = await call<ClientMaturity[]>('maturity.clients', {});
    const withFinals = clients.filter((c) => c.current !== null).length;
    // The kept levels and the recomputed ones must agree before anything is timed.
    const again = recomputeAll();
    const recomputed = new Map((headsSql.all() as { id: string }[]).map((h, i) => [h.id, again[i]]));
    for (const c of clients) {
      const keptOverall = c.current?.levels.map((l) => l.overall);
      const fresh = c.current ? recomputed.get(c.current.assessmentId)?.map((l) => l.overall) : undefined;
      if (JSON.stringify(keptOverall) !== JSON.stringify(fresh)) {
        throw new Error(
          `${c.clientName}: the kept levels ${keptOverall} and the recomputed ${fresh} differ; the comparison would be meaningless.`,
        );
      }
    }

    report.section(
      `Maturity: ${MATURITY_SIZE.clients} clients × ${MATURITY_SIZE.assessments} assessments × ${set.criteria.length} criteria ` +
        `(${summary.answers.toLocaleString('en')} answers), and one client with ${MATURITY_SIZE.portfolioModels.toLocaleString('en')} production models (database of its own)`,
    );
    const [allContract, allRecomputed] = await compare<unknown>(
      [
        { name: 'levels and trends for all clients — contract (maturity.clients)', fn: () => call('maturity.clients', {}) },
        { name: 'every assessment’s levels recomputed from its answers (SQL + rules)', fn: recomputeAll },
      ],
      {
        ...runs,
        describe: (r) =>
          Array.isArray(r) && r.length > 0 && 'clientId' in (r[0] as object)
            ? `${r.length} clients, ${withFinals} with a final assessment`
            : `${(r as unknown[]).length.toLocaleString('en')} assessments`,
      },
    );
    if (!allContract || !allRecomputed) throw new Error('compare() returned fewer stats than variants.');
    report.add(allContract, allRecomputed);
    report.add(allRecomputed, 'self');

    // ---------------------------------------------------------- the cross-check over 2,000 production models
    const clientId = summary.portfolioClientId;
    const engagements = ctx.repos.maturityFacts.productionEngagements(clientId);
    const measured = measureFacts(productionFacts(ctx, clientId));
    const [crossAll, factsSql, ownershipChecks] = await compare<unknown>(
      [
        {
          name: 'cross-check of one client, 2,000 production models (facts + matrix checks + rule)',
          fn: () => measureFacts(productionFacts(ctx, clientId)),
        },
        {
          name: '  portfolio facts alone — one statement',
          fn: () => ctx.repos.maturityFacts.productionModels(clientId, MATURITY_SIZE.now, MATURITY_SIZE.today),
        },
        { name: '  the ownership checks of its engagements alone', fn: () => checkAll(ctx, engagements, MATURITY_SIZE.today) },
      ],
      {
        ...runs,
        describe: (r) =>
          Array.isArray(r) && r.length > 0 && 'measure' in (r[0] as object)
            ? (r as typeof measured).map((m) => `${m.measure} ${m.met}/${m.of}`).join(', ')
            : Array.isArray(r)
              ? `${r.length} models`
              : `${(r as { checked: unknown[] }).checked.length} engagements`,
      },
    );
    if (!crossAll || !factsSql || !ownershipChecks) throw new Error('compare() returned fewer stats than variants.');
    report.add(crossAll, factsSql);
    report.add(ownershipChecks, factsSql);
    report.add(factsSql, 'self');

    lines.push(
      `Maturity     ${MATURITY_SIZE.clients} clients, ${(MATURITY_SIZE.clients * MATURITY_SIZE.assessments).toLocaleString('en')} assessments, ` +
        `${summary.answers.toLocaleString('en')} answers, ${MATURITY_SIZE.portfolioModels} production models of one client; written in ${written.ms.toFixed(0)} ms`,
      `             aims: levels and trends for all ${p50p95(allContract)} (aim < ${AIMS.allMs} ms; recomputing every level from the answers ${p50p95(allRecomputed)}); ` +
        `cross-check of one client over ${MATURITY_SIZE.portfolioModels} models ${p50p95(crossAll)} (aim < ${AIMS.crossCheckMs} ms; ` +
        `of which portfolio facts ${ms(factsSql.median)} ms, ownership checks ${ms(ownershipChecks.median)} ms)`,
      `             measured: ${measured.map((m) => `${m.measure} ${m.met}/${m.of}`).join(', ')}`,
    );
  } finally {
    backend.close();
  }
  return lines;
}
