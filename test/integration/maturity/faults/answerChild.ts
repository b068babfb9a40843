import { join } from 'node:path';
import { createBackend } from '@backend/index';
import type { AssessmentDetail } from '@shared/maturity/contract/assessments';

/**
 * The process the assessment fault test kills (answerFaults.test.ts): on a seeded data folder it answers every
 * criterion of a draft again and again, batch k writing "batch k" as every answer's evidence, printing ACK k
 * once each batch's command has answered; after the last batch it finalises the assessment and prints FINAL.
 *   answerChild <dataDir> <assessmentId> <batches>
 */
async function main() {
  const [dataDir = '', assessmentId = '', batches = '40'] = process.argv.slice(2);
  const backend = createBackend({
    databasePath: join(dataDir, 'keel.db'),
    actor: 'fault-test',
    mode: 'browser',
    logger: { error: () => {} },
    clock: () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0)),
  });
  const detail = await backend.dispatch('assessments.get', { id: assessmentId });
  if (!detail.ok) throw new Error(detail.error.message);
  const criteria = (detail.value as AssessmentDetail).set.criteria.map((c) => c.id);
  console.log('READY');
  for (let k = 1; k <= Number(batches); k++) {
    const result = await backend.dispatch('assessments.answer', {
      id: assessmentId,
      answers: criteria.map((criterionId, i) => ({
        criterionId,
        answer: (i + k) % 3 === 0 ? 'partly' : 'yes',
        evidence: `batch ${k}`,
        confidence: 'medium',
      })),
    });
    if (!result.ok) {
      console.log(`FAILED ${result.error.message}`);
      process.exit(1);
    }
    console.log(`ACK ${k}`);
  }
  const final = await backend.dispatch('assessments.finalise', { id: assessmentId });
  console.log(final.ok ? 'FINAL' : `FAILED ${final.error.message}`);
  backend.close();
  process.exit(0);
}

void main();
