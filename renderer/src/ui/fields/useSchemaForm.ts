import { CallError } from '@renderer/api/queries';
import { useUnsaved } from '@renderer/app/stores';
import type { FieldIssue } from '@shared/kernel/errors';
import { labelOf, toFieldIssues } from '@shared/kernel/validate';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';

/** A schema a form can edit: an object of fields (refinements allowed). */
type ObjectSchema = z.ZodObject;

/** A choice among named values (a status, a role) may be not made yet: '' until it is. */
type Draft<T> = T extends string ? (string extends T ? T : T | '') : T;

/** A field's value in the form: a default's inner type (the field shows it), an optional's type or undefined (left out). */
type FieldValue<F> =
  F extends z.ZodDefault<infer Inner>
    ? Draft<z.input<Inner>>
    : F extends z.ZodOptional<infer Inner>
      ? Draft<z.input<Inner>> | undefined
      : Draft<z.input<F>>;

/**
 * What the form holds: every key of the schema's shape, present. A key with a
 * default is still a field on the screen, so the form holds its value; an
 * optional key holds undefined while it is left out.
 */
export type FormValues<S extends ObjectSchema> = { [K in keyof S['shape']]: FieldValue<S['shape'][K]> };

/** What a valid form hands to its save: the schema's output. */
export type FormOutput<S extends ObjectSchema> = z.output<S>;

/** Key of a form's values. */
export type FieldKey<S extends ObjectSchema> = keyof FormValues<S> & string;

/** What a field component needs, for one key: spread it (`{...form.field('startDate')}`) and add the rest. */
export type BoundField<V> = {
  id: string;
  label: string;
  value: V;
  onChange: (value: V) => void;
  onBlur: () => void;
  error: string | undefined;
};

/**
 * Form state validated by the same schema the backend uses at its boundary,
 * so the inline messages and the server's refusals say the same thing.
 * Messages appear once a field is left or the form is submitted; a refusal
 * from the backend (duplicate name, archived client…) lands on its field.
 *
 * `field('key')` binds a field to a key of the schema's input type: the key,
 * its value's type and its onChange are checked by the compiler, no casts.
 */
export function useSchemaForm<S extends ObjectSchema>(schema: S, initial: FormValues<S>, options: { idPrefix?: string } = {}) {
  const [values, setValues] = useState<FormValues<S>>(initial);
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

  function errorFor(field: FieldKey<S>): string | undefined {
    const server = serverIssues.find((i) => i.path.split('.')[0] === field);
    if (server) return server.message;
    return submitted || touched.has(field) ? clientErrors[field] : undefined;
  }

  function set<K extends FieldKey<S>>(field: K, value: FormValues<S>[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setServerIssues((issues) => issues.filter((i) => i.path.split('.')[0] !== field));
    setFormError(null);
  }

  function blur(field: FieldKey<S>) {
    setTouched((t) => new Set(t).add(field));
  }

  function field<K extends FieldKey<S>>(key: K): BoundField<FormValues<S>[K]> {
    return {
      id: options.idPrefix ? `${options.idPrefix}-${key}` : key,
      label: labelOf(key),
      value: values[key],
      onChange: (value) => set(key, value),
      onBlur: () => blur(key),
      error: errorFor(key),
    };
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

  return { values, set, blur, field, errorFor, submit, formError, saving, dirty, isValid: parsed.success };
}
