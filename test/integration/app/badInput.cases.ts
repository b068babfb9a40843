import type { BadInputArea, CaseTable } from '../../support/badInput';

/** The app's own procedures: info, reference data, backups, the sample data set. */
function cases(): CaseTable {
  return {
    'app.info': [{ why: 'unknown field', input: { verbose: true }, code: 'invalid_input' }],
    'reference.get': [{ why: 'wrong type', input: 'all', code: 'invalid_input' }],
    'db.backup': [
      { why: 'wrong extension', input: { path: '/tmp/keel.txt' }, code: 'invalid_input', field: 'path' },
      { why: 'relative path', input: { path: 'backup.db' }, code: 'invalid_input', field: 'path' },
      { why: 'wrong type', input: { path: 42 }, code: 'invalid_input', field: 'path' },
    ],
    'app.summaries': [{ why: 'unknown field', input: { unexpected: 1 }, code: 'invalid_input' }],
    'sample.load': [
      { why: 'unknown field', input: { size: 'big' }, code: 'invalid_input' },
      { why: 'database not empty', input: {}, code: 'conflict' },
    ],
  };
}

export const appBadInput: BadInputArea<object, object> = {
  area: 'app',
  prefixes: ['app', 'reference', 'db', 'sample'],
  cases,
};
