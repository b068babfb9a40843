import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronPdfRenderer } from '../../../electron/main/pdf';
import { fake } from './support/fakeElectron';

/**
 * The desktop shell's PDF renderer under the stand-in for Electron: an offscreen, sandboxed window
 * without JavaScript, in a session of its own that lets nothing but the page itself load, printed on
 * the page's own paper size, and always destroyed.
 */

vi.mock('electron', () => import('./support/fakeElectron').then((m) => m.electronModule));

beforeEach(() => fake.reset());

const HTML = '<!doctype html><title>Model card – Churn</title><h1>Model card: Churn é</h1>';

describe('the desktop PDF renderer', () => {
  it('prints the page in a hidden, sandboxed window without JavaScript, loading nothing else', async () => {
    const pdf = await electronPdfRenderer(HTML);
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.7 fake');
    const [window] = fake.windows;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
    });
    const session = fake.partitions.get('keel-print');
    expect(window?.options.webPreferences?.session).toBe(session);
    // The page travels as a data: URL, byte for byte.
    const url = window?.url ?? '';
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(HTML);
    // Nothing but the page loads: no network, no files.
    const cancelled = (u: string) => {
      let answer: boolean | undefined;
      session?.beforeRequest?.({ url: u }, (r) => {
        answer = r.cancel;
      });
      return answer;
    };
    expect(cancelled(url)).toBe(false);
    expect(cancelled('https://tracker.example/pixel.png')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    let granted: boolean | undefined;
    session?.permissionRequest?.(null, 'media', (g) => {
      granted = g;
    });
    expect(granted).toBe(false);
    expect(fake.printOptions).toEqual([{ preferCSSPageSize: true, printBackground: true }]);
    expect(window?.destroyed).toBe(true);
  });

  it('destroys the window when printing fails, and refuses a page too large for one data: URL without opening one', async () => {
    fake.printFails = 'printing failed';
    await expect(electronPdfRenderer(HTML)).rejects.toThrow('printing failed');
    expect(fake.windows.every((w) => w.destroyed)).toBe(true);
    fake.reset();
    await expect(electronPdfRenderer('x'.repeat(2 * 1024 * 1024))).rejects.toThrow(/too large to print/);
    expect(fake.windows).toEqual([]);
  });
});
