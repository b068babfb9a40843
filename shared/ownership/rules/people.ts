/** The letters a cell of the matrix shows for a person. */
/** "Ana Costa" → "AC"; "Zoë" → "ZO". */
export function initialsOf(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return '?';
  if (words.length === 1) return (words[0] ?? '').slice(0, 2).toUpperCase();
  return `${[...(words[0] ?? '')][0] ?? ''}${[...(words[words.length - 1] ?? '')][0] ?? ''}`.toUpperCase();
}
