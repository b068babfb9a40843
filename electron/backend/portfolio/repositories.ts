import type { Db } from '@backend/core/db/connection';
import { CardRepository } from './cardRepository';
import { ContactRepository } from './contactRepository';
import { DeploymentRepository } from './deploymentRepository';
import { PortfolioExportRepository } from './exportRepository';
import { ModelRepository } from './modelRepository';
import { VersionRepository } from './versionRepository';

declare module '@backend/core/context' {
  interface Repositories {
    contacts: ContactRepository;
    models: ModelRepository;
    versions: VersionRepository;
    deployments: DeploymentRepository;
    portfolioExports: PortfolioExportRepository;
    cards: CardRepository;
  }
}

export const portfolioRepositories = (db: Db) => ({
  contacts: new ContactRepository(db),
  models: new ModelRepository(db),
  versions: new VersionRepository(db),
  deployments: new DeploymentRepository(db),
  portfolioExports: new PortfolioExportRepository(db),
  cards: new CardRepository(db),
});
