import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Pipeline } from '../../api/crm.ts';
import { useDealFields } from '../../api/crm-deal-fields.ts';
import { FormCard } from '../../app/FormCard.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { DealCustomFields } from '../../crm-fields/DealCustomFields.tsx';
import { CURRENCIES } from '../money.ts';
import { PartySelect } from '../PartySelect.tsx';
import { explained } from '../problems.ts';
import { UserSelect } from '../UserSelect.tsx';
import type { DealDraft } from './deal-draft.ts';

const FIELDS = [
  'title',
  'amount',
  'currency',
  'pipelineId',
  'stageId',
  'contactId',
  'companyId',
  'responsibleId',
  'comment',
  // The company's own fields: their messages show beside each (DealCustomFields).
  'fields',
];

export interface DealFormProps {
  /** Names the form for screen readers. */
  label: string;
  draft: DealDraft;
  onChange: (draft: DealDraft) => void;
  pipelines: readonly Pipeline[];
  /** The names of the chosen contact and company, which the form shows before any search. */
  names: { contact: string | null; company: string | null };
  /** The server's refusal of the last save; its field errors show beside the fields. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  /** Above the fields: a notice about the deal as stored (changed by someone else). */
  notice?: ReactNode;
}

/**
 * A deal's fields: title, amount and currency, pipeline and stage, with whom, who is responsible, the
 * company's own deal fields (those required at the chosen stage marked), a comment.
 */
export function DealForm(props: DealFormProps) {
  const { t } = useTranslation('crm');
  const { draft, pipelines } = props;
  const errors = fieldErrorsOf(props.error, FIELDS);
  const definitions = useDealFields().data?.items ?? [];
  const set = (change: Partial<DealDraft>) => props.onChange({ ...draft, ...change });
  const pipeline = pipelines.find((p) => p.id === draft.pipelineId);
  const choosePipeline = (id: string | null) => {
    const next = pipelines.find((p) => p.id === id);
    if (next) set({ pipelineId: next.id, stageId: next.stages[0]?.id ?? '' });
  };

  return (
    <FormCard
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {props.notice}
      <FormProblem error={explained(props.error, t)} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('deal.fields.title')}
          required
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
        />
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <NumberInput
            label={t('deal.fields.amount')}
            value={draft.amount}
            onChange={(amount) => set({ amount })}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            hideControls
            error={errors.amount}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Select
            label={t('deal.fields.currency')}
            data={[...new Set([...CURRENCIES, draft.currency])]}
            value={draft.currency}
            onChange={(currency) => currency && set({ currency })}
            allowDeselect={false}
            error={errors.currency}
            w="6.5rem"
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('deal.fields.pipeline')}
            data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
            value={draft.pipelineId || null}
            onChange={choosePipeline}
            allowDeselect={false}
            required
            error={errors.pipelineId}
          />
          <Select
            label={t('deal.fields.stage')}
            data={(pipeline?.stages ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={draft.stageId || null}
            onChange={(stageId) => stageId && set({ stageId })}
            allowDeselect={false}
            required
            error={errors.stageId}
          />
          <PartySelect
            kind="contacts"
            label={t('deal.fields.contact')}
            value={draft.contactId}
            name={props.names.contact}
            onChange={(contactId) => set({ contactId })}
            error={errors.contactId}
          />
          <PartySelect
            kind="companies"
            label={t('deal.fields.company')}
            value={draft.companyId}
            name={props.names.company}
            onChange={(companyId) => set({ companyId })}
            error={errors.companyId}
          />
        </SimpleGrid>
        <UserSelect
          label={t('deal.fields.responsible')}
          value={draft.responsibleId}
          onChange={(responsibleId) => set({ responsibleId })}
          error={errors.responsibleId}
        />
        <DealCustomFields
          definitions={definitions}
          values={draft.fields}
          onChange={(fields) => set({ fields })}
          stageId={draft.stageId}
          errors={props.error instanceof ApiError ? props.error.fieldErrors('body.fields') : {}}
        />
        <Textarea
          label={t('deal.fields.comment')}
          autosize
          minRows={3}
          maxRows={12}
          value={draft.comment}
          onChange={(e) => set({ comment: e.currentTarget.value })}
          error={errors.comment}
        />
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button
          type="submit"
          loading={props.pending}
          disabled={draft.title.trim() === '' || !draft.pipelineId}
        >
          {props.submitLabel}
        </Button>
      </Group>
    </FormCard>
  );
}
