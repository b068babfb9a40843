import { staffingFields } from '@shared/plan/contract/staffing';
import { DEFAULT_TARGET_WEEKS, defaultFillEnd } from '@shared/plan/rules/staffing';
import { describe, expect, it } from 'vitest';

describe('fill target of a staffing request', () => {
  const request = {
    engagementId: '01a20bb9-cb5c-7026-b14e-000000000001',
    title: 'Senior MLOps engineer',
    role: 'mlops_engineer',
    seniority: 'senior',
    requiredSkills: ['Kubeflow'],
    startDate: '2027-01-04',
  } as const;

  it('is the operating model’s 4 weeks, declared once, when the request does not say', () => {
    expect(DEFAULT_TARGET_WEEKS).toBe(4);
    expect(staffingFields.parse(request).targetWeeks).toBe(DEFAULT_TARGET_WEEKS);
    expect(staffingFields.parse({ ...request, targetWeeks: 3 }).targetWeeks).toBe(3);
  });
});

describe('the end date a fill starts with', () => {
  it('is the engagement’s end when it has one', () => {
    expect(defaultFillEnd('2027-01-04', '2027-09-30')).toBe('2027-09-30');
  });
  it('on an open-ended engagement, is the end of the sixth month counting the start month', () => {
    expect(defaultFillEnd('2027-01-04', null)).toBe('2027-06-30');
    expect(defaultFillEnd('2026-11-16', null)).toBe('2027-04-30');
    expect(defaultFillEnd('2027-08-31', null)).toBe('2028-01-31');
  });
  it('is never before the start', () => {
    expect(defaultFillEnd('2027-01-04', '2026-12-31')).toBe('2027-01-04');
  });
});
