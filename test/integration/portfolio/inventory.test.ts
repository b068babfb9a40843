import { excel } from '@backend/core/excel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

/** Now is Tuesday 24 November 2026, 09:00 UTC. */
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));

let b: TestBackend;
let clientId: string;

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`).toString('base64');

const MODELS_CSV = [
  'Name,Engagement,Use case,Business owner,Risk tier,EU AI Act category,Regulated domain,Kind,Serving,Stage,In service since,Tags,Repository',
  'Claims triage,Claims model operations,Route claims to the right desk,Lukas Brunner,High,Limited risk,Insurance,Deep learning,Online,Pilot,2024-03-01,claims; triage,https://git.example.com/claims',
  'Churn scorer,,Who leaves next quarter,,low,minimal,,classical_ml,batch,prototype,2023-09-15,,',
  'Support assistant,Claims model operations,Answers agents’ questions,,Medium,Limited risk,None,LLM / generative application,Online,Idea,,llm,',
];

async function workbook(models: (string | number | Date | null)[][], versions?: (string | number | Date | null)[][]): Promise<string> {
  const book = new (excel().Workbook)();
  const sheet = book.addWorksheet('Models');
  for (const row of models) sheet.addRow(row);
  if (versions) {
    const v = book.addWorksheet('Versions');
    for (const row of versions) v.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

beforeEach(async () => {
  b = openTestBackend({ clock });
  clientId = (await b.ok('clients.create', validClient)).id;
  await b.ok('engagements.create', validEngagement(clientId));
  await b.ok('contacts.create', { clientId, name: 'Lukas Brunner' });
  await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] });
});
afterEach(() => b.dispose());

const models = () => b.db.prepare('SELECT name, stage, in_service_since, risk_tier, kind, tags FROM model ORDER BY name').all();

describe('importing an inventory', () => {
  it('registers every model of a CSV file through the same rules as a typed one, audited; the same file again changes nothing', async () => {
    const checked = await b.ok('models.importInventory', { clientId, fileName: 'inventory.csv', base64: csv(MODELS_CSV), checkOnly: true });
    expect(checked).toMatchObject({ checkedOnly: true, modelsCreated: 3, modelsUpdated: 0, modelsUnchanged: 0 });
    expect(models()).toEqual([]);

    const audits = b.auditCount();
    const imported = await b.ok('models.importInventory', { clientId, fileName: 'inventory.csv', base64: csv(MODELS_CSV) });
    expect(imported).toMatchObject({ checkedOnly: false, modelsCreated: 3, modelsUpdated: 0, modelsUnchanged: 0 });
    expect(models()).toEqual([
      { name: 'Churn scorer', stage: 'prototype', in_service_since: '2023-09-15', risk_tier: 'low', kind: 'classical_ml', tags: '[]' },
      {
        name: 'Claims triage',
        stage: 'pilot',
        in_service_since: '2024-03-01',
        risk_tier: 'high',
        kind: 'deep_learning',
        tags: '["claims","triage"]',
      },
      // No in-service date: the day it is registered.
      { name: 'Support assistant', stage: 'idea', in_service_since: '2026-11-24', risk_tier: 'medium', kind: 'llm', tags: '["llm"]' },
    ]);
    expect(b.auditCount()).toBe(audits + 3);
    const triage = (await b.ok('models.list', { search: 'triage' })).rows[0];
    const detail = await b.ok('models.get', { id: triage?.id ?? '' });
    expect(detail).toMatchObject({
      businessOwnerName: 'Lukas Brunner',
      engagementName: 'Claims model operations',
      regulatedDomain: 'insurance',
    });

    // Again: nothing changes, nothing is audited.
    const again = await b.ok('models.importInventory', { clientId, fileName: 'inventory.csv', base64: csv(MODELS_CSV) });
    expect(again).toMatchObject({ modelsCreated: 0, modelsUpdated: 0, modelsUnchanged: 3 });
    expect(b.auditCount()).toBe(audits + 3);

    // A changed row updates that model's record (never its stage).
    const changed = MODELS_CSV.map((l) =>
      l.replace('Who leaves next quarter', 'Who leaves in the next two quarters').replace(',prototype,', ',pilot,'),
    );
    const updated = await b.ok('models.importInventory', { clientId, fileName: 'inventory.csv', base64: csv(changed) });
    expect(updated).toMatchObject({ modelsCreated: 0, modelsUpdated: 1, modelsUnchanged: 2 });
    expect(b.db.prepare("SELECT use_case, stage FROM model WHERE name = 'Churn scorer'").get()).toEqual({
      use_case: 'Who leaves in the next two quarters',
      stage: 'prototype',
    });
  });

  it('reads a workbook’s Models and Versions sheets: real date cells, evaluations, builders by name; versions once', async () => {
    const base64 = await workbook(
      [
        ['Model', 'Risk', 'EU AI Act', 'Kind', 'Serving', 'In service since'],
        ['Fraud detector', 'Critical', 'High risk', 'Classical ML', 'Streaming', new Date(Date.UTC(2022, 0, 10))],
      ],
      [
        ['Model', 'Version', 'Built by', 'Registered on', 'Training data', 'Evaluations'],
        [
          'Fraud detector',
          'v1',
          'Ana Ionescu',
          new Date(Date.UTC(2022, 1, 1)),
          'transactions 2021',
          'AUC = 0.91 on holdout; Recall=0.7 on holdout',
        ],
        ['Fraud detector', 'v2', 'Lukas Brunner', '2023-05-02', '', ''],
      ],
    );
    const first = await b.ok('models.importInventory', { clientId, fileName: 'inventory.xlsx', base64 });
    expect(first).toMatchObject({ modelsCreated: 1, versionsCreated: 2, versionsUnchanged: 0 });
    const model = (await b.ok('models.list', {})).rows[0];
    const view = await b.ok('versions.list', { modelId: model?.id ?? '' });
    expect(view.versions.map((v) => [v.label, v.registeredOn, v.builtByName, v.evaluations.length])).toEqual([
      ['v2', '2023-05-02', 'Lukas Brunner', 0],
      ['v1', '2022-02-01', 'Ana Ionescu', 2],
    ]);
    const again = await b.ok('models.importInventory', { clientId, fileName: 'inventory.xlsx', base64 });
    expect(again).toMatchObject({ modelsCreated: 0, modelsUnchanged: 1, versionsCreated: 0, versionsUnchanged: 2 });
  });

  it('checks the whole file first and lists every problem by row and column; nothing is written', async () => {
    const base64 = await workbook(
      [
        [
          'Name',
          'Engagement',
          'Business owner',
          'Risk tier',
          'EU AI Act category',
          'Kind',
          'Serving',
          'Stage',
          'In service since',
          'Runbook',
        ],
        ['Good model', '', '', 'Low', 'Minimal risk', 'Classical ML', 'Batch', 'Idea', '2024-01-01', ''],
        ['Bad tier', '', '', 'Severe', 'Minimal risk', 'Classical ML', 'Batch', 'Idea', '', ''],
        ['Good model', '', '', 'Low', 'Minimal risk', 'Classical ML', 'Batch', 'Idea', '', ''],
        ['Ghost engagement', 'Nowhere', 'Nobody', 'Low', 'Minimal risk', 'Classical ML', 'Batch', 'Idea', '', 'http://wiki.example.com'],
        ['Banned pilot', '', '', 'High', 'Prohibited', 'LLM', 'Online', 'Pilot', '', ''],
        ['Future', '', '', 'Low', 'Minimal risk', 'Classical ML', 'Batch', 'Idea', '2027-03-01', ''],
      ],
      [
        ['Model', 'Version', 'Built by', 'Registered on'],
        ['Good model', 'v1', 'Someone Else', '2024-02-01'],
        ['Unknown model', 'v1', 'Ana Ionescu', '2024-02-01'],
        ['Good model', 'v0', 'Ana Ionescu', '2023-12-01'],
      ],
    );
    const audits = b.auditCount();
    const refused = await b.call('models.importInventory', { clientId, fileName: 'inventory.xlsx', base64 });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toMatch(
      /^The file “inventory\.xlsx” has \d+ problems; nothing was imported\. Fix them and import the file again\.$/,
    );
    const listed = (refused.error.issues ?? []).map((i) => i.message);
    expect(listed).toEqual(
      expect.arrayContaining([
        'Models row 3, Risk tier: “Severe” is not one of: Low, Medium, High, Critical',
        "Models row 4, Name: “Good model” is already on row 2; a model's name is unique within the client",
        expect.stringMatching(/^Models row 5, Engagement: .* has no engagement named “Nowhere”$/),
        expect.stringMatching(/^Models row 5, Business owner: .* has no contact named “Nobody”; add the contact first$/),
        'Models row 5, Runbook: must be an https:// link',
        expect.stringMatching(/^Models row 6: Banned pilot is a prohibited system under the EU AI Act and can never reach Pilot\./),
        'Models row 7, In service since: In service since cannot be after today (24 Nov 2026).',
        expect.stringMatching(/^Versions row 2, Built by: “Someone Else” is neither a specialist nor a contact of /),
        expect.stringMatching(/^Versions row 3, Model: no model named “Unknown model”/),
        expect.stringMatching(/^Versions row 4, Registered on: .*before/),
      ]),
    );
    expect(models()).toEqual([]);
    expect(b.db.prepare('SELECT count(*) AS n FROM model_version').get()).toEqual({ n: 0 });
    expect(b.auditCount()).toBe(audits);
  });

  it('refuses a file that is not a table, or a header without the columns a model needs', async () => {
    const pdf = await b.call('models.importInventory', {
      clientId,
      fileName: 'x.pdf',
      base64: Buffer.from('%PDF-1.7\u0000\u0001').toString('base64'),
    });
    expect(pdf).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^This file is not an Excel workbook or CSV file Keel can read\./) },
    });
    const header = await b.call('models.importInventory', { clientId, fileName: 'models.csv', base64: csv(['Name,Kind', 'A,LLM']) });
    expect(header).toMatchObject({
      ok: false,
      error: {
        issues: [
          {
            message: 'Row 1: The header row lacks the columns “Risk tier”, “EU AI Act category”, “Serving”.',
          },
        ],
      },
    });
    const empty = await b.call('models.importInventory', { clientId, fileName: 'models.csv', base64: csv(MODELS_CSV.slice(0, 1)) });
    expect(empty).toMatchObject({ ok: false, error: { message: 'The file has a header row (row 1) but no rows of models.' } });
  });
});
