import { command, query } from '@shared/kernel/define';
import type { AreaSummary } from '@shared/kernel/summary';
import { z } from 'zod';

export type AppInfo = {
  version: string;
  schemaVersion: number;
  databasePath: string;
  actor: string;
  mode: 'desktop' | 'browser';
  counts: { clients: number; engagements: number; specialists: number };
  /** True while the database is empty enough for `sample.load`. */
  canLoadSample: boolean;
};

export type { AreaSummary, SummaryItem, SummaryTone } from '@shared/kernel/summary';

export type BackupResult = { path: string; bytes: number };

export type SampleLoadResult = {
  clients: number;
  engagements: number;
  specialists: number;
  allocations: number;
  absences: number;
  staffingRequests: number;
  replacementRequests: number;
  timeEntries: number;
  invoices: number;
};

export const appProcedures = {
  'app.info': query<AppInfo>()('Version, database location and record counts.', z.strictObject({}).default({})),
  'db.backup': command<BackupResult>()(
    'Write a consistent copy of the database with SQLite’s online backup. Without a path it goes to the backups folder beside the database.',
    z
      .strictObject({
        path: z
          .string()
          .trim()
          .min(1)
          .max(1024)
          .regex(/\.(db|sqlite|sqlite3|keel)$/i, 'must end in .db, .sqlite, .sqlite3 or .keel')
          .optional(),
      })
      .default({}),
  ),
  'app.summaries': query<AreaSummary[]>()(
    'Each area’s summary: a few counts and how worrying they are (for the navigation badges and the home screen).',
    z.strictObject({}).default({}),
  ),
  'sample.load': command<SampleLoadResult>()('Load the realistic sample dataset into an empty database.', z.strictObject({}).default({})),
};
