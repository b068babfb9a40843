/** The backups folder's files as the app shows them: kernel types, because the backend core and the app shell both use them. */

/** A database file in the backups folder beside Keel's database. */
export type BackupFile = { name: string; bytes: number; modifiedAt: string; kind: 'backup' | 'before an upgrade' | 'before a restore' };

/** A backup after Keel checked it (integrity, schema version, counts): what a restore would bring back. */
export type BackupFacts = {
  name: string;
  bytes: number;
  schemaVersion: number;
  currentSchemaVersion: number;
  holds: { label: string; count: number }[];
  /** The last change its audit log records (ISO instant), or null when it has none. */
  lastChangeAt: string | null;
};

export type RestoreResult = {
  restored: BackupFacts;
  /** The verified copy of the database as it was before the restore, in the backups folder. */
  previousCopy: string;
};
