import { unwrap, useCommand, useKeel, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { day, instant } from '@renderer/components/dates';
import { openPrintable, saveBase64File } from '@renderer/components/download';
import { Badge } from '@renderer/ui/Badge';
import { Drawer } from '@renderer/ui/Drawer';
import { FormFooter, TextArea, useSchemaForm } from '@renderer/ui/fields';
import { cardUpdateInput, type ModelCardView } from '@shared/portfolio/contract/card';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { type CardBlock, type CardSection, NARRATIVE_FIELDS, NARRATIVE_LABELS, type NarrativeField } from '@shared/portfolio/rules/card';
import { Fragment, useState } from 'react';

/** What each narrative field asks for, under its box. */
const NARRATIVE_HINTS: Record<NarrativeField, string> = {
  intendedUse: 'The decisions or tasks the model is meant to support, and in what setting.',
  outOfScopeUses: 'Uses it must not be put to: other products, populations, decisions.',
  users: 'Who relies on its output, and who operates it.',
  limitations: 'Where it is known to be weak: populations, data gaps, conditions it was not tested under.',
  ethicalConsiderations: 'Fairness and bias tests, protected groups, human oversight, who could be harmed and how.',
  caveats: 'Anything else a reader should know before relying on it (optional).',
};

/**
 * The model card as a readable document: derived from what is recorded, with
 * only the narrative typed by hand (in the drawer), and exported as Markdown
 * or a PDF (in browser mode, the page opens for the browser's own print).
 */
export function ModelCardTab({ model }: { model: ModelDetail }) {
  const view = useProcedure('models.card', { id: model.id });
  const [editing, setEditing] = useState(false);
  if (view.error) return <p className="list-status list-status--error">{view.error.message}</p>;
  const v = view.data;
  if (!v) return <p className="list-status">Loading…</p>;
  const { card } = v;
  const incomplete = card.sections.filter((s) => !s.complete);
  return (
    <div className="model-card">
      <div className="model-card__toolbar">
        <p className="model-card__status">
          {card.complete ? (
            <Badge tone="ok">Complete</Badge>
          ) : (
            <Badge tone="attention">
              {incomplete.length} {incomplete.length === 1 ? 'section' : 'sections'} incomplete
            </Badge>
          )}{' '}
          <span className="muted">
            As of {day(card.asOf)}
            {v.updatedAt ? ` · narrative last changed ${instant(v.updatedAt)}` : ' · no narrative written yet'}
          </span>
        </p>
        <div className="model-card__actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Edit narrative
          </button>
          <ExportButtons modelId={model.id} />
        </div>
      </div>
      <article className="model-card__document" aria-label={`Model card of ${card.modelName}`}>
        {card.sections.map((s) => (
          <CardSectionView key={s.id} section={s} />
        ))}
      </article>
      {editing && <NarrativeDrawer model={model} view={v} onClose={() => setEditing(false)} />}
    </div>
  );
}

function CardSectionView({ section: s }: { section: CardSection }) {
  const headingId = `card-section-${s.id}`;
  return (
    <section className="model-card__section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {s.title}{' '}
        {!s.complete && (
          <Badge tone="attention" title={`Missing: ${s.missing.join(', ')}`}>
            Incomplete
          </Badge>
        )}
      </h3>
      {!s.complete && <p className="model-card__missing">Still needs {s.missing.join(', ')}.</p>}
      {s.blocks.map((b, i) => (
        // Blocks are positional within a section and never reorder.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Block key={i} block={b} />
      ))}
    </section>
  );
}

function Block({ block: b }: { block: CardBlock }) {
  switch (b.kind) {
    case 'text':
      return (
        <>
          {b.label && <h4>{b.label}</h4>}
          <p className="model-card__text">{b.text}</p>
        </>
      );
    case 'note':
      return <p className="muted">{b.text}</p>;
    case 'facts':
      return (
        <dl className="model-card__facts">
          {b.rows.map((r) => (
            <Fragment key={r.label}>
              <dt>{r.label}</dt>
              <dd>{r.value}</dd>
            </Fragment>
          ))}
        </dl>
      );
    case 'table':
      return (
        <div className="model-card__table">
          <table className="table">
            <thead>
              <tr>
                {b.head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a derived table have no identity of their own
                <tr key={i}>
                  {row.map((c, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

type Export = 'markdown' | 'pdf' | 'auditPack';

/** What a printable document is called in the messages. */
const PRINTED: Record<Exclude<Export, 'markdown'>, string> = { pdf: 'The card', auditPack: 'The audit pack' };

function ExportButtons({ modelId }: { modelId: string }) {
  const client = useKeel();
  const toast = useToasts((s) => s.show);
  const [busy, setBusy] = useState<Export | null>(null);
  const run = async (kind: Export) => {
    setBusy(kind);
    try {
      if (kind === 'markdown') {
        const file = await unwrap(client, 'models.cardMarkdown', { id: modelId });
        saveBase64File(file.fileName, file.base64);
        toast({ tone: 'info', message: `Exported ${file.fileName}.` });
        return;
      }
      const file = await unwrap(client, kind === 'pdf' ? 'models.cardPdf' : 'models.auditPackPdf', { id: modelId });
      if (file.kind === 'pdf') {
        saveBase64File(file.fileName, file.base64);
        toast({ tone: 'info', message: `Exported ${file.fileName} (${Math.max(1, Math.round(file.bytes / 1024))} KiB).` });
      } else if (openPrintable(file.html)) {
        toast({ tone: 'info', message: `${PRINTED[kind]} opened in a new tab: print it there and choose “Save as PDF”.` });
      } else {
        toast({ tone: 'error', message: 'The browser blocked the new tab; allow pop-ups for Keel and try again.' });
      }
    } catch (error) {
      toast({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };
  const button = (kind: Export, label: string) => (
    <button type="button" className="button" disabled={busy !== null} onClick={() => void run(kind)}>
      {busy === kind ? 'Preparing…' : label}
    </button>
  );
  return (
    <fieldset className="model-card__export" aria-label="Export">
      <span className="model-card__export-label">Export</span>
      {button('markdown', 'Markdown')}
      {button('pdf', 'PDF')}
      {button('auditPack', 'Audit pack (PDF)')}
    </fieldset>
  );
}

function NarrativeDrawer({ model, view, onClose }: { model: ModelDetail; view: ModelCardView; onClose(): void }) {
  const update = useCommand('models.updateCard');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(cardUpdateInput, { id: model.id, ...view.narrative, expectedUpdatedAt: view.updatedAt }, { idPrefix: 'card' });
  return (
    <Drawer title={`Model card of ${model.name}`} onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async (values) => {
            await update.mutateAsync(values);
            toast({ tone: 'info', message: `Saved the card of ${model.name}.` });
            onClose();
          });
        }}
      >
        <p className="muted model-card__intro">
          Everything else on the card comes from the model’s record, versions, approvals and deployments; only these are written by hand.
        </p>
        {NARRATIVE_FIELDS.map((f, i) => (
          <TextArea key={f} {...form.field(f)} label={NARRATIVE_LABELS[f]} hint={NARRATIVE_HINTS[f]} rows={4} autoFocus={i === 0} />
        ))}
        <FormFooter error={form.formError} saving={form.saving} submitLabel="Save card" onCancel={onClose} />
      </form>
    </Drawer>
  );
}
