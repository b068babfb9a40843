import type { Dispatch } from '@backend/dispatch';
import type { Result } from '@shared/kernel/errors';
import { ipcMain, type WebFrameMain } from 'electron';
import { isAppUrl } from './security';

/** The one channel: the preload's `keel.invoke(name, input)` arrives here. */
export const INVOKE_CHANNEL = 'keel:invoke';

const REFUSED: Result<never> = { ok: false, error: { code: 'unauthorized', message: 'Only the Keel window may call Keel.' } };

/** Keel's own page in the window's top frame; never a sub-frame, another origin, or a frame already gone. */
export function fromKeelWindow(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Wires the whole contract to IPC through the dispatcher, which derives it from the contract:
 * unknown names and bad inputs come back as typed errors, and a call from anywhere but Keel's
 * window is refused before it reaches a handler.
 */
export function wireContract(dispatch: Dispatch): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown): Promise<Result<unknown>> | Result<never> =>
    fromKeelWindow(event.senderFrame) ? dispatch(String(name), input) : REFUSED,
  );
}
