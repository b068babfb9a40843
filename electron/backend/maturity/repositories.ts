import type { Db } from '@backend/core/db/connection';
import { AssessmentRepository } from './assessmentRepository';
import { MaturityFactsRepository } from './factsRepository';
import { TargetRepository } from './targetRepository';

declare module '@backend/core/context' {
  interface Repositories {
    assessments: AssessmentRepository;
    maturityTargets: TargetRepository;
    maturityFacts: MaturityFactsRepository;
  }
}

export const maturityRepositories = (db: Db) => ({
  assessments: new AssessmentRepository(db),
  maturityTargets: new TargetRepository(db),
  maturityFacts: new MaturityFactsRepository(db),
});
