import type { Db } from '@backend/core/db/connection';
import { ReplacementRepository } from './replacementRepository';

declare module '@backend/core/context' {
  interface Repositories {
    replacements: ReplacementRepository;
  }
}

export const continuityRepositories = (db: Db) => ({ replacements: new ReplacementRepository(db) });
