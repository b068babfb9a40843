import { createHash } from 'node:crypto';
import type { FrameworkVersion } from '@shared/maturity/contract/assessments';
import { type FrameworkSet, frameworkSetProblems, frameworkSetSchema } from '@shared/maturity/rules/framework';
import keelMlops2026 from '../../../resources/maturity/keel-mlops-2026.1.json';
import keelMlops2026v2 from '../../../resources/maturity/keel-mlops-2026.2.json';
import keelMlops2026v3 from '../../../resources/maturity/keel-mlops-2026.3.json';

/**
 * The framework sets Keel ships, as data (resources/maturity/<id>-<version>.json), validated when the backend
 * loads: a file that breaks the schema or its own mappings stops the start-up with the sentence that says why,
 * rather than letting an assessment run on it. A new version is a new file added to this list beside the old.
 */
// 2026.2 measures three monitoring criteria (SLOs, recent readings, drift SLOs); 2026.3 three retraining ones (triggers from
// production metrics, retraining on cadence, rollbacks to approved versions only); the earlier ones stay for the assessments made on them.
const FILES: readonly { file: string; json: unknown }[] = [
  { file: 'keel-mlops-2026.1.json', json: keelMlops2026 },
  { file: 'keel-mlops-2026.2.json', json: keelMlops2026v2 },
  { file: 'keel-mlops-2026.3.json', json: keelMlops2026v3 },
];

export type ShippedSet = { ref: string; hash: string; set: FrameworkSet };

/** The content hash a copy is stored under: sha-256 of the set's canonical JSON (as parsed, in file order). */
export function contentHash(set: FrameworkSet): string {
  return createHash('sha256').update(JSON.stringify(set)).digest('hex');
}

export const refOf = (set: Pick<FrameworkSet, 'id' | 'version'>) => `${set.id}@${set.version}`;

/** Parses and checks one framework file; throws with every problem in words. */
export function loadFrameworkSet(file: string, json: unknown): ShippedSet {
  const parsed = frameworkSetSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`The maturity framework file ${file} is not valid: ${issues}`);
  }
  const problems = frameworkSetProblems(parsed.data);
  if (problems.length > 0) throw new Error(`The maturity framework file ${file} is not valid: ${problems.join(' ')}`);
  return { ref: refOf(parsed.data), hash: contentHash(parsed.data), set: parsed.data };
}

function loadAll(): ShippedSet[] {
  const sets = FILES.map(({ file, json }) => loadFrameworkSet(file, json));
  const refs = new Set<string>();
  for (const s of sets) {
    if (refs.has(s.ref)) throw new Error(`The maturity framework ${s.ref} is shipped twice.`);
    refs.add(s.ref);
  }
  return sets;
}

/** Every shipped set, validated once when the backend starts. */
export const SHIPPED_SETS: readonly ShippedSet[] = loadAll();

/** The newest version of each set (versions compare as numbers part by part: 2026.10 after 2026.9). */
export function newestOf(sets: readonly ShippedSet[] = SHIPPED_SETS): ShippedSet {
  const sorted = [...sets].sort((a, b) => b.set.version.localeCompare(a.set.version, 'en', { numeric: true }));
  const newest = sorted[0];
  if (!newest) throw new Error('Keel ships no maturity framework.');
  return newest;
}

export function frameworkVersions(): FrameworkVersion[] {
  const newest = newestOf();
  return [...SHIPPED_SETS]
    .sort((a, b) => b.set.version.localeCompare(a.set.version, 'en', { numeric: true }))
    .map((s) => ({
      ref: s.ref,
      setId: s.set.id,
      version: s.set.version,
      name: s.set.name,
      hash: s.hash,
      criteria: s.set.criteria.length,
      frameworks: s.set.frameworks.map((f) => ({ key: f.key, name: f.name })),
      newest: s.ref === newest.ref,
    }));
}
