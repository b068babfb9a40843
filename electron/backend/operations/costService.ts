import { teamCostOf } from '@backend/billing/teamCost';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { csvRecords, type FileBytes } from '@backend/monitoring/readingFiles';
import { sha256Of } from '@backend/monitoring/readingImport';
import type { ParsedInputOf } from '@shared/contract';
import { monthEnd, monthStart } from '@shared/kernel/days';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import { formatMoney } from '@shared/kernel/money';
import type { ClientCost, CostImport, CostMonthRow, ModelCost, TagMappingView } from '@shared/operations/contract/costs';
import {
  type CostCategory,
  categoryOf,
  costColumns,
  costMonth,
  mappingKey,
  modelOfTags,
  monthOfUsage,
  nanoOf,
  nanoToMinor,
  PROVIDER_LABELS,
  type Provider,
  tagsOf,
} from '@shared/operations/rules/costs';
import { lastTwelveMonths } from './overviewService';
import { opsModelOrThrow } from './retrainingService';

const invalid = (message: string, path: string) => new DomainError('invalid_input', message, [{ path, message: 'see the message' }]);

function clientOrThrow(ctx: Context, clientId: string) {
  const client = ctx.repos.clients.get(clientId);
  if (!client) throw unknownReference('Client', clientId, 'clientId');
  return client;
}

type Model = { id: string; name: string };

/** Each model's months (given) with its cost by category, budget, predictions and the team's billed hours. */
function costRows(ctx: Context, models: readonly Model[], months: readonly string[]): Map<string, CostMonthRow[]> {
  const ids = models.map((m) => m.id);
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const lines = ctx.repos.operations.costLines(ids, first, last);
  const budgets = ctx.repos.operations.budgets(ids);
  const predictions = ctx.repos.operations.predictions(
    ids,
    Date.parse(`${first}-01T00:00:00Z`),
    Date.parse(`${monthStart(`${last}-01`, 1)}T00:00:00Z`),
  );
  const team = teamCostOf(ctx, ids, `${first}-01`, monthEnd(`${last}-01`));
  const byKey = new Map<string, Partial<Record<CostCategory, number>>>();
  for (const l of lines) {
    const key = `${l.modelId}|${l.month}`;
    const row = byKey.get(key) ?? {};
    row[l.category] = (row[l.category] ?? 0) + l.amountMinor;
    byKey.set(key, row);
  }
  const out = new Map<string, CostMonthRow[]>();
  for (const m of models) {
    out.set(
      m.id,
      months.map((month) => {
        const key = `${m.id}|${month}`;
        const byCategory = byKey.get(key) ?? {};
        const t = team.get(key) ?? { billedMinutes: 0, amountMinor: 0, unratedMinutes: 0 };
        const volume = predictions.get(key) ?? null;
        return {
          month,
          byCategory,
          predictions: volume,
          team: t,
          ...costMonth({ byCategory, budgetMinor: budgets.get(m.id) ?? null, predictions: volume, teamMinor: t.amountMinor }),
        };
      }),
    );
  }
  return out;
}

export function modelCost(ctx: Context, modelId: string): ModelCost {
  const model = opsModelOrThrow(ctx, modelId);
  const client = clientOrThrow(ctx, model.clientId);
  const months = lastTwelveMonths(ctx.today());
  const rows = costRows(ctx, [model], months).get(model.id) ?? [];
  return {
    modelId: model.id,
    modelName: model.name,
    clientId: client.id,
    currency: client.currency,
    budgetMinor: ctx.repos.operations.budgets([model.id]).get(model.id) ?? null,
    months: [...rows].reverse(),
  };
}

export function clientCost(ctx: Context, clientId: string, month: string): ClientCost {
  const client = clientOrThrow(ctx, clientId);
  const months = lastTwelveMonths(month > ctx.today().slice(0, 7) ? ctx.today() : `${month}-01`);
  const models = ctx.repos.operations.clientModels(clientId);
  const rows = costRows(ctx, models, months);
  const current = models.flatMap((m) => {
    const row = rows.get(m.id)?.find((r) => r.month === month);
    // A model with neither cost nor budget that month is left out.
    return row && (row.totalMinor > 0 || row.budgetMinor !== null || row.team.amountMinor > 0)
      ? [{ ...row, modelId: m.id, modelName: m.name }]
      : [];
  });
  return {
    clientId: client.id,
    clientName: client.name,
    currency: client.currency,
    month,
    models: current,
    trend: months.map((mo) => {
      let totalMinor = 0;
      let budgetMinor = 0;
      for (const list of rows.values()) {
        const r = list.find((x) => x.month === mo);
        totalMinor += r?.totalMinor ?? 0;
        budgetMinor += r?.budgetMinor ?? 0;
      }
      return { month: mo, totalMinor, budgetMinor };
    }),
    overBudget: current.filter((r) => r.over).length,
    imports: ctx.repos.operations.imports(clientId, 10),
  };
}

export function setCost(ctx: Context, input: ParsedInputOf<'costs.set'>): ModelCost {
  const model = opsModelOrThrow(ctx, input.modelId);
  if (input.month > ctx.today().slice(0, 7)) throw invalid('A cost cannot be recorded for a month that has not begun.', 'month');
  const client = clientOrThrow(ctx, model.clientId);
  ctx.write((audit, at) => {
    const before = ctx.repos.operations.typedCost(model.id, input.month, input.category);
    ctx.repos.operations.setTypedCost(model.id, input.month, input.category, input.amountMinor, at);
    audit({
      entity: 'cost_line',
      entityId: model.id,
      label: `${model.name}: ${input.category} cost of ${input.month}${input.amountMinor === null ? ' cleared' : ` ${formatMoney(input.amountMinor, client.currency)}`}`,
      action: before === null ? 'create' : input.amountMinor === null ? 'delete' : 'update',
      before: before === null ? null : { month: input.month, category: input.category, amountMinor: before },
      after: input.amountMinor === null ? null : { month: input.month, category: input.category, amountMinor: input.amountMinor },
    });
  });
  return modelCost(ctx, model.id);
}

export function setBudget(ctx: Context, input: ParsedInputOf<'costs.setBudget'>): ModelCost {
  const model = opsModelOrThrow(ctx, input.modelId);
  const client = clientOrThrow(ctx, model.clientId);
  ctx.write((audit, at) => {
    const before = ctx.repos.operations.budgets([model.id]).get(model.id) ?? null;
    ctx.repos.operations.setBudget(model.id, input.monthlyMinor, at);
    audit({
      entity: 'cost_budget',
      entityId: model.id,
      label: `${model.name}: monthly budget ${input.monthlyMinor === null ? 'removed' : formatMoney(input.monthlyMinor, client.currency)}`,
      action: before === null ? 'create' : input.monthlyMinor === null ? 'delete' : 'update',
      before: before === null ? null : { monthlyMinor: before },
      after: input.monthlyMinor === null ? null : { monthlyMinor: input.monthlyMinor },
    });
  });
  return modelCost(ctx, model.id);
}

export function mappingOf(ctx: Context, clientId: string): TagMappingView[] {
  clientOrThrow(ctx, clientId);
  return ctx.repos.operations.mapping(clientId);
}

export function saveMapping(ctx: Context, input: ParsedInputOf<'costs.saveMapping'>): TagMappingView[] {
  const client = clientOrThrow(ctx, input.clientId);
  const models = new Set(ctx.repos.operations.clientModels(client.id).map((m) => m.id));
  input.mappings.forEach((m, i) => {
    if (!models.has(m.modelId)) throw unknownReference(`Model of ${client.name}`, m.modelId, `mappings.${i}.modelId`);
  });
  ctx.write((audit, at) => {
    const before = ctx.repos.operations.mapping(client.id);
    ctx.repos.operations.replaceMapping(client.id, input.mappings, at);
    audit({
      entity: 'cost_mapping',
      entityId: client.id,
      label: `${client.name}: cost tags (${input.mappings.length})`,
      action: 'update',
      before,
      after: input.mappings,
    });
  });
  return ctx.repos.operations.mapping(client.id);
}

/** At most this many problems are spelled out; the count says how many more there were. */
const LISTED = 12;

/**
 * Reads a cost export a record at a time (a file on disk is never held whole) and keeps it all or nothing: every row
 * with a cost must carry tags the client's mapping names a model by, a month, a finite non-negative cost in the
 * client's currency. The rows are summed per model, month and category (exactly, in nano-units), then the provider's
 * lines of those months are replaced in one transaction with the import and its audit row.
 */
export async function importCostFile(
  ctx: Context,
  input: { clientId: string; provider: Provider; fileName: string; file: FileBytes },
): Promise<CostImport> {
  const client = clientOrThrow(ctx, input.clientId);
  const sha256 = await sha256Of(input.file);
  const mapping = new Map(ctx.repos.operations.mapping(client.id).map((m) => [mappingKey(m.tagKey, m.tagValue), m.modelId]));
  const problems: string[] = [];
  let moreProblems = 0;
  const problem = (text: string) => {
    if (problems.length < LISTED) problems.push(text);
    else moreProblems += 1;
  };
  const unmapped = new Map<string, { rows: number; nano: bigint }>();
  const sums = new Map<string, bigint>();
  const currencies = new Set<string>();
  let columns: ReturnType<typeof costColumns> | null = null;
  let lines = 0;
  let skipped = 0;
  for (const record of csvRecords(input.file)) {
    if (columns === null) {
      columns = costColumns(input.provider, record);
      if (typeof columns === 'string') throw invalid(columns, 'file');
      continue;
    }
    if (record.every((c) => c.trim() === '')) continue;
    lines += 1;
    const row = lines + 1;
    const nano = nanoOf(record[columns.cost] ?? '');
    if (typeof nano === 'string') {
      problem(`Row ${row} ${nano}.`);
      continue;
    }
    if (nano === 0n) {
      skipped += 1;
      continue;
    }
    const month = monthOfUsage(record[columns.date] ?? '');
    if (!month) {
      problem(`Row ${row} has no usage date Keel can read (“${record[columns.date] ?? ''}”).`);
      continue;
    }
    if (columns.currency !== null) {
      const currency = (record[columns.currency] ?? '').trim();
      if (currency !== '' && currency !== client.currency) currencies.add(currency);
    }
    const tags = tagsOf(record, columns);
    const model = modelOfTags(tags, mapping);
    if (model === null) {
      const key = tags.length === 0 ? '(no tags)' : tags.map(([k, v]) => `${k}=${v}`).join(', ');
      const seen = unmapped.get(key) ?? { rows: 0, nano: 0n };
      unmapped.set(key, { rows: seen.rows + 1, nano: seen.nano + nano });
      continue;
    }
    if (typeof model === 'object') {
      problem(`Row ${row} has tags that name two models; give each tag one model.`);
      continue;
    }
    const category = categoryOf(record[columns.service] ?? '', columns.usage === null ? '' : (record[columns.usage] ?? ''));
    const key = `${model}|${month}|${category}`;
    sums.set(key, (sums.get(key) ?? 0n) + nano);
  }
  if (columns === null) throw invalid('The file is empty: a cost export starts with its header row.', 'file');
  if (currencies.size > 0)
    problem(
      `The costs are in ${[...currencies].join(' and ')}; ${client.name} is billed in ${client.currency}. Export the costs in ${client.currency}.`,
    );
  if (unmapped.size > 0) {
    const listed = [...unmapped.entries()].sort((a, b) => (b[1].nano > a[1].nano ? 1 : b[1].nano < a[1].nano ? -1 : 0));
    const rows = listed.reduce((n, [, u]) => n + u.rows, 0);
    problem(
      `${rows.toLocaleString('en')} ${rows === 1 ? 'row has' : 'rows have'} tags that name no model of ${client.name}: ${listed
        .slice(0, 8)
        .map(
          ([tags, u]) =>
            `${tags} (${u.rows.toLocaleString('en')} ${u.rows === 1 ? 'row' : 'rows'}, ${formatMoney(nanoToMinor(u.nano, client.currency), client.currency)})`,
        )
        .join('; ')}${listed.length > 8 ? `; and ${listed.length - 8} more tag sets` : ''}. Map those tags to models, then import again.`,
    );
  }
  if (problems.length > 0) {
    const more = moreProblems > 0 ? ` And ${moreProblems.toLocaleString('en')} more problems.` : '';
    throw new DomainError('invalid_input', `Nothing was imported from ${input.fileName}. ${problems.join(' ')}${more}`, [
      { path: 'file', message: 'see the message' },
    ]);
  }
  if (sums.size === 0) throw invalid(`${input.fileName} holds no cost to import (every row is zero).`, 'file');
  const kept = [...sums.entries()].map(([key, nano]) => {
    const [modelId, month, category] = key.split('|') as [string, string, CostCategory];
    return { modelId, month, category, amountMinor: nanoToMinor(nano, client.currency) };
  });
  const months = [...new Set(kept.map((l) => l.month))].sort();
  return ctx.write((audit, at) => {
    const record: CostImport = {
      id: newId(),
      provider: input.provider,
      fileName: input.fileName,
      sha256,
      lines,
      skipped,
      months,
      totalMinor: kept.reduce((n, l) => n + l.amountMinor, 0),
      at,
      actor: ctx.actor,
    };
    ctx.repos.operations.saveImport({ ...record, clientId: client.id }, kept);
    audit({
      entity: 'cost_import',
      entityId: record.id,
      label: `${client.name}: ${PROVIDER_LABELS[input.provider]} ${input.fileName} (${months.join(', ')}; ${formatMoney(record.totalMinor, client.currency)})`,
      action: 'create',
      before: null,
      after: { ...record, models: new Set(kept.map((l) => l.modelId)).size, lines: kept.length },
    });
    return record;
  });
}
