import { useCommand } from '@renderer/api/queries';
import type { Activity } from '@shared/billing/rules/activities';
import { useState } from 'react';

export type NoteTarget = {
  engagementId: string;
  activity: Activity;
  modelId: string | null;
  date: string;
  label: string;
  /** Saved minutes of the cell; a note needs hours to belong to. */
  minutes: number | null;
  note: string;
  /** Why the cell cannot be changed, or null. */
  lock: string | null;
};

/**
 * The note of the cell last focused in the grid, saved with the cell on
 * Enter or when the field is left. Mount it with a key per cell so the text
 * starts from that cell's note.
 */
export function CellNote({ specialistId, target }: { specialistId: string; target: NoteTarget | null }) {
  const [text, setText] = useState(target?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const setCell = useCommand('time.setCell');
  const disabled = !target || target.minutes === null || target.lock !== null;

  const save = async () => {
    if (!target || target.minutes === null || text.trim() === target.note.trim()) return;
    setError(null);
    try {
      await setCell.mutateAsync({
        specialistId,
        engagementId: target.engagementId,
        activity: target.activity,
        modelId: target.modelId,
        date: target.date,
        minutes: target.minutes,
        note: text,
      });
      setSaved(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const hint = !target
    ? 'Focus a cell to add a note to its hours.'
    : target.lock
      ? target.lock
      : target.minutes === null
        ? 'Enter hours in this cell first; the note is kept with them.'
        : saved
          ? 'Note saved.'
          : 'Saved with the cell when you press Enter or leave the field.';

  return (
    <div className="ts-note">
      <label htmlFor="ts-note-input">Note{target ? <span className="ts-note__where"> — {target.label}</span> : null}</label>
      <input
        id="ts-note-input"
        type="text"
        maxLength={1000}
        value={text}
        disabled={disabled}
        placeholder={disabled ? '' : 'What was done, e.g. the ticket or model'}
        aria-invalid={error ? true : undefined}
        aria-describedby="ts-note-hint"
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            setText(target?.note ?? '');
            setError(null);
          }
        }}
      />
      <p id="ts-note-hint" className={error ? 'field__error' : 'field__hint'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </p>
    </div>
  );
}
