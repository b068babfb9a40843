import { staffingFields } from '@shared/plan/contract/staffing';
import { DEFAULT_TARGET_WEEKS } from '@shared/plan/rules/staffing';
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
