import { signed } from '@renderer/features/plan/ForecastView';
import { describe, expect, it } from 'vitest';

describe('forecast gaps', () => {
  it('always carry their sign, with a real minus sign, and 0.0 when they round to nothing', () => {
    expect(signed(0.2)).toBe('+0.2');
    expect(signed(0.1)).toBe('+0.1');
    expect(signed(-0.2)).toBe('\u22120.2');
    expect(signed(-1.26)).toBe('\u22121.3');
    expect(signed(0.04)).toBe('0.0');
    expect(signed(-0.04)).toBe('0.0');
    expect(signed(0)).toBe('0.0');
    expect(signed(3)).toBe('+3.0');
  });
});
