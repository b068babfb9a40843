import type { Gap } from '../rules/targets';
import type { AssessmentDetail } from './assessments';
import type { AssessedLevels, MaturityTarget } from './overview';

/** What the scorecard workbook and the one-page summary print: one assessment, the one before it, the client's targets and gaps. */
export type ScorecardData = {
  detail: AssessmentDetail;
  /** The final assessment before this one (for the radar's "previous"), if any. */
  previous: AssessedLevels | null;
  targets: MaturityTarget[];
  gaps: Gap[];
  generatedAt: string;
};
