import { buildChild } from './child';

/**
 * Vitest global setup for the integration suite: builds the hours import's
 * worker thread (electron/backend/billing/importWorker.ts) into one CommonJS
 * file, as electron-vite builds out/main/importWorker.js, and points the
 * backend at it (KEEL_IMPORT_WORKER, read by billing/hoursImport.ts). Child
 * processes the fault tests start inherit it.
 */
export default async function setup(): Promise<void> {
  process.env.KEEL_IMPORT_WORKER = await buildChild('electron/backend/billing/importWorker.ts');
}
