import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitOnScreen, loadWindowState } from '../../../electron/main/windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 877 };
const monitor = { x: 1440, y: -300, width: 2560, height: 1400 };

describe('the remembered window, fitted onto the screens there are now', () => {
  it('keeps a window that fits where it was', () => {
    const state = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(fitOnScreen(state, [laptop, monitor], laptop)).toEqual(state);
    const onMonitor = { x: 2000, y: -250, width: 1600, height: 1000, maximized: true };
    expect(fitOnScreen(onMonitor, [laptop, monitor], laptop)).toEqual(onMonitor);
  });
  it('centres a window on the primary screen when it is on no screen (its monitor unplugged)', () => {
    expect(fitOnScreen({ x: 2000, y: -250, width: 1600, height: 1000, maximized: false }, [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 877,
      maximized: false,
    });
    expect(fitOnScreen({ x: -5000, y: 4000, width: 1000, height: 600, maximized: false }, [laptop], laptop)).toEqual({
      x: 220,
      y: 139,
      width: 1000,
      height: 600,
      maximized: false,
    });
  });
  it('shrinks a window larger than its screen and pulls an edge hanging over it back in', () => {
    expect(fitOnScreen({ x: 10, y: 10, width: 3000, height: 2000, maximized: false }, [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 877,
      maximized: false,
    });
    // Over both screens, more of it on the monitor: fitted there.
    expect(fitOnScreen({ x: 10, y: 10, width: 3000, height: 2000, maximized: false }, [laptop, monitor], laptop)).toEqual({
      x: 1440,
      y: -300,
      width: 2560,
      height: 1400,
      maximized: false,
    });
    // Mostly on the monitor, its top above the monitor's: moved down and left into the monitor.
    expect(fitOnScreen({ x: 3500, y: -600, width: 1000, height: 800, maximized: false }, [laptop, monitor], laptop)).toEqual({
      x: 3000,
      y: -300,
      width: 1000,
      height: 800,
      maximized: false,
    });
  });
  it('without a saved position, only fits the size to the primary screen (Electron centres it)', () => {
    expect(fitOnScreen({ width: 1360, height: 960, maximized: false }, [laptop], laptop)).toEqual({
      width: 1360,
      height: 877,
      maximized: false,
    });
  });
  it('a missing or damaged file means the default size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keel-window-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(loadWindowState(file)).toEqual({ width: 1360, height: 860, maximized: false });
      writeFileSync(file, '{"x": 1, "y": 2, "width": "wide"');
      expect(loadWindowState(file)).toEqual({ width: 1360, height: 860, maximized: false });
      writeFileSync(file, JSON.stringify({ x: 1, y: 2, width: 50, height: 50 }));
      expect(loadWindowState(file)).toEqual({ width: 1360, height: 860, maximized: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
