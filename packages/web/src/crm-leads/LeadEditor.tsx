import { Alert, Anchor, Button } from '@mantine/core';
import { IconArrowsExchange, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pipeline } from '../api/crm.ts';
import {
  type Lead,
  type LeadChanges,
  type LeadItem,
  useDeleteLead,
  useUpdateLead,
} from '../api/crm-leads.ts';
import { ItemEditorLayout } from '../crm/items/ItemEditorLayout.tsx';
import { ItemProcesses } from '../crm/items/ItemProcesses.tsx';
import { moveCarryingFields } from '../crm/items/item-draft.ts';
import { documentRefOf } from '../crm/items/item-kind.ts';
import { type DraftRules, useItemEditing } from '../crm/items/useItemEditing.ts';
import { OtherFields } from '../crm-fields/OtherFields.tsx';
import { ConvertLead } from './ConvertLead.tsx';
import { LeadForm } from './LeadForm.tsx';
import { type LeadDraft, leadChangesOf, leadDraftOf, rebaseLead } from './lead-draft.ts';
import { LEAD_KIND } from './lead-kind.ts';
import { leadProblemCode } from './lead-problems.ts';

const RULES: DraftRules<LeadItem, LeadDraft, LeadChanges> = {
  draftOf: leadDraftOf,
  changesOf: leadChangesOf,
  rebase: rebaseLead,
  moveOf: moveCarryingFields(leadChangesOf),
  isConflict: (error) => leadProblemCode(error) === 'VERSION_CONFLICT',
};

/**
 * A lead being worked on (see useItemEditing): its form, its processes, the fields processes keep, and
 * converting it to a deal.
 */
export function LeadEditor(props: {
  stored: Lead;
  reload: () => Promise<Lead | undefined>;
  pipelines: readonly Pipeline[];
}) {
  const { t } = useTranslation('leads');
  const [converting, setConverting] = useState(false);
  const editing = useItemEditing<LeadItem, LeadDraft, LeadChanges>(LEAD_KIND, RULES, props, [
    useUpdateLead(),
    useUpdateLead(),
  ]);
  const { base } = editing;
  const pipeline = props.pipelines.find((p) => p.id === base.pipelineId);
  const converted = props.stored.convertedDealId ?? base.convertedDealId;
  return (
    <ItemEditorLayout
      kind={LEAD_KIND}
      editing={editing}
      stored={props.stored}
      pipelines={props.pipelines}
      subtitle={[pipeline?.name, base.source].filter(Boolean).join(' · ')}
      remove={useDeleteLead()}
      actions={
        !converted && (
          <Button
            leftSection={<IconArrowsExchange size={16} aria-hidden />}
            onClick={() => setConverting(true)}
          >
            {t('convert.action')}
          </Button>
        )
      }
      banner={
        <>
          {converted && (
            <Alert color="green" mb="md" title={t('convert.done')}>
              <Anchor component={Link} to={`/crm/deals/${encodeURIComponent(converted)}`}>
                {t('convert.openDeal')}
              </Anchor>
            </Alert>
          )}
          <ConvertLead lead={base} opened={converting} onClose={() => setConverting(false)} />
        </>
      }
      form={
        <LeadForm
          label={t('formLabel', { title: base.title })}
          itemId={base.id}
          draft={editing.draft}
          onChange={editing.setDraft}
          error={editing.error}
          pending={editing.saving}
          submitLabel={t('common:actions.save')}
          onSubmit={editing.submit}
          readOnly={!props.stored.editable}
          notice={
            editing.conflict && (
              <Alert color="red" mb="sm" role="alert" title={t('problems.VERSION_CONFLICT', { detail: '' })}>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  onClick={() => void editing.loadNewer()}
                >
                  {t('loadNewer')}
                </Button>
              </Alert>
            )
          }
        />
      }
      aside={
        <>
          <ItemProcesses documentRef={documentRefOf(LEAD_KIND, base.id)} documentType="lead" ns="leads" />
          <OtherFields entity="lead" fields={base.fields} />
        </>
      }
    />
  );
}
