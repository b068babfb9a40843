import { extname, join, normalize, resolve, sep } from 'node:path';
import { PRINT_STYLE_HASH } from '@shared/kernel/printDocument';

/**
 * The Content-Security-Policy of the UI, in browser mode (header) and desktop (app:// responses).
 * Besides its own files, it allows exactly one inline stylesheet, the printed documents' (by hash):
 * in browser mode a model card opens from a blob: URL, which keeps this policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${PRINT_STYLE_HASH}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function mimeType(file: string): string {
  return MIME[extname(file)] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside the built renderer. Paths that try to
 * climb out return null; extension-less paths are app routes (index.html).
 */
export function rendererFile(root: string, pathname: string): { file: string; isRoute: boolean } | null {
  const base = resolve(root);
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const file = resolve(join(base, relative));
  if (file !== base && !file.startsWith(base + sep)) return null;
  if (relative === '' || extname(relative) === '') return { file: join(base, 'index.html'), isRoute: true };
  return { file, isRoute: false };
}
