import { command } from '@shared/kernel/define';
import { id, requiredText } from '@shared/kernel/fields';
import { z } from 'zod';

/** The largest inventory file Keel reads in one import (thousands of models fit in far less). */
export const MAX_INVENTORY_BYTES = 5 * 1024 * 1024;
export const INVENTORY_TOO_LARGE =
  'The file is larger than Keel takes in one inventory import (5 MB, tens of thousands of models). Split it by engagement and import the parts.';

/** What an inventory import did (or, checked only, would do). */
export type InventoryImportResult = {
  clientId: string;
  fileName: string;
  /** True when the file was only checked: nothing was written. */
  checkedOnly: boolean;
  modelsCreated: number;
  modelsUpdated: number;
  modelsUnchanged: number;
  versionsCreated: number;
  versionsUnchanged: number;
};

export const inventoryImportInput = z.strictObject({
  clientId: id,
  fileName: requiredText(255),
  base64: z
    .base64({ error: 'must be the file’s content in base64' })
    .max(Math.ceil((MAX_INVENTORY_BYTES * 4) / 3) + 4, `is too large: the file may be ${MAX_INVENTORY_BYTES / 1024 / 1024} MB at most`),
  /** Check the whole file and say what an import would do, writing nothing. */
  checkOnly: z.boolean({ error: 'must be true or false' }).default(false),
});

export const inventoryProcedures = {
  'models.importInventory': command<InventoryImportResult>()(
    'Import a client’s existing model inventory from CSV or Excel (a Models sheet and, optionally, a Versions sheet): the whole file is checked first and every problem listed with its row and column; all or nothing; importing the same file again changes nothing.',
    inventoryImportInput,
  ),
};
