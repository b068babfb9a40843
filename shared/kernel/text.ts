/**
 * A name made safe for a file name: `Claims Model — Zürich` → `claims-model-zurich`.
 * Accents are folded to their letters, everything else but letters and digits
 * becomes one dash, and the result is cut to 60 characters so a long name
 * still leaves room for the rest of the file name. A name with nothing left
 * (only symbols) gives `fallback`.
 */
export function slug(name: string, fallback = 'file'): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || fallback
  );
}
