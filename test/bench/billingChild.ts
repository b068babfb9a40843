import { fork } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { writeFinanceWorkbook } from '@backend/billing/financeWorkbook';
import { excel } from '@backend/core/excel';
import { createBackend } from '@backend/index';
import { firstDayOf, lastDayOf } from '@shared/billing/rules/months';
import { bareWorkbooks } from './billingExportBare';

/**
 * Exports measured in a fresh process: the first export after start (exceljs
 * not yet loaded) and the long detail exports, whose peak memory must not
 * mix with anything else. The benchmark forks its own bundle
 * (out/main/bench.js) with CHILD_FLAG and a task; the child opens the
 * database the way Keel does at start, runs the one export, and sends back
 * the figures. Its peak RSS is the kernel's (process.resourceUsage().maxRSS),
 * which counts every byte the process ever held, sampled or not.
 */

export const CHILD_FLAG = '--bench-child';

export type ChildTask =
  | { kind: 'month'; database: string; out: string; month: string; writer: 'keel' | 'bare'; loadExcelFirst: boolean }
  | { kind: 'detail'; database: string; out: string; from: string; to: string; writer: DetailWriter };

/** Keel's writer, or the bare one handing the event loop back as Keel does or waiting for the zip stream to drain. */
export type DetailWriter = 'keel' | 'bare' | 'bare-drain';

export type ChildResult = {
  /** The export, from the call to the file closed; includes loading exceljs unless it was loaded first. */
  ms: number;
  /** Loading exceljs alone, when the task loads it before the export. */
  loadExcelMs: number | null;
  detailRows: number;
  bytes: number;
  /** RSS just before the export and the process's peak RSS, in bytes. */
  rssBefore: number;
  maxRss: number;
  /** Peaks of the JS heap and of Buffers (exceljs's XML and zip chunks), sampled every 20 ms while the event loop turns. */
  peakHeapUsed: number;
  peakArrayBuffers: number;
};

/** The task this process was started for, or null in the benchmark's own process. */
export function childTask(argv: readonly string[]): ChildTask | null {
  const at = argv.indexOf(CHILD_FLAG);
  return at === -1 ? null : (JSON.parse(argv[at + 1] ?? 'null') as ChildTask);
}

/** Resolves once the file stream has closed (the workbook is on disk). */
function fileStream(path: string): { stream: Writable; closed: Promise<void> } {
  const stream = createWriteStream(path);
  const closed = new Promise<void>((resolve, reject) => {
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  return { stream, closed };
}

/** Runs in the forked process: one export, figures sent to the parent. */
export async function runChildTask(task: ChildTask): Promise<void> {
  const backend = createBackend({ databasePath: task.database, actor: 'bench', mode: 'browser' });
  try {
    let loadExcelMs: number | null = null;
    if (task.kind === 'month' && task.loadExcelFirst) {
      const start = performance.now();
      excel();
      loadExcelMs = performance.now() - start;
    }
    const { stream, closed } = fileStream(task.out);
    const rssBefore = process.memoryUsage.rss();
    const peaks = { heapUsed: 0, arrayBuffers: 0 };
    const sample = () => {
      const m = process.memoryUsage();
      peaks.heapUsed = Math.max(peaks.heapUsed, m.heapUsed);
      peaks.arrayBuffers = Math.max(peaks.arrayBuffers, m.arrayBuffers);
    };
    const sampler = setInterval(sample, 20);
    const start = performance.now();
    let detailRows: number;
    if (task.writer === 'keel') {
      const input =
        task.kind === 'month' ? { kind: 'month' as const, month: task.month } : { kind: 'detail' as const, from: task.from, to: task.to };
      detailRows = (await writeFinanceWorkbook(backend.ctx, input, stream)).detailRows;
    } else {
      const bare = bareWorkbooks(backend.db);
      detailRows = (
        task.kind === 'month'
          ? await bare.month(task.month, firstDayOf(task.month), lastDayOf(task.month), stream)
          : await bare.detail(task.from, task.to, stream, task.writer === 'bare-drain' ? 'drain' : 'immediate')
      ).detailRows;
    }
    await closed;
    const ms = performance.now() - start;
    clearInterval(sampler);
    sample();
    const result: ChildResult = {
      ms,
      loadExcelMs,
      detailRows,
      bytes: statSync(task.out).size,
      rssBefore,
      maxRss: process.resourceUsage().maxRSS * 1024,
      peakHeapUsed: peaks.heapUsed,
      peakArrayBuffers: peaks.arrayBuffers,
    };
    process.send?.(result);
  } finally {
    backend.close();
  }
}

/** Forks this benchmark's bundle for one task and waits for its figures. */
export function runInChild(task: ChildTask): Promise<ChildResult> {
  const script = process.argv[1];
  if (!script) throw new Error('Cannot tell which script to fork.');
  return new Promise((resolve, reject) => {
    const child = fork(script, [CHILD_FLAG, JSON.stringify(task)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    let result: ChildResult | null = null;
    child.on('message', (message) => {
      result = message as ChildResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`The benchmark child (${task.kind}, ${task.writer}) ended with ${signal ?? `code ${code}`} and no result.`));
    });
  });
}
