import { type Column, DATE_FORMAT, DATE_TIME_FORMAT, streamedWorkbook, streamTable } from '@backend/core/excel';
import { daysSince } from '@shared/portfolio/rules/lifecycle';
import type { EvidenceKind } from '@shared/portfolio/rules/policy';
import {
  AI_ACT_CATEGORY_LABELS,
  MODEL_KIND_LABELS,
  REGULATED_DOMAIN_LABELS,
  RISK_TIER_LABELS,
  SERVING_MODE_LABELS,
  STAGE_LABELS,
} from '@shared/portfolio/rules/vocabulary';
import type { ExportApproval, ExportDeployment, ExportModel, ExportTransition, ExportVersion } from './exportRepository';
import {
  APPROVAL_COLUMNS,
  approvalRows,
  DEPLOYMENT_COLUMNS,
  date,
  dateTime,
  deploymentRows,
  groupBy,
  layoutOf,
  modelLinks,
  type Owner,
  rollbackFill,
  TRANSITION_COLUMNS,
  text,
  transitionRows,
  VERSION_COLUMNS,
  versionRows,
} from './portfolioSheets';

/**
 * The portfolio workbook: Models, Versions, Approvals, Deployments, Stage
 * history and About. Every sheet's row 1 is its header (bold, frozen,
 * filtered), so the sheets sort, filter and load into Power Query as they are;
 * rows follow the portfolio list's order. docs/portfolio-workbooks.md
 * describes the layout.
 */
export const PORTFOLIO_LAYOUT = 1;

export type PortfolioWorkbookData = {
  generatedAt: string;
  today: string;
  /** What the list was filtered by, in words ("Client: Helvetic"), empty for the whole portfolio. */
  scope: string[];
  models: ExportModel[];
  versions: ExportVersion[];
  approvals: ExportApproval[];
  deployments: ExportDeployment[];
  transitions: ExportTransition[];
  /** The deployment serving as champion in production now, per model. */
  champions: ReadonlyMap<string, ExportDeployment>;
  /** What the client's promotion policy still asks of a version before it may serve production. */
  missing(version: ExportVersion): EvidenceKind[];
};

export const MODEL_COLUMNS: Column[] = [
  { header: 'Client', key: 'client', width: 16 },
  { header: 'Model', key: 'model', width: 22 },
  { header: 'Engagement', key: 'engagement', width: 18 },
  { header: 'Stage', key: 'stage', width: 11 },
  { header: 'Stage since', key: 'stageSince', width: 12, numFmt: DATE_FORMAT },
  { header: 'Days in stage', key: 'daysInStage', width: 13 },
  { header: 'In service since', key: 'inServiceSince', width: 15, numFmt: DATE_FORMAT },
  { header: 'Risk tier', key: 'riskTier', width: 10 },
  { header: 'EU AI Act category', key: 'aiActCategory', width: 18 },
  { header: 'Regulated domain', key: 'regulatedDomain', width: 16 },
  { header: 'Kind', key: 'kind', width: 14 },
  { header: 'Serving', key: 'serving', width: 10 },
  { header: 'Champion in production', key: 'champion', width: 22 },
  { header: 'Champion since (UTC)', key: 'championSince', width: 20, numFmt: DATE_TIME_FORMAT },
  { header: 'Versions', key: 'versions', width: 9 },
  { header: 'Use case', key: 'useCase', width: 30 },
  { header: 'Business owner', key: 'businessOwner', width: 18 },
  { header: 'Outcome metric', key: 'outcomeMetric', width: 18 },
  { header: 'Outcome unit', key: 'outcomeUnit', width: 12 },
  { header: 'Baseline', key: 'outcomeBaseline', width: 10 },
  { header: 'Target', key: 'outcomeTarget', width: 10 },
  { header: 'Data sources', key: 'dataSources', width: 20 },
  { header: 'Tags', key: 'tags', width: 20 },
  { header: 'Repository', key: 'repository', width: 24 },
  { header: 'Registry', key: 'registry', width: 24 },
  { header: 'Dashboard', key: 'dashboard', width: 24 },
  { header: 'Runbook', key: 'runbook', width: 24 },
  { header: 'Notes', key: 'notes', width: 30 },
  { header: 'Registered in Keel (UTC)', key: 'createdAt', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Last changed (UTC)', key: 'updatedAt', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Model id', key: 'id', width: 38 },
];

/** The model's fields as the Models sheet (and the audit pack's Model sheet) write them. */
export function modelRow(m: ExportModel, data: { today: string; champion: ExportDeployment | undefined; versions: number }) {
  const links = Object.fromEntries(modelLinks(m).map(([label, link]) => [label.toLowerCase(), text(link)]));
  return {
    client: m.clientName,
    model: m.name,
    engagement: text(m.engagementName),
    stage: STAGE_LABELS[m.stage],
    stageSince: date(m.stageSince),
    daysInStage: daysSince(m.stageSince, data.today),
    inServiceSince: date(m.inServiceSince),
    riskTier: RISK_TIER_LABELS[m.riskTier],
    aiActCategory: AI_ACT_CATEGORY_LABELS[m.aiActCategory],
    regulatedDomain: REGULATED_DOMAIN_LABELS[m.regulatedDomain],
    kind: MODEL_KIND_LABELS[m.kind],
    serving: SERVING_MODE_LABELS[m.serving],
    champion: data.champion ? `${data.champion.versionLabel} in ${data.champion.environmentName}` : null,
    championSince: dateTime(data.champion?.from ?? null),
    versions: data.versions,
    useCase: text(m.useCase),
    businessOwner: text(m.businessOwnerName),
    outcomeMetric: text(m.outcomeMetric),
    outcomeUnit: text(m.outcomeUnit),
    outcomeBaseline: m.outcomeBaseline,
    outcomeTarget: m.outcomeTarget,
    dataSources: text(m.dataSources.join(', ')),
    tags: text(m.tags.join(', ')),
    ...links,
    notes: text(m.notes),
    createdAt: dateTime(m.createdAt),
    updatedAt: dateTime(m.updatedAt),
    id: m.id,
  };
}

/**
 * Writes the portfolio workbook as an .xlsx with the streaming writer: a
 * whole portfolio (2,000 models with years of history) is over a hundred
 * thousand rows. Each sheet's rows are made just before it is written.
 */
export async function portfolioWorkbook(data: PortfolioWorkbookData): Promise<Buffer> {
  // Rows follow the list: the models' order, then each model's own order (oldest first).
  const order = new Map(data.models.map((m, i) => [m.id, i]));
  const inListOrder = <T extends { modelId: string }>(rows: readonly T[]) =>
    [...rows].sort((a, b) => (order.get(a.modelId) ?? 0) - (order.get(b.modelId) ?? 0));
  const owners = new Map<string, Owner>(data.models.map((m) => [m.id, { client: m.clientName, model: m.name }]));
  const versions = inListOrder(data.versions);
  const approvals = inListOrder(data.approvals);
  const deployments = inListOrder(data.deployments);
  const transitions = inListOrder(data.transitions);
  const versionCount = groupBy(data.versions, (v) => v.modelId);
  const headerFooter = { oddHeader: `&LModel portfolio&Ras of ${data.today}`, oddFooter: '&L&A&RPage &P of &N' };

  const table = async (
    book: Parameters<Parameters<typeof streamedWorkbook>[1]>[0],
    name: string,
    columns: Column[],
    rows: Record<string, unknown>[],
    rollbacks = false,
  ) => {
    const layout = layoutOf(columns, rows, true);
    await streamTable(book, name, layout.columns, rows, {
      frozenColumns: layout.frozenColumns,
      pageSetup: layout.pageSetup,
      headerFooter,
      ...(rollbacks ? { fillOf: rollbackFill, boldOnFill: ['rollback'] } : {}),
    });
  };

  return streamedWorkbook(
    {
      title: 'Model portfolio',
      subject: `Model portfolio as of ${data.today}`,
      keywords: `keel-portfolio layout-${PORTFOLIO_LAYOUT}`,
      created: new Date(data.generatedAt),
    },
    async (book) => {
      const modelRows = data.models.map((m) =>
        modelRow(m, { today: data.today, champion: data.champions.get(m.id), versions: versionCount.get(m.id)?.length ?? 0 }),
      );
      await table(book, 'Models', MODEL_COLUMNS.slice(2), modelRows);
      await table(book, 'Versions', VERSION_COLUMNS, versionRows(versions, approvals, data.missing, owners));
      await table(book, 'Approvals', APPROVAL_COLUMNS, approvalRows(approvals, versions, owners));
      await table(book, 'Deployments', DEPLOYMENT_COLUMNS, deploymentRows(deployments, owners), true);
      await table(book, 'Stage history', TRANSITION_COLUMNS, transitionRows(transitions, owners));
      const about = aboutRows(data, modelRows.length, versions.length, approvals.length, deployments.length, transitions.length);
      await streamTable(book, 'About', ABOUT_COLUMNS, about, {
        formatOf: (row, key) =>
          key === 'value' && row.value instanceof Date ? (row.field === 'As of' ? DATE_FORMAT : DATE_TIME_FORMAT) : undefined,
      });
    },
  );
}

const ABOUT_COLUMNS: Column[] = [
  { header: 'About this workbook', key: 'field', width: 24 },
  { header: 'Value', key: 'value', width: 90 },
];

function aboutRows(data: PortfolioWorkbookData, ...counts: number[]): Record<string, unknown>[] {
  const [models, versions, approvals, deployments, transitions] = counts;
  const facts: [string, string | number | Date | null][] = [
    ['Workbook', 'Model portfolio'],
    ['Models', data.scope.length === 0 ? 'Every model of every client' : data.scope.join('; ')],
    ['As of', date(data.today)],
    ['Generated at (UTC)', new Date(data.generatedAt)],
    ['Models (rows)', models ?? 0],
    ['Versions (rows)', versions ?? 0],
    ['Approvals (rows)', approvals ?? 0],
    ['Deployments (rows)', deployments ?? 0],
    ['Stage changes (rows)', transitions ?? 0],
    ['Times', 'Instants (from, to, recorded at) are UTC; days are calendar dates.'],
    ['Champion in production', 'The version serving as champion in a production environment when the workbook was written.'],
    ['Layout version', PORTFOLIO_LAYOUT],
  ];
  return facts.map(([field, value]) => ({ field, value }));
}
