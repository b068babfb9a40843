import type { SpecialistListItem } from '@shared/clients/contract/specialists';
import type { ReferenceData } from '@shared/kernel/reference';
import { useId, useMemo, useState } from 'react';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A searchable select: type part of a name or role, pick with the arrow keys
 * and Enter (or the mouse). Escape closes the list and keeps the current choice.
 */
export function SpecialistPicker({
  specialists,
  value,
  onChange,
  reference,
}: {
  specialists: SpecialistListItem[];
  value: string | null;
  onChange(id: string): void;
  reference: ReferenceData;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const roleLabel = useMemo(() => new Map(reference.roles.map((r) => [r.value, r.label])), [reference.roles]);
  const selected = specialists.find((s) => s.id === value) ?? null;
  const matches = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return specialists.filter((s) => {
      const haystack = fold(`${s.fullName} ${roleLabel.get(s.role) ?? s.role}`);
      return words.every((w) => haystack.includes(w));
    });
  }, [specialists, query, roleLabel]);
  const active = matches[Math.min(highlight, matches.length - 1)];

  const choose = (s: SpecialistListItem) => {
    setOpen(false);
    setQuery('');
    if (s.id !== value) onChange(s.id);
  };

  return (
    <div className="picker">
      <input
        className="picker__input"
        role="combobox"
        aria-label="Specialist"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active ? `${listId}-${active.id}` : undefined}
        placeholder={selected ? selected.fullName : 'Find a specialist…'}
        value={open ? query : (selected?.fullName ?? '')}
        onFocus={(e) => {
          setOpen(true);
          setQuery('');
          setHighlight(Math.max(0, value ? specialists.findIndex((s) => s.id === value) : 0));
          e.currentTarget.select();
        }}
        onBlur={() => setOpen(false)}
        onChange={(e) => {
          setQuery(e.target.value);
          setHighlight(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) setOpen(true);
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setHighlight((h) => Math.min(Math.max(0, Math.min(h, matches.length - 1) + step), Math.max(0, matches.length - 1)));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (open && active) choose(active);
          } else if (e.key === 'Escape') {
            setOpen(false);
            setQuery('');
          }
        }}
      />
      {open && (
        <div className="picker__list" id={listId} role="listbox" aria-label="Specialists">
          {matches.length === 0 && <div className="picker__none">No specialist matches “{query}”.</div>}
          {matches.map((s) => (
            <div
              key={s.id}
              tabIndex={-1}
              id={`${listId}-${s.id}`}
              role="option"
              aria-selected={s.id === active?.id}
              className={`picker__option${s.id === active?.id ? ' is-active' : ''}${s.id === value ? ' is-chosen' : ''}`}
              // Choose before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(s);
              }}
            >
              <span>{s.fullName}</span>
              <span className="picker__meta">
                {roleLabel.get(s.role) ?? s.role}
                {s.status === 'left' ? ' · left' : s.status === 'bench' ? ' · on the bench' : ''}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
