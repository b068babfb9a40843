import type { Db } from '@backend/core/db/connection';
import { MonitoringRepository } from './monitoringRepository';

declare module '@backend/core/context' {
  interface Repositories {
    monitoring: MonitoringRepository;
  }
}

export const monitoringRepositories = (db: Db) => ({
  monitoring: new MonitoringRepository(db),
});
