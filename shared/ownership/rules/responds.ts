import type { MatrixPerson } from '../contract/matrix';

/**
 * Who answers for a duty on a model (an incident by default): the Accountable when available, else an available
 * Backup, with the sentence saying why. `dutyName` in the sentence's words ("incident response").
 */
export function chooseResponder(input: {
  modelName: string;
  dutyName?: string;
  applicable: boolean;
  accountable: MatrixPerson | null;
  backup: MatrixPerson | null;
  /** Why a person cannot answer on the day (away, off the engagement, inactive), or null. */
  unavailable: (p: MatrixPerson) => string | null;
}): { responder: (MatrixPerson & { role: 'accountable' | 'backup' }) | null; reason: string } {
  const { accountable, backup, unavailable, modelName } = input;
  const duty = input.dutyName ?? 'incident response';
  const Duty = duty.charAt(0).toUpperCase() + duty.slice(1);
  if (!input.applicable) return { responder: null, reason: `${Duty} is not a duty of ${modelName}'s engagement on this day.` };
  const asBackup = backup ? { ...backup, role: 'backup' as const } : null;
  if (accountable) {
    const why = unavailable(accountable);
    const asAccountable = { ...accountable, role: 'accountable' as const };
    if (why === null) return { responder: asAccountable, reason: `${accountable.name} is Accountable for ${duty}.` };
    if (asBackup && unavailable(asBackup) === null) return { responder: asBackup, reason: `${why}; ${asBackup.name} is the Backup.` };
    return { responder: asAccountable, reason: `${why} and no available Backup is named; call them anyway and name a Backup.` };
  }
  if (asBackup) return { responder: asBackup, reason: `Nobody is Accountable for ${duty}; ${asBackup.name} is the Backup.` };
  return {
    responder: null,
    reason: `Nobody is named for ${duty} on ${modelName}. Assign an Accountable in the ownership matrix.`,
  };
}
