import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, otherClient, type TestBackend, validClient, validEngagement } from '../../support/backend';

/** Today is Tuesday 24 November 2026. */
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));

let b: TestBackend;
let clientId: string;
let engagementId: string;
let ownerId: string;

const modelFields = () => ({
  ...({
    clientId,
    engagementId,
    name: 'Claims triage classifier',
    useCase: 'Route first notices of loss.',
    businessOwnerId: ownerId,
    outcomeMetric: 'Days to first contact',
    outcomeUnit: 'days',
    outcomeBaseline: 4.2,
    outcomeTarget: 1.5,
    riskTier: 'high',
    aiActCategory: 'limited',
    regulatedDomain: 'insurance',
    kind: 'deep_learning',
    serving: 'online',
    dataSources: ['FNOL forms', ' fnol forms ', 'Policy admin'],
    repositoryLink: 'https://git.example.com/claims',
    tags: ['NLP'],
    inServiceSince: '2026-01-05',
    stage: 'idea',
  } as const),
  dataSources: ['FNOL forms', ' fnol forms ', 'Policy admin'],
  tags: ['NLP'],
});

beforeEach(async () => {
  b = openTestBackend({ clock });
  clientId = (await b.ok('clients.create', validClient)).id;
  engagementId = (await b.ok('engagements.create', validEngagement(clientId))).id;
  ownerId = (await b.ok('contacts.create', { clientId, name: 'Maria Alvarez', title: 'Director of Claims', email: 'maria@example.com' }))
    .id;
});
afterEach(() => b.dispose());

function rows(table: string): number {
  return (b.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('client contacts', () => {
  it('are listed under their client, audited under it, and unique by name there', async () => {
    const audits = b.auditCount();
    await b.ok('contacts.create', { clientId, name: 'Tom Reilly', phone: '+1 206 555 0190' });
    expect((await b.ok('contacts.list', { clientId })).rows.map((c) => c.name)).toEqual(['Maria Alvarez', 'Tom Reilly']);
    expect(b.auditCount()).toBe(audits + 1);
    const row = b.db
      .prepare("SELECT entity, entity_id, label FROM audit_log WHERE entity = 'client_contact' ORDER BY id DESC LIMIT 1")
      .get();
    expect(row).toEqual({ entity: 'client_contact', entity_id: clientId, label: 'Tom Reilly (Helvetic Insurance AG)' });

    const duplicate = await b.call('contacts.create', { clientId, name: 'maria alvarez' });
    expect(duplicate).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Helvetic Insurance AG already has a contact named “Maria Alvarez”.',
        issues: [{ path: 'name' }],
      },
    });
    expect(b.auditCount()).toBe(audits + 1);
    // Another client may have a Maria Alvarez of its own.
    const other = (await b.ok('clients.create', otherClient)).id;
    await b.ok('contacts.create', { clientId: other, name: 'Maria Alvarez' });
  });

  it('are changed with the version last seen', async () => {
    const [maria] = (await b.ok('contacts.list', { clientId })).rows;
    if (!maria) throw new Error('no contact');
    const changed = await b.ok('contacts.update', {
      id: maria.id,
      name: 'Maria Alvarez',
      title: 'VP Claims',
      expectedUpdatedAt: maria.updatedAt,
    });
    expect(changed.title).toBe('VP Claims');
    const stale = await b.call('contacts.update', { id: maria.id, name: 'Maria A.', expectedUpdatedAt: '2026-01-01T00:00:00.000Z' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('models', () => {
  it('are registered with their first stage on their in-service date, tags tidied, and audited', async () => {
    const audits = b.auditCount();
    const model = await b.ok('models.create', modelFields());
    expect(model).toMatchObject({
      name: 'Claims triage classifier',
      clientName: 'Helvetic Insurance AG',
      engagementName: 'Claims model operations',
      businessOwnerName: 'Maria Alvarez',
      stage: 'idea',
      stageSince: '2026-01-05',
      inServiceSince: '2026-01-05',
      dataSources: ['FNOL forms', 'Policy admin'],
      daysInStage: 323,
    });
    expect(model.transitions).toMatchObject([{ fromStage: null, toStage: 'idea', on: '2026-01-05', actor: 'tester' }]);
    expect(model.daysPerStage).toEqual({ idea: 323, prototype: 0, pilot: 0, production: 0, retired: 0 });
    expect(b.auditCount()).toBe(audits + 1);
    // Without an in-service date, the model's history starts today.
    const today = await b.ok('models.create', { ...modelFields(), name: 'Second model', inServiceSince: null });
    expect(today.inServiceSince).toBe('2026-11-24');
  });

  it('refuse a duplicate name in the client, a foreign engagement or owner, a link that is not https, and write nothing', async () => {
    await b.ok('models.create', modelFields());
    const before = [rows('model'), rows('model_stage_transition'), b.auditCount()];
    expect(await b.call('models.create', { ...modelFields(), name: 'CLAIMS triage classifier' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Helvetic Insurance AG already has a model named “Claims triage classifier”.' },
    });
    const other = (await b.ok('clients.create', otherClient)).id;
    const foreignOwner = (await b.ok('contacts.create', { clientId: other, name: 'Jana Vogt' })).id;
    const afterSetUp = [rows('model'), rows('model_stage_transition'), b.auditCount()];
    expect(await b.call('models.create', { ...modelFields(), name: 'Other', businessOwnerId: foreignOwner })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Jana Vogt is not a contact at Helvetic Insurance AG; the business owner is one of the client’s own people.',
        issues: [{ path: 'businessOwnerId' }],
      },
    });
    expect(await b.call('models.create', { ...modelFields(), clientId: other, name: 'Other', businessOwnerId: null })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Engagement Claims model operations belongs to Helvetic Insurance AG, not to Nordhafen Logistik GmbH.',
      },
    });
    expect(
      await b.call('models.create', { ...modelFields(), name: 'Other', runbookLink: 'http://wiki.example.com/runbook' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Runbook link must be an https:// link.', issues: [{ path: 'runbookLink' }] },
    });
    expect(await b.call('models.create', { ...modelFields(), name: 'Other', inServiceSince: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'In service since cannot be after today (24 Nov 2026).' },
    });
    expect([rows('model'), rows('model_stage_transition'), b.auditCount()]).toEqual(afterSetUp);
    expect(afterSetUp[0]).toBe(before[0]);
  });

  it('move through their stages one at a time, back with a reason, into retirement with a reason', async () => {
    const model = await b.ok('models.create', modelFields());
    const skip = await b.call('models.moveStage', { id: model.id, to: 'pilot', on: '2026-03-02' });
    expect(skip).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Claims triage classifier moves forward one stage at a time: from Idea the next stage is Prototype.',
      },
    });
    const prototype = await b.ok('models.moveStage', { id: model.id, to: 'prototype', on: '2026-03-02' });
    const pilot = await b.ok('models.moveStage', { id: model.id, to: 'pilot', on: '2026-06-01', expectedUpdatedAt: prototype.updatedAt });
    expect(pilot.daysPerStage).toEqual({ idea: 56, prototype: 91, pilot: 176, production: 0, retired: 0 });
    const audits = b.auditCount();
    expect(await b.call('models.moveStage', { id: model.id, to: 'prototype', on: '2026-09-01' })).toMatchObject({
      ok: false,
      error: { message: 'Moving Claims triage classifier back from Pilot to Prototype needs a reason.' },
    });
    expect(await b.call('models.moveStage', { id: model.id, to: 'production', on: '2026-09-01' })).toMatchObject({
      ok: false,
      error: {
        message:
          'Claims triage classifier cannot enter Production: it needs an approved version deployed as champion to the production environment.',
      },
    });
    expect(await b.call('models.moveStage', { id: model.id, to: 'retired', on: '2026-09-01' })).toMatchObject({
      ok: false,
      error: { message: 'Retiring Claims triage classifier needs a reason.' },
    });
    expect(await b.call('models.moveStage', { id: model.id, to: 'prototype', on: '2026-05-01', reason: 'Drift' })).toMatchObject({
      ok: false,
      error: { message: 'Claims triage classifier entered Pilot on 1 Jun 2026; the next stage change cannot be dated before it.' },
    });
    expect(await b.call('models.moveStage', { id: model.id, to: 'prototype', on: '2026-11-25', reason: 'Drift' })).toMatchObject({
      ok: false,
      error: { message: 'A stage change cannot be dated after today (24 Nov 2026).' },
    });
    expect(b.auditCount()).toBe(audits);
    const back = await b.ok('models.moveStage', { id: model.id, to: 'prototype', on: '2026-09-01', reason: 'Uplift below target' });
    expect(back.transitions.map((t) => [t.fromStage, t.toStage, t.reason])).toEqual([
      [null, 'idea', ''],
      ['idea', 'prototype', ''],
      ['prototype', 'pilot', ''],
      ['pilot', 'prototype', 'Uplift below target'],
    ]);
    const retired = await b.ok('models.moveStage', {
      id: model.id,
      to: 'retired',
      on: '2026-11-24',
      reason: 'Replaced by the vendor model',
    });
    expect(retired).toMatchObject({ stage: 'retired', stageSince: '2026-11-24', daysInStage: 0 });
    const entry = b.db.prepare("SELECT label, action FROM audit_log WHERE entity = 'model_stage' ORDER BY id DESC LIMIT 1").get();
    expect(entry).toEqual({ label: 'Claims triage classifier: Prototype → Retired', action: 'update' });
  });

  it('never lets a prohibited system reach pilot, nor become prohibited while in pilot', async () => {
    const banned = await b.ok('models.create', {
      ...modelFields(),
      name: 'Emotion monitor',
      aiActCategory: 'prohibited',
      stage: 'prototype',
    });
    expect(await b.call('models.moveStage', { id: banned.id, to: 'pilot', on: '2026-11-02' })).toMatchObject({
      ok: false,
      error: { message: 'Emotion monitor is a prohibited system under the EU AI Act and can never reach Pilot.' },
    });
    expect(
      await b.call('models.create', { ...modelFields(), name: 'Banned pilot', aiActCategory: 'prohibited', stage: 'pilot' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Banned pilot is a prohibited system under the EU AI Act and can never reach Pilot.' },
    });
    const pilot = await b.ok('models.create', { ...modelFields(), stage: 'pilot' });
    const {
      transitions,
      daysInStage,
      daysPerStage,
      clientName,
      engagementName,
      businessOwnerName,
      stage,
      stageSince,
      createdAt,
      updatedAt,
      id,
      ...fields
    } = pilot;
    const audits = b.auditCount();
    expect(await b.call('models.update', { ...fields, id, aiActCategory: 'prohibited' })).toMatchObject({
      ok: false,
      error: {
        message: 'Claims triage classifier is in Pilot, where a prohibited system can never be; move it back or retire it first.',
        issues: [{ path: 'aiActCategory' }],
      },
    });
    expect(await b.call('models.update', { ...fields, id, inServiceSince: '2026-02-01' })).toMatchObject({
      ok: false,
      error: { message: 'Claims triage classifier’s history starts on 5 Jan 2026; In service since cannot be later than that.' },
    });
    expect(b.auditCount()).toBe(audits);
    const renamed = await b.ok('models.update', { ...fields, id, name: 'Claims router', expectedUpdatedAt: updatedAt });
    expect(renamed.name).toBe('Claims router');
  });

  it('list with filters and search; the client facts count the funnel, the graveyard and production', async () => {
    await b.ok('models.create', { ...modelFields(), name: 'Old prototype', stage: 'prototype', inServiceSince: '2026-03-02' });
    await b.ok('models.create', { ...modelFields(), name: 'Fresh pilot', stage: 'pilot', inServiceSince: '2026-11-02', tags: ['fraud'] });
    await b.ok('models.create', { ...modelFields(), name: 'An idea', riskTier: 'low', inServiceSince: '2026-11-20' });
    const list = await b.ok('models.list', { sort: 'daysInStage', direction: 'desc' });
    expect(list.rows.map((r) => [r.name, r.daysInStage])).toEqual([
      ['Old prototype', 267],
      ['Fresh pilot', 22],
      ['An idea', 4],
    ]);
    expect((await b.ok('models.list', { search: 'fraud' })).rows.map((r) => r.name)).toEqual(['Fresh pilot']);
    expect((await b.ok('models.list', { riskTier: 'low' })).rows.map((r) => r.name)).toEqual(['An idea']);
    expect((await b.ok('models.list', { stage: 'pilot', clientId })).rows.map((r) => r.name)).toEqual(['Fresh pilot']);

    const facts = await b.ok('portfolio.client', { clientId });
    expect(facts).toMatchObject({
      graveyardDays: 90,
      funnel: { idea: 1, prototype: 1, pilot: 1, production: 0, retired: 0 },
      graveyardOldestDays: 267,
      productionLast12Months: 0,
    });
    expect(facts.graveyard.map((m) => m.name)).toEqual(['Old prototype']);
    await b.ok('portfolio.updateSettings', { graveyardDays: 14 });
    const tighter = await b.ok('portfolio.client', { clientId });
    expect(tighter.graveyard.map((m) => m.name)).toEqual(['Old prototype', 'Fresh pilot']);
    const summaries = await b.ok('app.summaries', {});
    expect(summaries.find((s) => s.area === 'portfolio')?.items).toMatchObject([
      { label: 'models in the prototype graveyard', count: 2, tone: 'attention', words: '2 models in the prototype graveyard' },
    ]);
  });
});
