import { z } from 'zod';
import { FRAMEWORK_KEYS, type FrameworkKey, MEASURES, SECTIONS, type SectionKey } from './vocabulary';

/**
 * A framework set: Keel's capability criteria (one set, answered once per assessment, in seven sections) and
 * the public frameworks as mappings onto them. It is data (resources/maturity/<id>.json), validated at start-up;
 * an assessment keeps the exact copy it was made with (stored by content hash), so editing a file never changes
 * an old assessment and a new version sits beside the old.
 *
 * Levels: level 0 is where every client starts (its descriptor says what it looks like; it has no criteria);
 * each higher level of a dimension names the criteria that show it.
 */
const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'must be lower-case words joined by _ or .')
  .max(60);
const words = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const criterionSchema = z.strictObject({
  id: key,
  section: z.enum(SECTIONS),
  /** The question, as the form asks it. */
  title: words(200),
  /** What "yes" looks like: the next step when the criterion blocks a level. */
  descriptor: words(600),
  /** What Keel measures from its own data for it, if anything. */
  measure: z.enum(MEASURES).nullable().default(null),
});

export const levelSchema = z.strictObject({ level: z.number().int().min(0).max(9), name: words(80), summary: words(400) });

export const cellSchema = z.strictObject({
  dimension: key,
  level: z.number().int().min(0).max(9),
  descriptor: words(600),
  criteria: z.array(key).max(30),
});

export const frameworkSchema = z.strictObject({
  key: z.enum(FRAMEWORK_KEYS),
  name: words(80),
  source: words(300),
  levels: z.array(levelSchema).min(2).max(10),
  dimensions: z
    .array(z.strictObject({ key, name: words(80) }))
    .min(1)
    .max(10),
  cells: z.array(cellSchema).min(1),
});

export const frameworkSetSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be lower-case letters, digits, dots and dashes')
    .max(60),
  version: words(20),
  name: words(120),
  sections: z.array(z.strictObject({ key: z.enum(SECTIONS), name: words(80) })).length(SECTIONS.length),
  criteria: z.array(criterionSchema).min(1).max(200),
  frameworks: z.array(frameworkSchema).min(1),
});

export type Criterion = z.output<typeof criterionSchema>;
export type FrameworkLevel = z.output<typeof levelSchema>;
export type FrameworkCell = z.output<typeof cellSchema>;
export type Framework = z.output<typeof frameworkSchema>;
export type FrameworkSet = z.output<typeof frameworkSetSchema>;

/**
 * What the schema cannot say: ids unique, every section and dimension known, each framework's levels 0…n in
 * order, every level above 0 of every dimension shown by at least two known criteria (level 0 by none), and
 * every criterion used by some framework. Returns sentences, empty when the set holds.
 */
export function frameworkSetProblems(set: FrameworkSet): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const c of set.criteria) {
    if (ids.has(c.id)) problems.push(`The criterion ${c.id} is declared twice.`);
    ids.add(c.id);
  }
  const sectionKeys = set.sections.map((s) => s.key);
  for (const s of SECTIONS) if (!sectionKeys.includes(s)) problems.push(`The section ${s} is missing.`);
  for (const s of SECTIONS) {
    if (!set.criteria.some((c) => c.section === s)) problems.push(`The section ${s} has no criteria.`);
  }
  const seenKeys = new Set<FrameworkKey>();
  const used = new Set<string>();
  for (const f of set.frameworks) {
    if (seenKeys.has(f.key)) problems.push(`The framework ${f.key} is declared twice.`);
    seenKeys.add(f.key);
    f.levels.forEach((l, i) => {
      if (l.level !== i) problems.push(`${f.name}: the levels must run 0, 1, 2… in order (found ${l.level} at place ${i + 1}).`);
    });
    const dims = new Set<string>();
    for (const d of f.dimensions) {
      if (dims.has(d.key)) problems.push(`${f.name}: the dimension ${d.key} is declared twice.`);
      dims.add(d.key);
    }
    const cells = new Map<string, FrameworkCell>();
    for (const cell of f.cells) {
      const at = `${f.name}, ${cell.dimension} level ${cell.level}`;
      if (!dims.has(cell.dimension)) problems.push(`${at}: the dimension is not declared.`);
      if (cell.level >= f.levels.length) problems.push(`${at}: the level is not declared.`);
      if (cells.has(`${cell.dimension}|${cell.level}`)) problems.push(`${at}: declared twice.`);
      cells.set(`${cell.dimension}|${cell.level}`, cell);
      if (cell.level === 0 && cell.criteria.length > 0) problems.push(`${at}: level 0 is where everyone starts and takes no criteria.`);
      if (cell.level > 0 && new Set(cell.criteria).size < 2) problems.push(`${at}: needs at least two criteria that show it.`);
      for (const c of cell.criteria) {
        if (!ids.has(c)) problems.push(`${at}: the criterion ${c} is not declared.`);
        used.add(c);
      }
    }
    for (const d of f.dimensions) {
      for (const l of f.levels) {
        if (!cells.has(`${d.key}|${l.level}`)) problems.push(`${f.name}: ${d.key} level ${l.level} has no descriptor.`);
      }
    }
  }
  for (const c of set.criteria) if (!used.has(c.id)) problems.push(`The criterion ${c.id} shows no level of any framework.`);
  return problems;
}

/** The criteria of a set by id. */
export function criteriaById(set: Pick<FrameworkSet, 'criteria'>): Map<string, Criterion> {
  return new Map(set.criteria.map((c) => [c.id, c]));
}

export function sectionName(set: Pick<FrameworkSet, 'sections'>, key: SectionKey): string {
  return set.sections.find((s) => s.key === key)?.name ?? key;
}
