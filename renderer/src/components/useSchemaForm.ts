import { CallError } from '@renderer/api/queries';
import { useUnsaved } from '@renderer/app/stores';
import type { FieldIssue } from '@shared/kernel/errors';
import { toFieldIssues } from '@shared/kernel/validate';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';

/**
 * Form state validated by the same schema the backend uses at its boundary,
 * so the inline messages and the server's refusals say the same thing.
 * Messages appear once a field is left or the form is submitted; a refusal
 * from the backend (duplicate name, archived client…) lands on its field.
 */
export function useSchemaForm<S extends z.ZodType<unknown, Record<string, unknown>>>(schema: S, initial: z.input<S>) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const parsed = useMemo(() => schema.safeParse(values), [schema, values]);
  const [pristine] = useState(() => JSON.stringify(initial));
  const dirty = JSON.stringify(values) !== pristine;
  const setDirty = useUnsaved((s) => s.setDirty);
  useEffect(() => {
    setDirty(dirty);
  }, [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
  const clientErrors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.error)) {
        const key = issue.path.split('.')[0] ?? '';
        out[key] ??= issue.message;
      }
    }
    return out;
  }, [parsed]);

  function errorFor(field: string): string | undefined {
    const server = serverIssues.find((i) => i.path.split('.')[0] === field);
    if (server) return server.message;
    return submitted || touched.has(field) ? clientErrors[field] : undefined;
  }

  function set<K extends keyof z.input<S> & string>(field: K, value: z.input<S>[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setServerIssues((issues) => issues.filter((i) => i.path.split('.')[0] !== field));
    setFormError(null);
  }

  function blur(field: string) {
    setTouched((t) => new Set(t).add(field));
  }

  async function submit(save: (data: z.output<S>) => Promise<unknown>): Promise<boolean> {
    setSubmitted(true);
    setFormError(null);
    if (!parsed.success) {
      setFormError('Please correct the highlighted fields.');
      return false;
    }
    setSaving(true);
    try {
      setDirty(false); // saved values are no longer "unsaved", even before the form reloads
      await save(parsed.data);
      return true;
    } catch (error) {
      setDirty(dirty);
      if (error instanceof CallError) {
        setServerIssues(error.error.issues ?? []);
        setFormError(error.error.message);
      } else setFormError(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      setSaving(false);
    }
  }

  return { values, set, blur, errorFor, submit, formError, saving, dirty, isValid: parsed.success };
}
