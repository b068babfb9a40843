import type { BadInputArea, CaseTable } from '../../support/badInput';

/** The app's own procedures: info, reference data, backups, the sample data set. */
function cases(): CaseTable {
  return {
    'app.info': [{ why: 'unknown field', input: { verbose: true }, code: 'invalid_input' }],
    'reference.get': [{ why: 'wrong type', input: 'all', code: 'invalid_input' }],
    'db.backup': [
      { why: 'a path: the procedure writes only into the backups folder', input: { path: '/tmp/keel.db' }, code: 'invalid_input' },
      { why: 'a path elsewhere', input: { path: '/etc/cron.d/keel.db' }, code: 'invalid_input' },
    ],
    'backups.list': [{ why: 'unknown field', input: { folder: '/etc' }, code: 'invalid_input' }],
    'backups.inspect': [
      { why: 'missing name', input: {}, code: 'invalid_input', field: 'name' },
      { why: 'a path outside the backups folder', input: { name: '../keel.db' }, code: 'invalid_input', field: 'name' },
      { why: 'no such backup', input: { name: 'keel-none.db' }, code: 'not_found' },
    ],
    'backups.restore': [
      { why: 'empty name', input: { name: '  ' }, code: 'invalid_input', field: 'name' },
      { why: 'an absolute path', input: { name: '/etc/passwd' }, code: 'invalid_input', field: 'name' },
      { why: 'no such backup', input: { name: 'keel-none.db' }, code: 'not_found' },
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
  prefixes: ['app', 'reference', 'db', 'backups', 'sample'],
  cases,
};
