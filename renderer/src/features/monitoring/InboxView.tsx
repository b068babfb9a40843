import { readBase64 } from '@renderer/api/client';
import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { instant } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { FormFooter, NumberField, TextField } from '@renderer/ui/fields';
import type { ReadingImport } from '@shared/monitoring/contract/readings';
import { READING_SOURCE_LABELS } from '@shared/monitoring/rules/vocabulary';
import { useId, useState } from 'react';

/** Where files of readings arrive (the inbox folder, or picked here), what was taken or refused, and the settings that read them. */
export function InboxView({ clientId }: { clientId: string }) {
  const inbox = useProcedure('monitoring.inbox', {});
  const scan = useCommand('monitoring.scanInbox');
  const upload = useCommand('readings.import');
  const toast = useToasts((s) => s.show);
  const [problems, setProblems] = useState<string[]>([]);
  const fileId = useId();
  return (
    <div className="mon-inbox">
      <section aria-labelledby="mon-inbox-h" className="mon-section">
        <h3 id="mon-inbox-h">Inbox folder</h3>
        <p>
          A scheduled job drops files of readings into <code className="mon-path">{inbox.data?.folder ?? '…'}</code>. Keel looks every few
          seconds, imports each file whole or not at all, and moves it to <code>processed/</code> or <code>rejected/</code> with a report
          beside it. Write under a name ending in <code>.part</code> and rename when complete.
        </p>
        <p>
          {inbox.data?.waiting.length ? `Waiting: ${inbox.data.waiting.join(', ')}. ` : 'Nothing is waiting. '}
          <button
            type="button"
            className="button"
            disabled={scan.isPending}
            onClick={() =>
              scan.mutate(
                {},
                {
                  onSuccess: (taken) =>
                    toast({
                      tone: 'info',
                      message:
                        taken.length === 0 ? 'The inbox is empty.' : `Took ${taken.length} ${taken.length === 1 ? 'file' : 'files'}.`,
                    }),
                  onError: (e) => toast({ tone: 'error', message: e.message }),
                },
              )
            }
          >
            {scan.isPending ? 'Looking…' : 'Look in the inbox now'}
          </button>
        </p>
        <div className="mon-upload">
          <label htmlFor={fileId}>Import a file now (CSV, Excel, Keel’s readings export or a Prometheus answer, up to 10 MB)</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,.json,text/csv,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setProblems([]);
              try {
                const result = await upload.mutateAsync({ fileName: file.name, base64: await readBase64(file) });
                toast({
                  tone: 'info',
                  message: `${file.name}: ${result.readings} readings (${result.added} new, ${result.changed} replaced).`,
                });
              } catch (error) {
                if (error instanceof CallError)
                  setProblems(error.error.issues?.length ? error.error.issues.map((i) => i.message) : [error.message]);
                else setProblems([String(error)]);
              }
            }}
          />
          {problems.length > 0 && (
            <div className="form__error" role="alert">
              <p>Nothing was imported:</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </section>
      <section aria-labelledby="mon-recent-h" className="mon-section">
        <h3 id="mon-recent-h">Latest files</h3>
        <ImportsTable rows={inbox.data?.recent ?? []} />
      </section>
      <div className="mon-columns">
        {clientId ? (
          <MappingForm key={clientId} clientId={clientId} />
        ) : (
          <p className="muted">Choose a client to set how its Prometheus labels name models.</p>
        )}
        <SettingsForm />
      </div>
    </div>
  );
}

function ImportsTable({ rows }: { rows: ReadingImport[] }) {
  if (rows.length === 0) return <p className="muted">No readings have arrived yet.</p>;
  return (
    <table className="data-table mon-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">File</th>
          <th scope="col">From</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{instant(r.at)}</td>
            <td>
              {r.fileName}
              <div className="muted">{r.viaInbox ? 'inbox' : r.source === 'manual' ? 'typed' : 'picked in the app'}</div>
            </td>
            <td>{READING_SOURCE_LABELS[r.source]}</td>
            <td>
              {r.status === 'imported' ? (
                <>
                  <Badge tone="ok">Imported</Badge> {r.readings} readings of {r.models} {r.models === 1 ? 'model' : 'models'} ({r.added}{' '}
                  new, {r.changed} replaced, {r.unchanged} already kept)
                </>
              ) : (
                <>
                  <Badge tone="critical">Refused</Badge> {r.problems[0]}
                  {r.problems.length > 1 && ` (and ${r.problems.length - 1} more)`}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MappingForm({ clientId }: { clientId: string }) {
  const mapping = useProcedure('monitoring.mapping', { clientId });
  const save = useCommand('monitoring.saveMapping');
  const toast = useToasts((s) => s.show);
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!mapping.data) return <p className="list-status">Loading…</p>;
  const values = draft ?? {
    modelLabel: mapping.data.modelLabel,
    metricLabel: mapping.data.metricLabel,
    segmentLabel: mapping.data.segmentLabel,
    versionLabel: mapping.data.versionLabel,
  };
  const field = (key: 'modelLabel' | 'metricLabel' | 'segmentLabel' | 'versionLabel', label: string, hint: string) => (
    <TextField
      id={`map-${key}`}
      label={label}
      hint={hint}
      value={values[key] ?? ''}
      onChange={(v: string) => setDraft({ ...values, [key]: v })}
      onBlur={() => {}}
    />
  );
  return (
    <form
      className="form form--boxed mon-section"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        save.mutate(
          {
            clientId,
            modelLabel: values.modelLabel ?? '',
            metricLabel: values.metricLabel ?? '',
            segmentLabel: values.segmentLabel ?? '',
            versionLabel: values.versionLabel ?? '',
          },
          { onSuccess: () => toast({ tone: 'info', message: 'Saved the Prometheus labels.' }), onError: (err) => setError(err.message) },
        );
      }}
    >
      <h3 className="form__title">Prometheus labels {mapping.data.saved ? '' : '(not saved yet)'}</h3>
      {field('modelLabel', 'Model label', 'Its values are the models’ names or ids.')}
      {field('metricLabel', 'Metric label', '__name__ is the series’ own name.')}
      {field('segmentLabel', 'Segment label', 'Optional.')}
      {field('versionLabel', 'Version label', 'Optional; its values are version labels.')}
      <FormFooter
        error={error}
        saving={save.isPending}
        submitLabel="Save labels"
        cancelLabel="Undo changes"
        onCancel={() => setDraft(null)}
      />
    </form>
  );
}

function SettingsForm() {
  const settings = useProcedure('monitoring.settings', {});
  const update = useCommand('monitoring.updateSettings');
  const toast = useToasts((s) => s.show);
  const [days, setDays] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return null;
  const value = days ?? settings.data.unmonitoredDays;
  return (
    <form
      className="form form--boxed mon-section"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        update.mutate(
          { unmonitoredDays: value },
          {
            onSuccess: (s) =>
              toast({ tone: 'info', message: `A production model is unmonitored after ${s.unmonitoredDays} days without a reading.` }),
            onError: (err) => setError(err.message),
          },
        );
      }}
    >
      <h3 className="form__title">Silent failures</h3>
      <NumberField
        id="mon-days"
        label="Days without a reading before a production model is unmonitored"
        value={value}
        onChange={(n) => setDays(Number.isNaN(n) ? undefined : n)}
        onBlur={() => {}}
      />
      <FormFooter
        error={error}
        saving={update.isPending}
        submitLabel="Save"
        cancelLabel="Undo changes"
        onCancel={() => setDays(undefined)}
      />
    </form>
  );
}
