import { useCommand } from '@renderer/api/queries';
import { useToasts, useUnsaved } from '@renderer/app/stores';
import { askConfirm, type ConfirmRequest } from '@renderer/ui/ConfirmDialog';
import type { Activity } from '@shared/billing/rules/activities';
import { formatDuration, parseDuration } from '@shared/billing/rules/duration';
import { useEffect, useRef, useState } from 'react';

/** What the user typed into a cell and has not saved yet, with why it was not saved. */
export type Draft = {
  text: string;
  /** 'invalid': the text is not a duration (never sent); 'refused': the backend said no. */
  problem: { kind: 'invalid' | 'refused'; message: string } | null;
  saving: boolean;
  /** Where the cell is, in words, for the message list. */
  label: string;
};

export type CellTarget = {
  key: string;
  engagementId: string;
  activity: Activity;
  /** The row's model, or null: part of the cell. */
  modelId: string | null;
  date: string;
  /** Minutes the server has in the cell, or null when empty. */
  minutes: number | null;
  /** How many entries the cell adds up (one per entry booked on the day), and their notes. */
  entryCount: number;
  note: string;
  label: string;
};

/**
 * What to ask before emptying a cell whose hours carry a note or come from
 * several entries (clearing deletes them all), or null for a plain cell,
 * which clears at once so the keyboard flow is not interrupted.
 */
export function clearQuestion(target: CellTarget): ConfirmRequest | null {
  if (target.minutes === null) return null;
  const many = target.entryCount > 1;
  if (!many && target.note.trim() === '') return null;
  const hours = `${formatDuration(target.minutes)} h`;
  const what = many ? `Its ${target.entryCount} entries (${hours} in all)` : `Its ${hours}`;
  const note = target.note.trim() === '' ? '' : ` and ${many ? 'their' : 'the'} note “${target.note}”`;
  return { title: `Clear ${target.label}?`, message: `${what}${note} will be deleted.`, confirmLabel: 'Clear hours', tone: 'danger' };
}

const without = (drafts: Record<string, Draft>, key: string) => {
  const { [key]: _, ...rest } = drafts;
  return rest;
};

/**
 * Editing the cells of one specialist's week. A cell keeps the typed text as a
 * draft until it is saved; text that is not a duration is never sent; a
 * refusal keeps the text and says why. Emptying a cell that has a note or
 * several entries asks first (`clearQuestion`). The duration rules are the domain's
 * (`parseDuration`), the entry rules the backend's.
 */
export function useCellEditor(specialistId: string) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [warnings, setWarnings] = useState<string[]>([]);
  const current = useRef(drafts);
  current.current = drafts;
  const inflight = useRef(new Map<string, string>());
  const setCell = useCommand('time.setCell');
  const setDirty = useUnsaved((s) => s.setDirty);

  // Unsaved text with a problem must not be thrown away by leaving the screen unasked.
  const unsaved = Object.values(drafts).some((d) => d.problem !== null);
  useEffect(() => {
    setDirty(unsaved);
  }, [unsaved, setDirty]);
  // A save still running when the week is left: its refusal goes to a toast instead of a cell that is gone.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      setDirty(false);
    };
  }, [setDirty]);
  const toast = useToasts((s) => s.show);

  const put = (key: string, draft: Draft) => setDrafts((d) => ({ ...d, [key]: draft }));

  const addWarnings = (more: readonly string[]) => setWarnings((w) => [...new Set([...w, ...more])]);

  const edit = (target: CellTarget, text: string) => put(target.key, { text, problem: null, saving: false, label: target.label });

  const revert = (key: string) => setDrafts((d) => without(d, key));

  /**
   * Saves the cell's draft if it changed. `retry` sends a refused value again
   * (Enter); leaving a refused cell unchanged does not repeat the refusal.
   */
  async function commit(target: CellTarget, retry = false): Promise<void> {
    const draft = current.current[target.key];
    if (!draft || draft.saving) return;
    const text = draft.text;
    if (inflight.current.get(target.key) === text) return;
    if (!retry && draft.problem?.kind === 'refused') return;
    let minutes: number | null;
    if (text.trim() === '') {
      if (target.minutes === null) return revert(target.key);
      const question = clearQuestion(target);
      if (question) {
        // Held as in flight while the question is open, so a blur meanwhile does not ask it a second time.
        inflight.current.set(target.key, text);
        const yes = await askConfirm(question);
        inflight.current.delete(target.key);
        if (!yes) {
          // The saved value comes back; Enter moves on at once, and the blur that follows must not ask again.
          current.current = without(current.current, target.key);
          return revert(target.key);
        }
      }
      minutes = null;
    } else {
      const parsed = parseDuration(text);
      if (!parsed.ok) return put(target.key, { ...draft, problem: { kind: 'invalid', message: parsed.message } });
      minutes = parsed.minutes;
    }
    if (minutes === target.minutes) return revert(target.key);
    inflight.current.set(target.key, text);
    put(target.key, { ...draft, problem: null, saving: true });
    const still = (d: Record<string, Draft>) => d[target.key]?.text === text;
    try {
      const result = await setCell.mutateAsync({
        specialistId,
        engagementId: target.engagementId,
        activity: target.activity,
        modelId: target.modelId,
        date: target.date,
        minutes,
      });
      // The week has been refetched by now: the cell shows the saved value (unless typed over meanwhile).
      setDrafts((d) => (still(d) ? without(d, target.key) : d));
      if (result.warnings.length) addWarnings(result.warnings);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!mounted.current) toast({ tone: 'error', message: `Not saved: ${message} (you typed “${text}”)` });
      setDrafts((d) => (still(d) ? { ...d, [target.key]: { ...draft, problem: { kind: 'refused', message }, saving: false } } : d));
    } finally {
      inflight.current.delete(target.key);
    }
  }

  return { drafts, warnings, addWarnings, dismissWarnings: () => setWarnings([]), edit, revert, commit };
}
