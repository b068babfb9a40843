import type { Db } from '@backend/core/db/connection';
import { CeremonyRepository } from './ceremonyRepository';

declare module '@backend/core/context' {
  interface Repositories {
    ceremonies: CeremonyRepository;
  }
}

export const ceremoniesRepositories = (db: Db) => ({
  ceremonies: new CeremonyRepository(db),
});
