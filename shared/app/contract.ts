import type { BackupFacts, BackupFile, RestoreResult } from '@shared/kernel/backups';
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

export type { BackupFacts, BackupFile, RestoreResult };

const backupName = z.string().trim().min(1, 'Pick a backup.').max(255);

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
  contacts: number;
  models: number;
  versions: number;
  approvals: number;
  environments: number;
  deployments: number;
  assets: number;
  assignments: number;
  assessments: number;
  targets: number;
  slos: number;
  readings: number;
  ceremonySeries: number;
  ceremonyOccurrences: number;
  actionItems: number;
  freezes: number;
  retrainingPolicies: number;
  retrainingRuns: number;
  incidents: number;
  costLines: number;
  costBudgets: number;
};

export const appProcedures = {
  'app.info': query<AppInfo>()('Version, database location and record counts.', z.strictObject({}).default({})),
  'db.backup': command<BackupResult>()(
    'Write a verified copy of the database into the backups folder beside it (the desktop menu can also save one where the user chooses).',
    z.strictObject({}).default({}),
  ),
  'backups.list': query<BackupFile[]>()('The database files in the backups folder, newest first.', z.strictObject({}).default({})),
  'backups.inspect': query<BackupFacts>()(
    'Check a backup (integrity, schema version, row counts) and say what it holds; nothing is changed.',
    z.strictObject({ name: backupName }),
  ),
  'backups.restore': command<RestoreResult>()(
    'Replace the database with a checked backup, after keeping a verified copy of the current one in the backups folder.',
    z.strictObject({ name: backupName }),
  ),
  'app.summaries': query<AreaSummary[]>()(
    'Each area’s summary: a few counts and how worrying they are (for the navigation badges and the home screen).',
    z.strictObject({}).default({}),
  ),
  'sample.load': command<SampleLoadResult>()('Load the realistic sample dataset into an empty database.', z.strictObject({}).default({})),
};
