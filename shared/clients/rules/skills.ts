/**
 * Skills are free tags. Normalising them here keeps "Kubeflow", " kubeflow "
 * and "KUBEFLOW" one tag: trimmed, inner whitespace collapsed, duplicates
 * removed case-insensitively, first spelling wins, order kept.
 */
export function normalizeSkills(skills: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '') continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Parses a comma-separated skills field as typed in a form. */
export function parseSkillsText(text: string): string[] {
  return normalizeSkills(text.split(','));
}
