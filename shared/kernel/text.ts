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

/**
 * Characters that print nothing: white space, format characters (zero-width space and
 * joiners, word joiner, byte-order mark, bidi marks) and the blank look-alikes (Hangul
 * fillers, braille blank). A name made only of them would be invisible in every list.
 */
const INVISIBLE = '[\\p{White_Space}\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0\\u2800]';
const INVISIBLE_ENDS = new RegExp(`^${INVISIBLE}+|${INVISIBLE}+$`, 'gu');
const LONE_SURROGATE = /\p{Cs}/u;

/** Text with the invisible characters at both ends taken off (inside, a joiner may belong to an emoji). */
export function trimInvisible(text: string): string {
  return text.replace(INVISIBLE_ENDS, '');
}

/** True when the text holds half of a character (a lone UTF-16 surrogate), which would be stored as U+FFFD. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
