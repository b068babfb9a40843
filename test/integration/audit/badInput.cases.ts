import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';

function cases(): CaseTable {
  return {
    'audit.list': [
      { why: 'limit too large', input: { limit: 10_000 }, code: 'invalid_input', field: 'limit' },
      { why: 'unknown entity', input: { entity: 'payslip' }, code: 'invalid_input', field: 'entity' },
    ],
    'audit.undo': [
      { why: 'unknown entry', input: { auditId: MISSING_ID }, code: 'not_found' },
      { why: 'missing id', input: {}, code: 'invalid_input', field: 'auditId' },
    ],
  };
}

export const auditBadInput: BadInputArea<object, object> = {
  area: 'audit',
  prefixes: ['audit'],
  cases,
};
