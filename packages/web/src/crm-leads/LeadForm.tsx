import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import { useFields } from '../api/crm-fields.ts';
import { fieldErrorsOf } from '../app/FormProblem.tsx';
import {
  AmountInputs,
  CommentInput,
  PipelineStageSelects,
  ResponsibleSelect,
} from '../crm/items/ItemFields.tsx';
import { ItemFormCard, type ItemFormProps } from '../crm/items/ItemFormCard.tsx';
import { CustomFields } from '../crm-fields/CustomFields.tsx';
import { identifies, LEAD_FIELDS, type LeadDraft } from './lead-draft.ts';
import { LEAD_KIND } from './lead-kind.ts';
import { explainedLead } from './lead-problems.ts';

type Text = 'title' | 'name' | 'companyTitle' | 'phone' | 'email' | 'source';

/**
 * A lead's fields: who it is from (name, company, phone, e-mail), where it came from, a title, amount
 * and currency, pipeline and stage (a new lead only: a stored one moves with the stage bar), who is
 * responsible, the company's own lead fields (those required at its stage marked), a comment.
 */
export function LeadForm(
  props: ItemFormProps<LeadDraft> & {
    /** The lead pipelines to choose from; none: the form does not offer pipeline and stage. */
    pipelines?: readonly Pipeline[];
  },
) {
  const { t } = useTranslation('leads');
  const { draft } = props;
  const errors = fieldErrorsOf(props.error, LEAD_FIELDS);
  const definitions = useFields('lead').data?.items ?? [];
  const set = (change: Partial<LeadDraft>) => props.onChange({ ...draft, ...change });
  const shared = { kind: LEAD_KIND, draft, set, errors };
  const text = (field: Text, type = 'text') => (
    <TextInput
      label={t(`fields.${field}`)}
      type={type}
      value={draft[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={errors[field]}
    />
  );
  const pipelines = props.pipelines ?? [];

  return (
    <ItemFormCard
      form={props}
      problem={explainedLead(props.error, t)}
      shown={errors}
      canSubmit={identifies(draft)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text('name')}
        {text('companyTitle')}
        {text('phone', 'tel')}
        {text('email', 'email')}
      </SimpleGrid>
      {text('title')}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text('source')}
        <AmountInputs {...shared} />
      </SimpleGrid>
      {pipelines.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PipelineStageSelects {...shared} pipelines={pipelines} />
        </SimpleGrid>
      )}
      <ResponsibleSelect {...shared} />
      <CustomFields
        definitions={definitions}
        values={draft.fields}
        onChange={(fields) => set({ fields })}
        stageId={draft.stageId}
        error={props.error}
        holder={props.itemId ? { kind: 'lead', id: props.itemId } : undefined}
      />
      <CommentInput {...shared} />
    </ItemFormCard>
  );
}
