/**
 * Which audit entries can be undone from the log: an archive or a restore,
 * and only while it is still the latest change of that record (undoing an
 * older entry would silently throw away what happened after it).
 */
export function isUndoable(entry: { action: string; entity: string }, isLatest: boolean): boolean {
  return isLatest && (entry.action === 'archive' || entry.action === 'restore') && entry.entity !== 'dataset';
}

export function undoRefusal(entry: { action: string; entity: string; label: string }, isLatest: boolean): string | null {
  if (entry.action !== 'archive' && entry.action !== 'restore') {
    return `Only archives and restores can be undone from the log; open ${entry.label} and change it instead.`;
  }
  if (entry.entity === 'dataset') return 'Loading data cannot be undone from the log.';
  if (!isLatest) return `${entry.label} has changed since; undoing this older entry would discard the later changes.`;
  return null;
}
