import type { Db } from '@backend/core/db/connection';
import { AssetRepository } from './assetRepository';
import { AssignmentRepository } from './assignmentRepository';
import { DutyRepository } from './dutyRepository';
import { OwnershipReadRepository } from './readRepository';

declare module '@backend/core/context' {
  interface Repositories {
    assets: AssetRepository;
    duties: DutyRepository;
    assignments: AssignmentRepository;
    ownershipReads: OwnershipReadRepository;
  }
}

export const ownershipRepositories = (db: Db) => ({
  assets: new AssetRepository(db),
  duties: new DutyRepository(db),
  assignments: new AssignmentRepository(db),
  ownershipReads: new OwnershipReadRepository(db),
});
