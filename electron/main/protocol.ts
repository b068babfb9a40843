import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, mimeType, rendererFile } from '../server/static';
import { APP_SCHEME } from './security';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from app://keel/, never file://, with the app's CSP. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let target: ReturnType<typeof rendererFile> = null;
    try {
      target = rendererFile(rendererDir, new URL(request.url).pathname);
    } catch {
      // malformed percent-encoding: not found
    }
    const body = target ? await readFile(target.file).catch(() => null) : null;
    if (!target || !body) return new Response('Not found', { status: 404 });
    return new Response(body, {
      headers: {
        'Content-Type': mimeType(target.file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
