import { errorsIn, noErrorsIn, ofSeverity } from '@shared/kernel/severity';
import { describe, expect, it } from 'vitest';

describe('severity filter', () => {
  const findings = [
    { id: 'a', severity: 'warning' as const },
    { id: 'b', severity: 'error' as const },
    { id: 'c', severity: 'info' as const },
    { id: 'd', severity: 'error' as const },
  ];

  it('keeps the findings of one severity in their order', () => {
    expect(errorsIn(findings).map((f) => f.id)).toEqual(['b', 'd']);
    expect(ofSeverity(findings, 'warning').map((f) => f.id)).toEqual(['a']);
    expect(ofSeverity(findings, 'info').map((f) => f.id)).toEqual(['c']);
  });

  it('says whether anything blocks', () => {
    expect(noErrorsIn(findings)).toBe(false);
    expect(noErrorsIn(findings.filter((f) => f.severity !== 'error'))).toBe(true);
    expect(noErrorsIn([])).toBe(true);
    expect(errorsIn([])).toEqual([]);
  });
});
