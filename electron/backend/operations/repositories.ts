import type { Db } from '@backend/core/db/connection';
import { OperationsRepository } from './operationsRepository';

declare module '@backend/core/context' {
  interface Repositories {
    operations: OperationsRepository;
  }
}

export const operationsRepositories = (db: Db) => ({
  operations: new OperationsRepository(db),
});
