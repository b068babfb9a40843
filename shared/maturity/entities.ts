/** The records of the maturity area the audit log files changes under, with their human labels. Answers are filed under their assessment. */
export const maturityEntities = {
  maturity_framework: 'Maturity framework copy',
  maturity_assessment: 'Maturity assessment',
  maturity_target: 'Maturity target',
  maturity_readiness: 'Readiness check',
} as const;
