import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts } from '@renderer/app/stores';
import { day, instantDay } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { FormFooter, type FormValues, NumberField, TextArea, TextField, useSchemaForm } from '@renderer/ui/fields';
import type { Client } from '@shared/clients/contract/clients';
import { type ClientContact, contactFields } from '@shared/portfolio/contract/contacts';
import { settingsInput } from '@shared/portfolio/contract/portfolio';
import { joinWords } from '@shared/portfolio/rules/lifecycle';
import { RISK_TIER_LABELS, STAGE_LABELS, STAGES } from '@shared/portfolio/rules/vocabulary';
import { useState } from 'react';
import { daysWords, RISK_TONE, STAGE_TONE } from './labels';
import { PolicySection } from './PolicySection';
import { usePortfolioList } from './portfolioStore';

/** The client page's portfolio sections: its contacts, and its models' funnel, graveyard and production record. */
export function ClientPortfolio({ client }: { client: Client }) {
  return (
    <>
      <ClientContacts client={client} />
      <PortfolioFacts clientId={client.id} />
      <PolicySection clientId={client.id} archived={Boolean(client.archivedAt)} />
    </>
  );
}

function ClientContacts({ client }: { client: Client }) {
  const list = useProcedure('contacts.list', { clientId: client.id });
  const [editing, setEditing] = useState<string | null>(null);
  const archived = Boolean(client.archivedAt);
  return (
    <section className="history" aria-labelledby="client-contacts">
      <h3 id="client-contacts">Contacts</h3>
      {list.error ? (
        <p className="list-status list-status--error">Could not load the contacts: {list.error.message}</p>
      ) : !list.data ? null : list.data.rows.length === 0 ? (
        <p className="muted">No contact yet: business owners and approvers are the client’s own people.</p>
      ) : (
        <ul className="related contacts">
          {list.data.rows.map((c) =>
            editing === c.id ? (
              <li key={c.id}>
                <ContactForm clientId={client.id} contact={c} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={c.id}>
                <strong>{c.name}</strong>
                {c.title && <span className="muted">, {c.title}</span>}
                {!archived && (
                  <>
                    {' '}
                    <button type="button" className="link" onClick={() => setEditing(c.id)} aria-label={`Edit ${c.name}`}>
                      Edit
                    </button>
                  </>
                )}
                <div className="muted">{[c.email, c.phone].filter(Boolean).join(' · ')}</div>
                {c.notes && <div className="muted">{c.notes}</div>}
              </li>
            ),
          )}
        </ul>
      )}
      {!archived &&
        (editing === 'new' ? (
          <ContactForm clientId={client.id} contact={null} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" className="button button--small" onClick={() => setEditing('new')}>
            Add a contact
          </button>
        ))}
    </section>
  );
}

type ContactValues = FormValues<typeof contactFields>;

function ContactForm({ clientId, contact, onDone }: { clientId: string; contact: ClientContact | null; onDone(): void }) {
  const initial: ContactValues = contact
    ? { clientId, name: contact.name, title: contact.title, email: contact.email, phone: contact.phone, notes: contact.notes }
    : { clientId, name: '', title: '', email: '', phone: '', notes: '' };
  const form = useSchemaForm(contactFields, initial, { idPrefix: contact ? `contact-${contact.id}` : 'contact-new' });
  const create = useCommand('contacts.create');
  const update = useCommand('contacts.update');
  const toast = useToasts((s) => s.show);
  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async ({ clientId: _client, ...values }) => {
          if (contact) await update.mutateAsync({ ...values, id: contact.id, expectedUpdatedAt: contact.updatedAt });
          else await create.mutateAsync({ ...values, clientId });
          toast({ tone: 'info', message: `${contact ? 'Saved' : 'Added'} ${values.name}.` });
          onDone();
        });
      }}
    >
      <h3 className="form__title">{contact ? `Edit ${contact.name}` : 'New contact'}</h3>
      <TextField {...form.field('name')} />
      <TextField {...form.field('title')} label="Title" />
      <TextField {...form.field('email')} type="email" />
      <TextField {...form.field('phone')} />
      <TextArea {...form.field('notes')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={contact ? 'Save contact' : 'Add contact'} onCancel={onDone} />
    </form>
  );
}

function PortfolioFacts({ clientId }: { clientId: string }) {
  const facts = useProcedure('portfolio.client', { clientId });
  const go = useNav((s) => s.go);
  if (facts.error) return <p className="list-status list-status--error">Could not load the portfolio: {facts.error.message}</p>;
  const f = facts.data;
  if (!f) return null;
  const total = STAGES.reduce((sum, s) => sum + f.funnel[s], 0);
  const widest = Math.max(1, ...STAGES.map((s) => f.funnel[s]));
  const openList = () => {
    usePortfolioList.getState().setFilter('clientId', clientId);
    go({ area: 'portfolio', recordId: null });
  };
  return (
    <section className="history client-portfolio" aria-labelledby="client-portfolio">
      <h3 id="client-portfolio">Model portfolio</h3>
      {total === 0 ? (
        <p className="muted">No model registered for this client yet.</p>
      ) : (
        <>
          <p className="list-status">
            {total} {total === 1 ? 'model' : 'models'} · {f.productionLast12Months} in production during the last 12 months ·{' '}
            <button type="button" className="link" onClick={openList}>
              Open in the portfolio
            </button>
          </p>
          <ol className="funnel" aria-label="Stage funnel">
            {STAGES.map((s) => (
              <li key={s} className="funnel__stage">
                <span className="funnel__label">{STAGE_LABELS[s]}</span>
                <span className="funnel__bar" style={{ width: `${(f.funnel[s] / widest) * 100}%` }} aria-hidden="true" />
                <span className="funnel__count">{f.funnel[s]}</span>
              </li>
            ))}
          </ol>
          <h4>High-risk models in production without their evidence</h4>
          {f.productionLackingEvidence.length === 0 ? (
            <p className="muted">Every high and critical model in production has the evidence its promotion policy asks.</p>
          ) : (
            <ul className="related">
              {f.productionLackingEvidence.map((m) => (
                <li key={m.modelId}>
                  <button type="button" className="link" onClick={() => go({ area: 'portfolio', recordId: m.modelId })}>
                    {m.name}
                  </button>{' '}
                  <Badge tone={RISK_TONE[m.riskTier]}>{RISK_TIER_LABELS[m.riskTier]} risk</Badge>
                  <span className="muted">
                    {' '}
                    {m.championLabel === null
                      ? 'no champion serves production'
                      : `champion ${m.championLabel} lacks ${joinWords(m.missing)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h4>Prototype graveyard</h4>
          <p className="muted">
            Models in prototype or pilot for more than {daysWords(f.graveyardDays)}
            {f.graveyard.length > 0 && `: ${f.graveyard.length}, the oldest waiting ${daysWords(f.graveyardOldestDays)}`}.
          </p>
          {f.graveyard.length > 0 && (
            <ul className="related">
              {f.graveyard.map((m) => (
                <li key={m.id}>
                  <button type="button" className="link" onClick={() => go({ area: 'portfolio', recordId: m.id })}>
                    {m.name}
                  </button>{' '}
                  <Badge tone={STAGE_TONE[m.stage]}>{STAGE_LABELS[m.stage]}</Badge>
                  <span className="muted">
                    {' '}
                    since {day(m.stageSince)} ({daysWords(m.daysInStage)}) · last activity {instantDay(m.lastActivityAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <GraveyardSetting days={f.graveyardDays} />
    </section>
  );
}

/** The graveyard's number of days, one setting for every client. */
function GraveyardSetting({ days }: { days: number }) {
  const [open, setOpen] = useState(false);
  const save = useCommand('portfolio.updateSettings');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(settingsInput, { graveyardDays: days }, { idPrefix: 'graveyard' });
  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        Change the graveyard’s number of days
      </button>
    );
  }
  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await save.mutateAsync(values);
          toast({ tone: 'info', message: `The graveyard now holds models waiting more than ${daysWords(values.graveyardDays)}.` });
          setOpen(false);
        });
      }}
    >
      <NumberField {...form.field('graveyardDays')} label="Days in prototype or pilot" hint="For every client. Default 90." unit="days" />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Save" onCancel={() => setOpen(false)} />
    </form>
  );
}
