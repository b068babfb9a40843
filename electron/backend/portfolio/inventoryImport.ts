import type { Context } from '@backend/core/context';
import { isWorkbook, readOptionalTable, readTable, type Table } from '@backend/core/readTable';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import type { InventoryImportResult } from '@shared/portfolio/contract/inventory';
import { type ModelDetail, modelFields } from '@shared/portfolio/contract/models';
import { versionFields } from '@shared/portfolio/contract/versions';
import {
  type InventoryProblem,
  MODEL_COLUMNS,
  MODELS_SHEET,
  mapColumns,
  type ParsedRow,
  parseEvaluations,
  parseRow,
  problemText,
  repeatedNames,
  VERSION_COLUMNS,
  VERSIONS_SHEET,
} from '@shared/portfolio/rules/inventory';
import type { PersonRef } from '@shared/portfolio/rules/policy';
import type { z } from 'zod';
import { createModel, type ModelValues, updateModel } from './modelService';
import { createVersion } from './versionService';

/**
 * Importing a client's existing model inventory. The whole file is checked
 * before anything is kept: each row is parsed (rules/inventory.ts), its names
 * resolved (engagement, business owner, builder), its fields validated by the
 * same schemas as a typed record, then every model and version is written
 * through the same services as a typed one, in one transaction — so every
 * rule and every audit row is theirs. Any problem anywhere rolls the whole
 * transaction back and lists every problem by row and column. Checking only
 * runs the same steps and rolls back on purpose.
 *
 * Re-import safe: a model is matched by name within the client — the same
 * values leave it unchanged, other values update its record (never its
 * stage); a version is matched by label within its model and left as it is.
 */

const MODEL_TABLE = { sheet: MODELS_SHEET, rows: 'models', file: 'inventory' };
const VERSION_TABLE = { sheet: VERSIONS_SHEET, rows: 'versions', file: 'inventory', only: true };

/** Thrown inside the transaction to roll a check back; never leaves this module. */
class CheckedOnly extends Error {}

const lower = (s: string) => s.trim().toLowerCase();

function fieldProblems(sheet: string, row: number, error: z.ZodError, headerOf: (field: string) => string): InventoryProblem[] {
  return error.issues.map((issue) => ({
    sheet,
    row,
    column: headerOf(String(issue.path[0] ?? '')),
    message: issue.message,
  }));
}

const headerOf = (columns: typeof MODEL_COLUMNS) => (field: string) =>
  columns.find((c) => c.field === field || `${c.field}Id` === field || (c.field === 'businessOwner' && field === 'businessOwnerId'))
    ?.header ?? field;

export async function importInventory(
  ctx: Context,
  input: { clientId: string; fileName: string; base64: string; checkOnly: boolean },
): Promise<InventoryImportResult> {
  const client = ctx.repos.clients.get(input.clientId);
  if (!client) throw unknownReference('Client', input.clientId, 'clientId');
  const bytes = Buffer.from(input.base64, 'base64');
  const models = await readTable(bytes, MODEL_TABLE);
  const versions = isWorkbook(bytes) ? await readOptionalTable(bytes, VERSION_TABLE) : null;
  const sheetOf = (t: Table, fallback: string) => (t.format === 'csv' ? '' : (/“(.+)”/.exec(t.where)?.[1] ?? fallback));
  const modelSheet = sheetOf(models, MODELS_SHEET);

  const problems: InventoryProblem[] = [];
  const modelMap = mapColumns(modelSheet, models.headerRow, models.header, MODEL_COLUMNS);
  problems.push(...modelMap.problems);
  const versionMap = versions ? mapColumns(VERSIONS_SHEET, versions.headerRow, versions.header, VERSION_COLUMNS) : null;
  if (versionMap) problems.push(...versionMap.problems);
  if (problems.length > 0) throw refusal(problems, input.fileName);

  // Names the rows use, resolved once.
  const engagements = new Map(
    ctx.repos.engagements.list({ clientId: client.id, archived: 'all', sort: 'name', direction: 'asc' }).map((e) => [lower(e.name), e.id]),
  );
  const contacts = new Map(ctx.repos.contacts.ofClient(client.id).map((c) => [lower(c.name), c.id]));
  const specialists = new Map(
    ctx.repos.specialists.list({ archived: 'all', sort: 'fullName', direction: 'asc' }).map((s) => [lower(s.fullName), s.id]),
  );

  // ------------------------------------------------------------ the models, checked row by row
  type ModelRow = { row: number; name: string; values: ModelValues; stage: 'idea' | 'prototype' | 'pilot' | 'production' | 'retired' };
  const modelRows: ModelRow[] = [];
  const parsedModels: ParsedRow[] = models.rows.map((r) => parseRow(modelSheet, r.row, r.cells, MODEL_COLUMNS, modelMap.columns));
  for (const r of parsedModels) {
    problems.push(...r.problems);
    const v = r.values;
    const at = (column: string, message: string) => problems.push({ sheet: modelSheet, row: r.row, column, message });
    let engagementId: string | null = null;
    if (typeof v.engagement === 'string') {
      engagementId = engagements.get(lower(v.engagement)) ?? null;
      if (!engagementId) at('Engagement', `${client.name} has no engagement named “${v.engagement}”`);
    }
    let businessOwnerId: string | null = null;
    if (typeof v.businessOwner === 'string') {
      businessOwnerId = contacts.get(lower(v.businessOwner)) ?? null;
      if (!businessOwnerId) at('Business owner', `${client.name} has no contact named “${v.businessOwner}”; add the contact first`);
    }
    const { engagement: _e, businessOwner: _o, stage, ...fields } = v;
    const parsed = modelFields.safeParse({
      ...fields,
      clientId: client.id,
      engagementId,
      businessOwnerId,
      stage: stage ?? 'idea',
    });
    if (!parsed.success) {
      // A cell already named as unreadable is not named again by the schema.
      const named = new Set(r.problems.map((p) => p.column));
      problems.push(...fieldProblems(modelSheet, r.row, parsed.error, headerOf(MODEL_COLUMNS)).filter((p) => !named.has(p.column)));
      continue;
    }
    const { stage: wanted, ...values } = parsed.data;
    modelRows.push({ row: r.row, name: values.name, values, stage: wanted });
  }
  // Every row with a name counts, even one refused for another reason.
  const named = parsedModels.flatMap((r) => (typeof r.values.name === 'string' ? [{ row: r.row, name: r.values.name }] : []));
  for (const repeat of repeatedNames(named)) {
    problems.push({
      sheet: modelSheet,
      row: repeat.row,
      column: 'Name',
      message: `“${repeat.name}” is already on row ${repeat.first}; a model's name is unique within the client`,
    });
  }

  // ------------------------------------------------------------ the versions, checked row by row
  type VersionRow = { row: number; model: string; values: Omit<z.output<typeof versionFields>, 'modelId'> };
  const versionRows: VersionRow[] = [];
  if (versions && versionMap) {
    for (const r of versions.rows.map((row) => parseRow(VERSIONS_SHEET, row.row, row.cells, VERSION_COLUMNS, versionMap.columns))) {
      problems.push(...r.problems);
      const v = r.values;
      const at = (column: string, message: string) => problems.push({ sheet: VERSIONS_SHEET, row: r.row, column, message });
      let builtBy: PersonRef | null = null;
      if (typeof v.builtBy === 'string') {
        const specialist = specialists.get(lower(v.builtBy));
        const contact = contacts.get(lower(v.builtBy));
        builtBy = specialist ? { kind: 'specialist', id: specialist } : contact ? { kind: 'contact', id: contact } : null;
        if (!builtBy) at('Built by', `“${v.builtBy}” is neither a specialist nor a contact of ${client.name}`);
      }
      let evaluations: unknown[] = [];
      if (typeof v.evaluations === 'string') {
        const read = parseEvaluations(v.evaluations);
        if (read.problem) at('Evaluations', read.problem);
        evaluations = read.evaluations;
      }
      if (!builtBy || typeof v.model !== 'string') continue;
      // The model is resolved when writing (it may be a row of this file); a placeholder id passes the schema.
      const parsed = versionFields.safeParse({
        modelId: client.id,
        label: v.label,
        builtBy,
        registeredOn: v.registeredOn,
        trainingData: v.trainingData ?? '',
        evaluations,
        notes: v.notes ?? '',
      });
      if (!parsed.success) {
        const named = new Set(r.problems.map((p) => p.column));
        problems.push(...fieldProblems(VERSIONS_SHEET, r.row, parsed.error, headerOf(VERSION_COLUMNS)).filter((p) => !named.has(p.column)));
        continue;
      }
      const { modelId: _placeholder, ...values } = parsed.data;
      versionRows.push({ row: r.row, model: v.model, values });
    }
  }

  // ------------------------------------------------------------ written through the services, all or nothing
  const result: InventoryImportResult = {
    clientId: client.id,
    fileName: input.fileName,
    checkedOnly: input.checkOnly,
    modelsCreated: 0,
    modelsUpdated: 0,
    modelsUnchanged: 0,
    versionsCreated: 0,
    versionsUnchanged: 0,
  };
  const attempt = <T>(sheet: string, row: number, step: () => T): T | null => {
    try {
      // A savepoint of its own: a refused row leaves nothing behind while the others are still checked.
      return ctx.db.transaction(step)();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The service's sentence names the problem; its first field says which column.
      const path = error.issues?.[0]?.path ?? '';
      const column = path ? headerOf(sheet === VERSIONS_SHEET ? VERSION_COLUMNS : MODEL_COLUMNS)(path) : null;
      problems.push({ sheet, row, column, message: error.message });
      return null;
    }
  };
  try {
    ctx.write(() => {
      const byName = new Map<string, string>();
      for (const m of modelRows) {
        if (problems.some((p) => p.sheet === modelSheet && p.row === m.row)) continue;
        const existing = ctx.repos.models.findByName(client.id, m.name);
        if (!existing) {
          const created = attempt(modelSheet, m.row, () => createModel(ctx, { ...m.values, stage: m.stage }));
          if (created) {
            byName.set(lower(m.name), created.id);
            result.modelsCreated++;
          }
          continue;
        }
        byName.set(lower(m.name), existing.id);
        const values = { ...m.values, inServiceSince: m.values.inServiceSince ?? existing.inServiceSince };
        if (sameRecord(existing, values)) {
          result.modelsUnchanged++;
          continue;
        }
        const updated: ModelDetail | null = attempt(modelSheet, m.row, () =>
          updateModel(ctx, { ...values, id: existing.id, expectedUpdatedAt: existing.updatedAt }),
        );
        if (updated) result.modelsUpdated++;
      }
      for (const v of versionRows) {
        const modelId = byName.get(lower(v.model)) ?? ctx.repos.models.findByName(client.id, v.model)?.id;
        if (!modelId) {
          problems.push({
            sheet: VERSIONS_SHEET,
            row: v.row,
            column: 'Model',
            message: `no model named “${v.model}” in the file or in ${client.name}’s portfolio`,
          });
          continue;
        }
        if (ctx.repos.versions.findByLabel(modelId, v.values.label)) {
          result.versionsUnchanged++;
          continue;
        }
        if (attempt(VERSIONS_SHEET, v.row, () => createVersion(ctx, { ...v.values, modelId }))) result.versionsCreated++;
      }
      if (problems.length > 0) throw refusal(problems, input.fileName);
      if (input.checkOnly) throw new CheckedOnly();
    });
  } catch (error) {
    if (error instanceof CheckedOnly) return result;
    throw error;
  }
  return result;
}

/** Whether a stored model already holds exactly the values of a row (then an import leaves it alone). */
function sameRecord(existing: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).every(([key, value]) => JSON.stringify(existing[key] ?? null) === JSON.stringify(value ?? null));
}

const MAX_LISTED = 200;

function refusal(problems: readonly InventoryProblem[], fileName: string): DomainError {
  const sorted = [...problems].sort(
    (a, b) => (a.sheet === b.sheet ? 0 : a.sheet === VERSIONS_SHEET ? 1 : -1) || (a.row ?? 0) - (b.row ?? 0),
  );
  const count = sorted.length === 1 ? 'one problem' : `${sorted.length} problems`;
  return new DomainError(
    'invalid_input',
    `The file “${fileName}” has ${count}; nothing was imported. Fix ${sorted.length === 1 ? 'it' : 'them'} and import the file again.` +
      (sorted.length > MAX_LISTED ? ` The first ${MAX_LISTED} are listed.` : ''),
    sorted
      .slice(0, MAX_LISTED)
      .map((p) => ({ path: problemText({ ...p, column: null, message: '' }).slice(0, -2), message: problemText(p) })),
  );
}
