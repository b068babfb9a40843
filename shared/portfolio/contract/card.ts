import { command, query } from '@shared/kernel/define';
import { byId, id, optionalText } from '@shared/kernel/fields';
import type { ExportedFile, PrintableFile } from '@shared/kernel/printDocument';
import { z } from 'zod';
import { type CardNarrative, type ModelCard, NARRATIVE_MAX } from '../rules/card';

/** A model's card as the model page shows it: the derived card, and the narrative a person edits. */
export type ModelCardView = {
  modelId: string;
  narrative: CardNarrative;
  /** When the narrative was last saved; null while nobody has written any. */
  updatedAt: string | null;
  card: ModelCard;
};

// Files and printed documents are every area's: declared in the kernel, named here for the card's procedures.
export type { ExportedFile, PrintableFile } from '@shared/kernel/printDocument';

const narrative = optionalText(NARRATIVE_MAX).default('');

export const cardUpdateInput = z.strictObject({
  id,
  intendedUse: narrative,
  outOfScopeUses: narrative,
  users: narrative,
  limitations: narrative,
  ethicalConsiderations: narrative,
  caveats: narrative,
  /** The updatedAt of the narrative you last saw (absent or null: none was written yet). */
  expectedUpdatedAt: z.iso.datetime({ error: 'must be an ISO-8601 UTC instant' }).nullable().optional(),
});
export type CardUpdateFields = z.input<typeof cardUpdateInput>;

export const cardProcedures = {
  'models.card': query<ModelCardView>()(
    'A model’s card: derived from its record, versions, approvals and deployments, with the narrative typed by hand.',
    byId,
  ),
  'models.updateCard': command<ModelCardView>()(
    'Change the hand-written narrative of a model’s card. Pass the updatedAt you last saw to refuse overwriting someone else’s change.',
    cardUpdateInput,
  ),
  'models.cardMarkdown': query<ExportedFile>()('A model’s card as a Markdown file.', byId),
  'models.cardPdf': query<PrintableFile>()(
    'A model’s card as a printable PDF (in browser mode: the page, for the browser’s own print-to-PDF).',
    byId,
  ),
  'models.auditPackPdf': query<PrintableFile>()(
    'A model’s audit pack as a printable PDF: its card, versions and approvals, deployment timeline, stage history and audit trail (in browser mode: the page, for the browser’s own print-to-PDF).',
    byId,
  ),
};
