import { useCommand, useProcedure } from '@renderer/api/queries';
import { FormFooter, optionsOf, SelectField, TextArea, TextField } from '@renderer/ui/fields';
import { InstantField, useInstant } from '@renderer/ui/fields/InstantField';
import {
  DETECTION_LABELS,
  DETECTION_SOURCES,
  type DetectionSource,
  type IncidentSeverity,
  SEVERITIES,
  SEVERITY_LABELS,
} from '@shared/operations/rules/vocabulary';
import { useState } from 'react';

const valueText = (v: number | null, unit: string) => (v === null ? '—' : `${Number(v.toPrecision(4))}${unit ? ` ${unit}` : ''}`);

/**
 * Open an incident on a model: how it was detected (an SLO in breach offers its reading), the severity, and the
 * responder the ownership matrix names at the detection instant — someone else only with a reason.
 */
export function OpenIncidentForm({ modelId: fixed, onDone, onCancel }: { modelId?: string; onDone(id: string): void; onCancel(): void }) {
  const models = useProcedure('models.list', { stage: 'production', sort: 'name', direction: 'asc' }, fixed === undefined);
  const [modelId, setModelId] = useState(fixed ?? '');
  const model = useProcedure('models.get', { id: modelId }, modelId !== '');
  const engagementId = model.data?.engagementId ?? '';
  const retraining = useProcedure('retraining.forModel', { modelId }, modelId !== '');
  const options = useProcedure('ceremonies.options', { engagementId }, engagementId !== '');
  const when = useInstant();
  const who = useProcedure('ownership.whoResponds', { modelId, at: when.instant.replace('.000Z', 'Z') }, modelId !== '');
  const [severity, setSeverity] = useState<IncidentSeverity | ''>('');
  const [title, setTitle] = useState('');
  const [detectedBy, setDetectedBy] = useState<DetectionSource | ''>('');
  const [sloId, setSloId] = useState('');
  const [detail, setDetail] = useState('');
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = useCommand('incidents.open');
  const breaches = retraining.data?.breaches ?? [];
  const people = options.data?.people ?? [];
  return (
    <form
      className="form form--boxed ops-open"
      noValidate
      aria-label="Open an incident"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (!modelId || !severity || !detectedBy) {
          setError('Choose the model, the severity and how it was detected.');
          return;
        }
        const [kind, id] = other.split(':');
        open
          .mutateAsync({
            modelId,
            severity,
            title,
            detectedAt: when.instant.replace('.000Z', 'Z'),
            detectedBy,
            sloId: detectedBy === 'slo_breach' ? sloId || null : null,
            detail,
            responder: kind && id ? { kind: kind as 'specialist' | 'contact', id } : null,
            responderReason: other ? reason : '',
          })
          .then(
            (created) => onDone(created.id),
            (err: Error) => setError(err.message),
          );
      }}
    >
      {fixed === undefined && (
        <SelectField
          id="incident-model"
          label="Model"
          value={modelId}
          placeholder="Choose a model in production"
          options={(models.data?.rows ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.clientName})` }))}
          onChange={setModelId}
          error={undefined}
        />
      )}
      <SelectField
        id="incident-severity"
        label="Severity"
        value={severity}
        placeholder="Choose the severity"
        options={optionsOf(SEVERITIES, SEVERITY_LABELS)}
        onChange={setSeverity}
        error={undefined}
      />
      <TextField id="incident-title" label="What is happening" value={title} onChange={setTitle} error={undefined} wide />
      <InstantField id="incident-detected" label="Detected" date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} />
      <SelectField
        id="incident-source"
        label="Detected by"
        value={detectedBy}
        placeholder="Choose how it was detected"
        options={optionsOf(DETECTION_SOURCES, DETECTION_LABELS)}
        onChange={setDetectedBy}
        error={undefined}
      />
      {detectedBy === 'slo_breach' && (
        <SelectField
          id="incident-slo"
          label="SLO in breach"
          value={sloId}
          placeholder={breaches.length === 0 ? 'No SLO of this model is in breach now' : 'Choose the SLO'}
          options={breaches.map((b) => ({
            value: b.sloId,
            label: `${b.metric}: ${valueText(b.value, b.unit)}${b.reading ? ` (worst reading ${valueText(b.reading.value, b.unit)})` : ''}`,
          }))}
          onChange={setSloId}
          error={undefined}
          wide
        />
      )}
      <TextArea id="incident-detail" label="Detail" value={detail} onChange={setDetail} error={undefined} />
      <div className="ops-open__who field--wide" aria-live="polite">
        <strong>Responder from the ownership matrix:</strong>{' '}
        {!modelId
          ? 'choose the model'
          : who.error
            ? who.error.message
            : who.data
              ? `${who.data.responder?.name ?? 'nobody'} — ${who.data.reason}`
              : '…'}
      </div>
      <SelectField
        id="incident-other"
        label="Someone else responds"
        value={other}
        placeholder="No: the matrix’s responder"
        options={people.map((p) => ({ value: `${p.kind}:${p.id}`, label: `${p.name}${p.kind === 'contact' ? ' (client)' : ''}` }))}
        onChange={setOther}
        error={undefined}
      />
      {other && <TextField id="incident-reason" label="Why someone else" value={reason} onChange={setReason} error={undefined} wide />}
      <FormFooter error={error} saving={open.isPending} submitLabel="Open the incident" onCancel={onCancel} />
    </form>
  );
}
