import type { Db } from '@backend/core/db/connection';
import { ClientRepository } from './clientRepository';
import { EngagementRepository } from './engagementRepository';
import { SpecialistRepository } from './specialistRepository';

declare module '@backend/core/context' {
  interface Repositories {
    clients: ClientRepository;
    engagements: EngagementRepository;
    specialists: SpecialistRepository;
  }
}

export const clientsRepositories = (db: Db) => ({
  clients: new ClientRepository(db),
  engagements: new EngagementRepository(db),
  specialists: new SpecialistRepository(db),
});
