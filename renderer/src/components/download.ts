const TYPES: Record<string, string> = {
  csv: 'text/csv',
  md: 'text/markdown;charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Saves a file that arrived from the backend as base64 (a Blob behind a temporary link): the exports of every area. */
export function saveBase64File(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const type = TYPES[fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()] ?? TYPES.xlsx;
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Opens a printable document (a model card, an audit pack) in a new tab for the browser's own
 * print-to-PDF: browser mode, where Keel has no PDF renderer of its own. The page comes from a
 * blob: URL made here, so it keeps Keel's Content-Security-Policy (no script runs in it; its one
 * stylesheet is allowed by hash) and the server serves nothing new. False when the tab was blocked.
 */
export function openPrintable(html: string): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const opened = window.open(url, '_blank');
  // A minute to load; the open tab keeps its document after the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  if (!opened) return false;
  // The printed page has no business with Keel's window.
  opened.opener = null;
  return true;
}
