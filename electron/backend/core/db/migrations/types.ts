export type Migration = {
  /** Strictly increasing from 1; becomes PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  /** SQL run inside the migration transaction. */
  readonly up: string;
};
