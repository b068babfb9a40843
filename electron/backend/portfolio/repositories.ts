import type { Db } from '@backend/core/db/connection';
import { ContactRepository } from './contactRepository';
import { ModelRepository } from './modelRepository';
import { VersionRepository } from './versionRepository';

declare module '@backend/core/context' {
  interface Repositories {
    contacts: ContactRepository;
    models: ModelRepository;
    versions: VersionRepository;
  }
}

export const portfolioRepositories = (db: Db) => ({
  contacts: new ContactRepository(db),
  models: new ModelRepository(db),
  versions: new VersionRepository(db),
});
