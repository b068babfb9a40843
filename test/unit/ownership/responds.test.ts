import type { MatrixPerson } from '@shared/ownership/contract/matrix';
import { chooseResponder } from '@shared/ownership/rules/responds';
import { describe, expect, it } from 'vitest';

const person = (id: string, name: string): MatrixPerson => ({
  key: `specialist:${id}`,
  kind: 'specialist',
  id,
  name,
  initials: '',
  email: '',
  phone: '',
  title: '',
  inactive: false,
});
const ana = person('a', 'Ana');
const ben = person('b', 'Ben');
const away = (who: MatrixPerson) => (p: MatrixPerson) => (p.id === who.id ? `${p.name} is away today` : null);
const base = { modelName: 'Churn', applicable: true, accountable: ana, backup: ben };

describe('who responds', () => {
  it('is the Accountable when available, else an available Backup, else the Accountable anyway', () => {
    expect(chooseResponder({ ...base, unavailable: () => null }).responder).toMatchObject({ id: 'a', role: 'accountable' });
    const covered = chooseResponder({ ...base, unavailable: away(ana) });
    expect(covered).toMatchObject({ responder: { id: 'b', role: 'backup' }, reason: 'Ana is away today; Ben is the Backup.' });
    expect(chooseResponder({ ...base, unavailable: (p) => `${p.name} is away today` }).responder).toMatchObject({
      id: 'a',
      role: 'accountable',
    });
  });
  it('falls to the Backup with no Accountable, and names nobody when the duty does not apply or nobody is named', () => {
    expect(chooseResponder({ ...base, accountable: null, unavailable: () => null }).responder).toMatchObject({ id: 'b', role: 'backup' });
    expect(chooseResponder({ ...base, applicable: false, unavailable: () => null }).responder).toBeNull();
    expect(chooseResponder({ ...base, accountable: null, backup: null, unavailable: () => null }).reason).toContain('Nobody is named');
  });
});
