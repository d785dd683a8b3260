import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../api/crm.ts';
import { useDealFields } from '../../api/crm-fields.ts';
import { fieldErrorsOf } from '../../app/FormProblem.tsx';
import { CustomFields } from '../../crm-fields/CustomFields.tsx';
import { AmountInputs, CommentInput, PipelineStageSelects, ResponsibleSelect } from '../items/ItemFields.tsx';
import { ItemFormCard, type ItemFormProps } from '../items/ItemFormCard.tsx';
import { PartySelect } from '../PartySelect.tsx';
import { explained } from '../problems.ts';
import { DEAL_FIELDS, type DealDraft } from './deal-draft.ts';
import { DEAL_KIND } from './deal-kind.ts';

export interface DealFormProps extends ItemFormProps<DealDraft> {
  pipelines: readonly Pipeline[];
  /** The names of the chosen contact and company, which the form shows before any search. */
  names: { contact: string | null; company: string | null };
}

/**
 * A deal's fields: title, amount and currency, pipeline and stage, with whom, who is responsible, the
 * company's own deal fields (those required at the chosen stage marked), a comment.
 */
export function DealForm(props: DealFormProps) {
  const { t } = useTranslation('crm');
  const { draft } = props;
  const errors = fieldErrorsOf(props.error, DEAL_FIELDS);
  const definitions = useDealFields().data?.items ?? [];
  const set = (change: Partial<DealDraft>) => props.onChange({ ...draft, ...change });
  const shared = { kind: DEAL_KIND, draft, set, errors };

  return (
    <ItemFormCard
      form={props}
      problem={explained(props.error, t)}
      shown={errors}
      canSubmit={draft.title.trim() !== '' && draft.pipelineId !== ''}
    >
      <TextInput
        label={t('deal.fields.title')}
        required
        value={draft.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={errors.title}
      />
      <AmountInputs {...shared} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <PipelineStageSelects {...shared} pipelines={props.pipelines} required />
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
      <ResponsibleSelect {...shared} />
      <CustomFields
        definitions={definitions}
        values={draft.fields}
        onChange={(fields) => set({ fields })}
        stageId={draft.stageId}
        error={props.error}
        holder={props.itemId ? { kind: 'deal', id: props.itemId } : undefined}
      />
      <CommentInput {...shared} />
    </ItemFormCard>
  );
}
