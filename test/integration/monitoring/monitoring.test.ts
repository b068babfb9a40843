import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excel } from '@backend/core/excel';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../../support/backend';

/** Sunday 6 December 2026, 10:00 UTC; the clock moves a second per call. */
const START = Date.UTC(2026, 11, 6, 10, 0, 0);
let now = START;
const clock = () => {
  now += 1000;
  return new Date(now);
};

let b: TestBackend;
const ids = new Map<string, string>();
const modelId = (name: string) => {
  const id = ids.get(name);
  if (!id) throw new Error(`no model ${name}`);
  return id;
};
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/monitoring', name));
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

beforeEach(async () => {
  now = START;
  b = openTestBackend({ clock });
  await b.ok('sample.load');
  const models = await b.ok('models.list', {});
  ids.clear();
  for (const m of models.rows) ids.set(m.name, m.id);
});
afterEach(() => b.dispose());

describe('the sample and the board', () => {
  it('shows the drifting recommender in breach with its playbook and the holder of its duty', async () => {
    const board = await b.ok('monitoring.board', {});
    const rec = board.models.find((m) => m.modelName === 'Homepage product recommender');
    expect(rec?.health).toBe('breach');
    expect(rec?.drift).toBe('drifting');
    expect(rec?.worst?.metric).toBe('ks.embeddings');
    expect(rec?.worst?.status).toBe('breach');
    expect(rec?.worst?.deciding.length).toBeGreaterThan(0);
    expect(rec?.worst?.playbook.length).toBeGreaterThan(0);
    expect(rec?.responder?.dutyKey).toBe('monitoring');
    expect(rec?.responder?.reason).toMatch(/\S/);
    expect(board.models[0]?.health).toBe('breach');
    const sku = board.models.find((m) => m.modelName === 'Weekly SKU demand forecast');
    expect(sku?.health).toBe('warning');
    const pd = board.models.find((m) => m.modelName === 'Retail credit PD scorecard');
    expect(pd?.health).toBe('ok');
    const triage = board.models.find((m) => m.modelName === 'Claims triage classifier');
    expect(triage?.health).toBe('no_data');
    expect(board.counts.breach).toBe(1);
  });

  it('turns a production model unmonitored when its readings stop for more than the allowed days', async () => {
    now = START + 4 * 86_400_000;
    const board = await b.ok('monitoring.board', {});
    expect(board.models.find((m) => m.modelName === 'Homepage product recommender')?.health).toBe('unmonitored');
    // A pilot is never "unmonitored": only production models fail silently in front of users.
    expect(board.models.find((m) => m.modelName === 'Retail credit PD scorecard')?.health).toBe('no_data');
    await b.ok('monitoring.updateSettings', { unmonitoredDays: 7 });
    const later = await b.ok('monitoring.board', {});
    expect(later.models.find((m) => m.modelName === 'Homepage product recommender')?.health).not.toBe('unmonitored');
  });

  it('gives a model page its SLOs, their 30-day course and the newest readings', async () => {
    const m = await b.ok('monitoring.model', { modelId: modelId('Homepage product recommender') });
    expect(m.slos).toHaveLength(4);
    for (const s of m.slos) expect(s.trend).toHaveLength(31);
    expect(m.readings.length).toBe(200);
    expect(m.totalReadings).toBeGreaterThan(1000);
    const mobile = m.slos.find((s) => s.segment === 'mobile');
    expect(mobile?.aggregation).toBe('p95');
    expect(mobile?.status).toBe('ok');
  });
});

describe('imports', () => {
  it('imports a long CSV once: the same file again adds nothing', async () => {
    const pd = modelId('Retail credit PD scorecard');
    const csv = [
      'timestamp,model,metric,value',
      '2026-12-06T08:30:00Z,Retail credit PD scorecard,availability,99.95',
      `2026-12-06T07:30:00+01:00,${pd},availability,99.5`,
    ].join('\n');
    const first = await b.ok('readings.import', { fileName: 'a.csv', base64: base64(csv) });
    expect(first).toMatchObject({ source: 'csv', readings: 2, added: 2, changed: 0, unchanged: 0, status: 'imported' });
    const again = await b.ok('readings.import', { fileName: 'a.csv', base64: base64(csv) });
    expect(again).toMatchObject({ readings: 2, added: 0, changed: 0, unchanged: 2 });
  });

  it('reads the committed sample files of every shape', async () => {
    await b.ok('monitoring.saveMapping', {
      clientId: (await b.ok('clients.list', {})).rows.find((c) => c.name === 'Thameside Retail plc')?.id ?? '',
      modelLabel: 'model',
      metricLabel: '__name__',
      segmentLabel: 'segment',
      versionLabel: '',
    });
    const csv = await b.ok('readings.import', { fileName: 'readings.csv', base64: fixture('readings.csv').toString('base64') });
    expect(csv.source).toBe('csv');
    const prom = await b.ok('readings.import', {
      fileName: 'prometheus.json',
      base64: fixture('prometheus-query-range.json').toString('base64'),
    });
    expect(prom.source).toBe('prometheus');
    expect(prom.readings).toBeGreaterThan(0);
    const xlsx = await b.ok('readings.import', { fileName: 'readings.xlsx', base64: fixture('readings.xlsx').toString('base64') });
    expect(xlsx.source).toBe('xlsx');
  });

  it('exports a model’s readings as Keel’s CSV, which imports back unchanged', async () => {
    const file = await b.ok('readings.export', { modelId: modelId('Homepage product recommender'), month: '2026-12' });
    const back = await b.ok('readings.import', { fileName: file.fileName, base64: file.base64 });
    expect(back.source).toBe('keel');
    expect(back.added).toBe(0);
    expect(back.changed).toBe(0);
    expect(back.unchanged).toBe(back.readings);
    expect(back.readings).toBeGreaterThan(100);
  });

  it('neutralises a segment a spreadsheet would run as a formula in the CSV, and reads it back as it was', async () => {
    const pd = modelId('Retail credit PD scorecard');
    await b.ok('readings.record', { modelId: pd, metric: 'availability', segment: '=eu-west', at: '2026-12-06T08:15:00Z', value: 99.7 });
    const file = await b.ok('readings.export', { modelId: pd, month: '2026-12' });
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain(",'=eu-west,");
    const back = await b.ok('readings.import', { fileName: file.fileName, base64: file.base64 });
    expect(back.added).toBe(0);
    expect(back.unchanged).toBe(back.readings);
  });

  it('refuses a whole file with every problem listed, writing nothing', async () => {
    const audit = b.auditCount();
    const csv = [
      'timestamp,model,metric,value',
      '2026-12-06T08:00:00Z,Nobody’s model,availability,99',
      '2026-12-06T08:00:00Z,Retail credit PD scorecard,throughput,3',
      '2026-12-06T08:00:00Z,Retail credit PD scorecard,availability,abc',
      '2026-12-06T08:00:00Z,Retail credit PD scorecard,availability,Infinity',
      '2027-03-01T08:00:00Z,Retail credit PD scorecard,availability,99',
      '2026-12-06T08:00:00,Retail credit PD scorecard,availability,99',
      '2026-12-06T07:00:00Z,Retail credit PD scorecard,availability,99',
    ].join('\n');
    const result = await b.call('readings.import', { fileName: 'bad.csv', base64: base64(csv) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = (result.error.issues ?? []).map((i) => i.message);
    expect(messages).toHaveLength(6);
    expect(messages[0]).toMatch(/Row 2 names a model Keel does not have/);
    expect(messages[1]).toMatch(/has no SLO on the metric “throughput”/);
    expect(messages[2]).toMatch(/not a number/);
    expect(messages[3]).toMatch(/not finite/);
    expect(messages[4]).toMatch(/in the future/);
    expect(messages[5]).toMatch(/without a time zone/);
    expect(b.auditCount()).toBe(audit);
  });

  it('refuses a file that states the same reading twice, keeping none of it', async () => {
    const csv = [
      'timestamp,model,metric,value',
      '2026-12-06T05:00:00Z,Retail credit PD scorecard,availability,99.1',
      '2026-12-06T05:00:00Z,Retail credit PD scorecard,availability,99.2',
    ].join('\n');
    const before = (b.db.prepare('SELECT count(*) AS n FROM reading').get() as { n: number }).n;
    const result = await b.call('readings.import', { fileName: 'twice.csv', base64: base64(csv) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Reading 2 of the file repeats an earlier one/);
    expect((b.db.prepare('SELECT count(*) AS n FROM reading').get() as { n: number }).n).toBe(before);
  });

  it('lists the Prometheus series whose labels map to no model', async () => {
    const answer = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: { __name__: 'latency_p95', model: 'Homepage product recommender' }, values: [[1796540400, '210']] },
          { metric: { __name__: 'latency_p95', model: 'legacy-ranker' }, values: [[1796540400, '210']] },
        ],
      },
    };
    const result = await b.call('readings.import', { fileName: 'p.json', base64: base64(JSON.stringify(answer)) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/map to no model of Thameside Retail plc.*model="legacy-ranker"/);
  });
});

describe('attainment and the export', () => {
  it('evaluates each SLO at the end of every ended day and writes the month as a workbook', async () => {
    const thameside = (await b.ok('clients.list', {})).rows.find((c) => c.name === 'Thameside Retail plc')?.id ?? '';
    const month = await b.ok('monitoring.attainment', { clientId: thameside, month: '2026-12' });
    expect(month.days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
    const ks = month.slos.find((s) => s.metric === 'ks.embeddings');
    expect(ks?.breaches).toBeGreaterThan(0);
    expect(ks?.breachDays[0]?.window.to).toBe('2026-12-06T00:00:00.000Z');
    const file = await b.ok('monitoring.export', { clientId: thameside, month: '2026-12' });
    const book = new (excel().Workbook)();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Attainment', 'Breaches', 'Unmonitored days', 'Models']);
    expect(book.getWorksheet('Attainment')?.rowCount).toBe(month.slos.length + 1);
    expect(book.getWorksheet('Breaches')?.rowCount).toBe(month.slos.reduce((n, s) => n + s.breachDays.length, 0) + 1);
  });
});
