import { useProcedure } from '@renderer/api/queries';
import { now } from '@renderer/app/clock';
import type { Slots } from '@renderer/app/slots';
import { day, instant } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import type { MatrixPerson, WhoResponds } from '@shared/ownership/contract/matrix';
import { ROLE_LABELS } from '@shared/ownership/rules/vocabulary';
import { useEffect, useId, useRef, useState } from 'react';
import './slots.css';

/**
 * "Who responds now?" on a model's page: one click asks the backend who answers an incident on the
 * model at this instant (the incident-response Accountable, else the Backup) and shows how to reach
 * them. A small panel under the button: focus moves into it, Escape or Close puts it back on the button.
 */
export function WhoRespondsButton({ model }: Slots['model.actions']) {
  // The instant asked about, taken from the app's clock when the button is pressed; null while closed.
  const [at, setAt] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const open = at !== null;
  const close = (refocus: boolean) => {
    setAt(null);
    if (refocus) button.current?.focus();
  };

  // A click elsewhere on the page closes the panel and leaves focus where it went.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !wrapper.current?.contains(e.target)) setAt(null);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [open]);

  return (
    <div className="own-responds" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setAt(now().toISOString()))}
      >
        Who responds now?
      </button>
      {at !== null && (
        <ResponderPanel
          id={panelId}
          modelId={model.id}
          modelName={model.name}
          at={at}
          onAgain={() => setAt(now().toISOString())}
          onClose={() => close(true)}
        />
      )}
    </div>
  );
}

function ResponderPanel({
  id,
  modelId,
  modelName,
  at,
  onAgain,
  onClose,
}: {
  id: string;
  modelId: string;
  modelName: string;
  at: string;
  onAgain(): void;
  onClose(): void;
}) {
  const answer = useProcedure('ownership.whoResponds', { modelId, at });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      id={id}
      className="own-responds__panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <h2 className="own-responds__title" id={`${id}-title`} ref={heading} tabIndex={-1}>
        Who responds now on {modelName}?
      </h2>
      <div aria-live="polite">
        {answer.error && <p className="own-slot__error">{answer.error.message}</p>}
        {!answer.data && !answer.error && <p className="muted">Asking the ownership matrix…</p>}
        {answer.data && <Answer who={answer.data} />}
      </div>
      <div className="own-responds__actions">
        <button type="button" className="button button--small" onClick={onAgain} disabled={answer.isFetching}>
          Ask again
        </button>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function Answer({ who }: { who: WhoResponds }) {
  const r = who.responder;
  return (
    <>
      <p className="own-responds__when muted">
        At {instant(who.at)} (the client’s day: {day(who.date)})
      </p>
      {r ? (
        <section className="own-responds__responder" aria-label="Responder">
          <p className="own-responds__name">
            <strong>{r.name}</strong> <Badge tone={r.role === 'accountable' ? 'info' : 'attention'}>{ROLE_LABELS[r.role]}</Badge>
          </p>
          {r.title && <p className="muted own-responds__role">{r.title}</p>}
          <Contact person={r} />
        </section>
      ) : (
        <p className="notice notice--bad own-responds__nobody">
          <strong>Nobody responds.</strong>
        </p>
      )}
      <p className="own-responds__reason">{who.reason}</p>
      <dl className="own-responds__cover">
        <dt>Accountable</dt>
        <dd>{who.accountable ? <PersonLine person={who.accountable} /> : <span className="muted">nobody named</span>}</dd>
        <dt>Backup</dt>
        <dd>{who.backup ? <PersonLine person={who.backup} /> : <span className="muted">nobody named</span>}</dd>
      </dl>
    </>
  );
}

/** A person's name with their reach, compact. */
function PersonLine({ person }: { person: MatrixPerson }) {
  return (
    <>
      {person.name}
      {person.inactive && <span className="muted"> (no longer active)</span>}
      <Contact person={person} compact />
    </>
  );
}

/** Email and phone as links the system hands to the mail and phone apps. */
function Contact({ person, compact = false }: { person: MatrixPerson; compact?: boolean }) {
  if (!person.email && !person.phone) return compact ? null : <p className="muted">No email or phone on record.</p>;
  return (
    <span className={compact ? 'own-contact own-contact--compact' : 'own-contact'}>
      {person.email && (
        <a href={`mailto:${person.email}`} aria-label={`Email ${person.name}: ${person.email}`}>
          {person.email}
        </a>
      )}
      {person.phone && (
        <a href={`tel:${dialable(person.phone)}`} aria-label={`Call ${person.name}: ${person.phone}`}>
          {person.phone}
        </a>
      )}
    </span>
  );
}

/** A phone number as a tel: link wants it: digits and a leading plus. */
export const dialable = (phone: string): string => phone.replace(/(?!^\+)[^\d]/g, '');
