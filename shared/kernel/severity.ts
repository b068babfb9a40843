/**
 * How much a finding of a check matters: an error blocks the step it is about
 * (approving a month, a confirmed over-booking), a warning asks for a look,
 * info only tells. Every check in Keel reports findings with one of these.
 */
export type Severity = 'error' | 'warning' | 'info';

/** The findings of one severity, in their order. */
export function ofSeverity<T extends { severity: Severity }>(findings: readonly T[], severity: Severity): T[] {
  return findings.filter((f) => f.severity === severity);
}

/** The findings that block: errors. */
export const errorsIn = <T extends { severity: Severity }>(findings: readonly T[]): T[] => ofSeverity(findings, 'error');

/** True when no finding blocks. */
export const noErrorsIn = (findings: readonly { severity: Severity }[]): boolean => !findings.some((f) => f.severity === 'error');
