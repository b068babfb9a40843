import type { Db } from '@backend/core/db/connection';
import { AbsenceRepository } from './absenceRepository';
import { AllocationRepository } from './allocationRepository';
import { StaffingRepository } from './staffingRepository';

declare module '@backend/core/context' {
  interface Repositories {
    allocations: AllocationRepository;
    absences: AbsenceRepository;
    staffing: StaffingRepository;
  }
}

export const planRepositories = (db: Db) => ({
  allocations: new AllocationRepository(db),
  absences: new AbsenceRepository(db),
  staffing: new StaffingRepository(db),
});
