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

export type Area = { x: number; y: number; width: number; height: number };

/**
 * Puts a remembered window back where it can be seen and reached: on the screen it overlaps
 * most (the primary screen when it overlaps none, or when no position was saved), no larger
 * than that screen's work area, and wholly inside it — a window saved on a screen since
 * unplugged comes back centred on the primary one.
 */
export function fitOnScreen(state: WindowState, workAreas: readonly Area[], primary: Area): WindowState {
  const { x, y, maximized } = state;
  if (x === undefined || y === undefined) {
    return { width: Math.min(state.width, primary.width), height: Math.min(state.height, primary.height), maximized };
  }
  const area = mostOverlapped({ x, y, width: state.width, height: state.height }, workAreas);
  if (!area) {
    const width = Math.min(state.width, primary.width);
    const height = Math.min(state.height, primary.height);
    return {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
      maximized,
    };
  }
  const width = Math.min(state.width, area.width);
  const height = Math.min(state.height, area.height);
  return { x: clamp(x, area.x, area.x + area.width - width), y: clamp(y, area.y, area.y + area.height - height), width, height, maximized };
}

function mostOverlapped(window: Area, areas: readonly Area[]): Area | null {
  let best: Area | null = null;
  let bestOverlap = 0;
  for (const area of areas) {
    const w = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
    const h = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
    const overlap = w > 0 && h > 0 ? w * h : 0;
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  return best;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
