import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../api/crm.ts';
import {
  type Deal,
  type DealChanges,
  type DealItem,
  useDeleteDeal,
  useUpdateDeal,
} from '../../api/crm-deals.ts';
import { OtherFields } from '../../crm-fields/OtherFields.tsx';
import { DealQuotes } from '../../crm-quotes/DealQuotes.tsx';
import { ItemEditorLayout } from '../items/ItemEditorLayout.tsx';
import { ItemProcesses } from '../items/ItemProcesses.tsx';
import { moveCarryingFields } from '../items/item-draft.ts';
import { documentRefOf } from '../items/item-kind.ts';
import { type DraftRules, useItemEditing } from '../items/useItemEditing.ts';
import { formatMoney } from '../money.ts';
import { problemCode } from '../problems.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { DealForm } from './DealForm.tsx';
import { changesOf, type DealDraft, draftOf, rebase } from './deal-draft.ts';
import { DEAL_KIND } from './deal-kind.ts';

const RULES: DraftRules<DealItem, DealDraft, DealChanges> = {
  draftOf,
  changesOf,
  rebase,
  moveOf: moveCarryingFields(changesOf),
  isConflict: (error) => problemCode(error) === 'VERSION_CONFLICT',
};

/**
 * A deal being worked on (see useItemEditing): its form, the fields processes keep, its processes. The
 * stage history is the stored deal's, read again after every change.
 */
export function DealEditor(props: {
  /** The deal as last read from the server: at first the one opened, later newer when someone changed it. */
  stored: Deal;
  reload: () => Promise<Deal | undefined>;
  pipelines: readonly Pipeline[];
}) {
  const { t, i18n } = useTranslation('crm');
  const editing = useItemEditing<DealItem, DealDraft, DealChanges>(DEAL_KIND, RULES, props, [
    useUpdateDeal(),
    useUpdateDeal(),
  ]);
  const { base } = editing;
  const pipeline = props.pipelines.find((p) => p.id === base.pipelineId);
  return (
    <ItemEditorLayout
      kind={DEAL_KIND}
      editing={editing}
      stored={props.stored}
      pipelines={props.pipelines}
      subtitle={[
        pipeline?.name,
        base.amount !== null ? formatMoney(base.amount, base.currency, i18n.language) : null,
      ]
        .filter(Boolean)
        .join(' · ')}
      remove={useDeleteDeal()}
      form={
        <DealForm
          label={t('deal.formLabel', { title: base.title })}
          itemId={base.id}
          draft={editing.draft}
          onChange={editing.setDraft}
          pipelines={props.pipelines}
          names={{ contact: base.contactName, company: base.companyName }}
          error={editing.error}
          pending={editing.saving}
          submitLabel={t('common:actions.save')}
          onSubmit={editing.submit}
          notice={editing.stale && <ConflictNotice refused={editing.conflict} onLoad={editing.loadNewer} />}
          readOnly={!props.stored.editable}
        />
      }
      aside={
        <>
          <DealQuotes dealId={base.id} editable={props.stored.editable} />
          <ItemProcesses documentRef={documentRefOf(DEAL_KIND, base.id)} documentType="deal" ns="crm" />
          <OtherFields entity="deal" fields={base.fields} />
        </>
      }
    />
  );
}
