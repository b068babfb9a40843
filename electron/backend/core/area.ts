import type { BackupFacts, BackupFile, RestoreResult } from '@shared/kernel/backups';
import type { ProcedureDef } from '@shared/kernel/define';
import type { AreaSummary } from '@shared/kernel/summary';
import type { z } from 'zod';
import type { Context, RepositoryFactory } from './context';
import type { AreaHooks } from './hooks';
import type { SampleStep } from './sample';

/** The handlers of a set of procedures: each receives the validated input and returns the declared result. */
export type HandlersOf<P extends Record<string, ProcedureDef>> = {
  [N in keyof P]: (input: z.output<P[N]['input']>) => NonNullable<P[N]['__output']> | Promise<NonNullable<P[N]['__output']>>;
};

/**
 * Renders a self-contained HTML page to PDF: Electron's printToPDF in the desktop shell, playwright-core
 * with Chromium in tests; browser mode has none (the browser prints the page itself).
 */
export type RenderPdf = (html: string) => Promise<Uint8Array>;

/** What the process hosting the backend provides (desktop shell or browser mode). */
export type HostServices = {
  /** The PDF renderer the host was started with, or null (browser mode). */
  renderPdf: RenderPdf | null;
  /** The data folder the backend owns (the database, backups, the monitoring inbox). */
  dataDir: string;
  appInfo(): { version: string; schemaVersion: number; databasePath: string; actor: string; mode: 'desktop' | 'browser' };
  backup(path: string | undefined): Promise<{ path: string; bytes: number }>;
  backups(): BackupFile[];
  inspectBackup(name: string): BackupFacts;
  /** Swaps the database for a checked backup; the context handed to the handlers is closed afterwards. */
  restore(name: string): RestoreResult;
};

/**
 * An area of the backend, declared once in `electron/backend/<area>/area.ts`:
 * its procedures (from its shared contract) and their handlers, its
 * repositories, the hooks it registers on other areas' events, its summary
 * read model. `electron/backend/areas.ts` registers the areas in order.
 */
export type BackendArea<P extends Record<string, ProcedureDef> = Record<string, ProcedureDef>> = {
  readonly id: string;
  readonly procedures: P;
  readonly repositories?: RepositoryFactory;
  handlers(ctx: Context, host: HostServices): HandlersOf<P>;
  readonly hooks?: AreaHooks;
  /** A few counts and how worrying they are; cheap (it runs for the navigation badges). */
  summary?(ctx: Context): AreaSummary;
  /** The area's part of the sample dataset, dated relative to the load day; run in registry order. */
  readonly sample?: SampleStep;
  /**
   * Work the area does in the background while the backend is open (the monitoring inbox looks for files):
   * started after the database opens, unless the host asks for none; returns the function that stops it.
   */
  background?(env: BackgroundEnv): () => void;
};

/** What an area's background work is given: the current context (it changes after a restore), the data folder, a log. */
export type BackgroundEnv = { context(): Context; dataDir: string; onError(error: unknown): void };

/** Declares an area with its handlers type-checked against its own procedures. */
export function defineArea<P extends Record<string, ProcedureDef>>(area: BackendArea<P>): BackendArea<P> {
  return area;
}

/** A list procedure's answer: the rows and how many there are. */
export function listOf<T>(rows: T[]): { rows: T[]; total: number } {
  return { rows, total: rows.length };
}
