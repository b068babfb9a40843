/**
 * Where an arrow key, Home or End moves in a horizontal row of options (tabs, a
 * segmented control): left/right wrap around, Home/End go to the ends. Null for any other key.
 */
export function rovingTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
