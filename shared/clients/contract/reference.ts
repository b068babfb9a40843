import { query } from '@shared/kernel/define';
import type { ReferenceData } from '@shared/kernel/reference';
import { z } from 'zod';

export const referenceProcedures = {
  'reference.get': query<ReferenceData>()(
    'Countries, currencies, holiday calendars and the domain vocabularies.',
    z.strictObject({}).default({}),
  ),
};

export type { Option } from '@shared/kernel/define';
export type { ReferenceData };
