import type { MatrixPerson } from '../contract/matrix';

/** Who answers an incident: the Accountable when available, else an available Backup, with the sentence saying why. */
export function chooseResponder(input: {
  modelName: string;
  applicable: boolean;
  accountable: MatrixPerson | null;
  backup: MatrixPerson | null;
  /** Why a person cannot answer on the day (away, off the engagement, inactive), or null. */
  unavailable: (p: MatrixPerson) => string | null;
}): { responder: (MatrixPerson & { role: 'accountable' | 'backup' }) | null; reason: string } {
  const { accountable, backup, unavailable, modelName } = input;
  if (!input.applicable) return { responder: null, reason: `Incident response is not a duty of ${modelName}'s engagement on this day.` };
  const asBackup = backup ? { ...backup, role: 'backup' as const } : null;
  if (accountable) {
    const why = unavailable(accountable);
    const asAccountable = { ...accountable, role: 'accountable' as const };
    if (why === null) return { responder: asAccountable, reason: `${accountable.name} is Accountable for incident response.` };
    if (asBackup && unavailable(asBackup) === null) return { responder: asBackup, reason: `${why}; ${asBackup.name} is the Backup.` };
    return { responder: asAccountable, reason: `${why} and no available Backup is named; call them anyway and name a Backup.` };
  }
  if (asBackup) return { responder: asBackup, reason: `Nobody is Accountable for incident response; ${asBackup.name} is the Backup.` };
  return {
    responder: null,
    reason: `Nobody is named for incident response on ${modelName}. Assign an Accountable in the ownership matrix.`,
  };
}
