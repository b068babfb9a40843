import { useProcedure } from '@renderer/api/queries';
import {
  DateField,
  FormFooter,
  type FormOutput,
  type FormValues,
  NumberField,
  optionsOf,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from '@renderer/ui/fields';
import { parseSkillsText as parseTagsText } from '@shared/clients/rules/skills';
import { type ModelDetail, modelFields } from '@shared/portfolio/contract/models';
import { FIRST_STAGES } from '@shared/portfolio/rules/lifecycle';
import {
  AI_ACT_CATEGORIES,
  AI_ACT_CATEGORY_LABELS,
  MODEL_KIND_LABELS,
  MODEL_KINDS,
  REGULATED_DOMAIN_LABELS,
  REGULATED_DOMAINS,
  RISK_TIER_LABELS,
  RISK_TIERS,
  SERVING_MODE_LABELS,
  SERVING_MODES,
  STAGE_LABELS,
} from '@shared/portfolio/rules/vocabulary';
import { useState } from 'react';

export type ModelFormValues = FormValues<typeof modelFields>;

export const emptyModel: ModelFormValues = {
  clientId: '',
  engagementId: null,
  name: '',
  useCase: '',
  businessOwnerId: null,
  outcomeMetric: '',
  outcomeUnit: '',
  outcomeBaseline: null,
  outcomeTarget: null,
  riskTier: '',
  aiActCategory: '',
  regulatedDomain: 'none',
  kind: '',
  serving: '',
  dataSources: [],
  repositoryLink: '',
  registryLink: '',
  dashboardLink: '',
  runbookLink: '',
  tags: [],
  notes: '',
  inServiceSince: null,
  stage: 'idea',
};

export function modelValues(m: ModelDetail): ModelFormValues {
  const {
    clientId,
    engagementId,
    name,
    useCase,
    businessOwnerId,
    outcomeMetric,
    outcomeUnit,
    outcomeBaseline,
    outcomeTarget,
    riskTier,
    aiActCategory,
    regulatedDomain,
    kind,
    serving,
    dataSources,
    repositoryLink,
    registryLink,
    dashboardLink,
    runbookLink,
    tags,
    notes,
    inServiceSince,
    stage,
  } = m;
  return {
    clientId,
    engagementId,
    name,
    useCase,
    businessOwnerId,
    outcomeMetric,
    outcomeUnit,
    outcomeBaseline,
    outcomeTarget,
    riskTier,
    aiActCategory,
    regulatedDomain,
    kind,
    serving,
    dataSources,
    repositoryLink,
    registryLink,
    dashboardLink,
    runbookLink,
    tags,
    notes,
    inServiceSince,
    stage,
  };
}

type Props = {
  initial: ModelFormValues;
  /** A new model picks its client and first stage; an existing one keeps its client and moves stage on its page. */
  isNew: boolean;
  submitLabel: string;
  onSave(values: FormOutput<typeof modelFields>): Promise<unknown>;
  onCancel(): void;
};

const NONE = '';

/** A model's record: what it is for, its risk, how it serves, where it lives. */
export function ModelForm({ initial, isNew, submitLabel, onSave, onCancel }: Props) {
  const form = useSchemaForm(modelFields, initial, { idPrefix: 'model' });
  const { values } = form;
  const clients = useProcedure('clients.list', { archived: 'active', sort: 'name', direction: 'asc' });
  const engagements = useProcedure(
    'engagements.list',
    { clientId: values.clientId, archived: 'active', sort: 'name', direction: 'asc' },
    values.clientId !== '',
  );
  const contacts = useProcedure('contacts.list', { clientId: values.clientId }, values.clientId !== '');
  const [tagsText, setTagsText] = useState(initial.tags.join(', '));
  const [sourcesText, setSourcesText] = useState(initial.dataSources.join(', '));
  const engagementField = form.field('engagementId');
  const ownerField = form.field('businessOwnerId');

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(onSave);
      }}
    >
      {isNew && (
        <SelectField
          {...form.field('clientId')}
          label="Client"
          placeholder="Choose a client"
          options={(clients.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => {
            form.set('clientId', v);
            form.set('engagementId', null);
            form.set('businessOwnerId', null);
          }}
          wide
        />
      )}
      <TextField {...form.field('name')} wide />
      <SelectField
        {...engagementField}
        value={engagementField.value ?? NONE}
        onChange={(v) => form.set('engagementId', v === NONE ? null : v)}
        options={[
          { value: NONE, label: 'None: in the client’s inventory only' },
          ...(engagements.data?.rows ?? []).map((e) => ({ value: e.id, label: e.name })),
        ]}
        hint="The engagement whose team runs it."
      />
      <SelectField
        {...ownerField}
        value={ownerField.value ?? NONE}
        onChange={(v) => form.set('businessOwnerId', v === NONE ? null : v)}
        options={[
          { value: NONE, label: 'Not named yet' },
          ...(contacts.data?.rows ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}, ${c.title}` : c.name })),
        ]}
        hint="A contact at the client; add contacts on the client’s page."
      />
      <TextArea {...form.field('useCase')} label="Use case" hint="The business problem it solves." />
      <TextField {...form.field('outcomeMetric')} label="Business outcome metric" />
      <TextField {...form.field('outcomeUnit')} label="Unit" />
      <NumberField {...form.field('outcomeBaseline')} nullable allowNegative label="Baseline" />
      <NumberField {...form.field('outcomeTarget')} nullable allowNegative label="Target" />
      <SelectField
        {...form.field('riskTier')}
        label="Risk tier"
        placeholder="Choose a tier"
        options={optionsOf(RISK_TIERS, RISK_TIER_LABELS)}
      />
      <SelectField
        {...form.field('aiActCategory')}
        placeholder="Choose a category"
        options={optionsOf(AI_ACT_CATEGORIES, AI_ACT_CATEGORY_LABELS)}
        hint="A prohibited system can never reach pilot or production."
      />
      <SelectField {...form.field('regulatedDomain')} options={optionsOf(REGULATED_DOMAINS, REGULATED_DOMAIN_LABELS)} />
      <SelectField {...form.field('kind')} placeholder="Choose a kind" options={optionsOf(MODEL_KINDS, MODEL_KIND_LABELS)} />
      <SelectField {...form.field('serving')} placeholder="Choose how it serves" options={optionsOf(SERVING_MODES, SERVING_MODE_LABELS)} />
      <TextField
        {...form.field('dataSources')}
        value={sourcesText}
        hint="Separate data sources with commas."
        onChange={(v) => {
          setSourcesText(v);
          form.set('dataSources', parseTagsText(v));
        }}
        wide
      />
      <TextField {...form.field('repositoryLink')} placeholder="https://" />
      <TextField {...form.field('registryLink')} placeholder="https://" />
      <TextField {...form.field('dashboardLink')} placeholder="https://" />
      <TextField {...form.field('runbookLink')} placeholder="https://" />
      <TextField
        {...form.field('tags')}
        value={tagsText}
        hint="Separate tags with commas."
        onChange={(v) => {
          setTagsText(v);
          form.set('tags', parseTagsText(v));
        }}
        wide
      />
      <DateField
        {...form.field('inServiceSince')}
        nullable
        label="In service since"
        hint="The day its history starts; empty means today. Stage changes are dated from it."
      />
      {isNew && (
        <SelectField
          {...form.field('stage')}
          label="First stage"
          options={FIRST_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
          hint="Production is reached by moving the model there, once its gate is met."
        />
      )}
      <TextArea {...form.field('notes')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
