import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

const DEFAULT: WindowState = { width: 1360, height: 860, maximized: false };

/** Remembered size and position; a missing or damaged file just means the default. */
export function loadWindowState(file: string): WindowState {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state));
  } catch (error) {
    console.warn('Keel could not remember the window position', error);
  }
}

/** Keeps a remembered position only if it is still on one of the screens. */
export function visibleOn(state: WindowState, screens: { x: number; y: number; width: number; height: number }[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const onScreen = screens.some((s) => x >= s.x - 50 && y >= s.y - 50 && x < s.x + s.width - 100 && y < s.y + s.height - 100);
  return onScreen ? state : { width: state.width, height: state.height, maximized: state.maximized };
}
