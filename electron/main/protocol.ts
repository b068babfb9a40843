import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, mimeType, rendererFile } from '../server/static';
import { APP_SCHEME, isAppUrl } from './security';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Every app:// answer, a file or a refusal, carries the app's CSP. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** Serves the built renderer from app://keel/, never file://, with the app's CSP. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let target: ReturnType<typeof rendererFile> = null;
    try {
      // Only app://keel/: another host under the scheme would be another origin.
      if (isAppUrl(request.url)) target = rendererFile(rendererDir, new URL(request.url).pathname);
    } catch {
      // malformed percent-encoding: not found
    }
    const body = target ? await readFile(target.file).catch(() => null) : null;
    if (!target || !body) {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
    }
    return new Response(body, { headers: { 'Content-Type': mimeType(target.file), ...SECURITY_HEADERS } });
  });
}
