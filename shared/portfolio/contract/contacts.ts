import { command, type ListResult, query } from '@shared/kernel/define';
import { email, expectedUpdatedAt, id, optionalText, requiredText } from '@shared/kernel/fields';
import { z } from 'zod';

/** A person at a client: a business owner, an approver, a participant. Specialists stay specialists. */
export type ClientContact = {
  id: string;
  clientId: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  notes: string;
  /** A contact who left the client: kept for the history, flagged where still named on a duty. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

const phone = optionalText(40).pipe(z.string().regex(/^[+()\d\s./-]*$/, 'must be a phone number: digits, spaces and + ( ) - . / only'));

export const contactFields = z.strictObject({
  clientId: id,
  name: requiredText(120),
  title: optionalText(120).default(''),
  email: email.or(z.literal('')).default(''),
  phone: phone.default(''),
  notes: optionalText(2000).default(''),
});
export type ContactFields = z.input<typeof contactFields>;

export const contactsProcedures = {
  'contacts.list': query<ListResult<ClientContact>>()('The contacts of a client, by name.', z.strictObject({ clientId: id })),
  'contacts.create': command<ClientContact>()('Add a contact at a client.', contactFields),
  'contacts.update': command<ClientContact>()(
    'Change a contact. Pass the updatedAt you last saw to refuse overwriting someone else’s change.',
    contactFields.omit({ clientId: true }).extend({ id, expectedUpdatedAt }),
  ),
  'contacts.archive': command<ClientContact>()(
    'Archive a contact who left the client (kept for the history) or bring them back.',
    z.strictObject({ id, archived: z.boolean({ error: 'must be true or false' }) }),
  ),
};
