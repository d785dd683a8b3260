import { Select, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLeadPipelines } from '../api/crm-leads.ts';
import { UserSelect } from '../crm/UserSelect.tsx';
import type { MailboxDraft } from './mailbox-draft.ts';

type Leads = MailboxDraft['leads'];

/**
 * Whether letters of unknown senders become leads, and then on which lead pipeline (the first one at
 * first) and for whom (none chosen: the mailbox's owner, or whoever connected a company one).
 */
export function LeadFields(props: {
  leads: Leads;
  onChange: (leads: Leads) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation('mail');
  const pipelines = useLeadPipelines().data?.items ?? [];
  const { leads, onChange } = props;
  return (
    <Stack gap="sm">
      <Switch
        label={t('form.makeLeads')}
        description={t('form.makeLeadsHint')}
        checked={leads !== null}
        onChange={(e) =>
          onChange(
            e.currentTarget.checked ? { pipelineId: pipelines[0]?.id ?? null, responsibleId: null } : null,
          )
        }
      />
      {leads && (
        <>
          <Select
            label={t('form.leadPipeline')}
            required
            data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
            value={leads.pipelineId}
            onChange={(pipelineId) => onChange({ ...leads, pipelineId })}
            allowDeselect={false}
            error={
              props.errors.leadPipelineId ?? (pipelines.length === 0 ? t('form.noLeadPipelines') : undefined)
            }
          />
          <UserSelect
            label={t('form.leadResponsible')}
            whenNone={t('form.leadResponsibleNone')}
            value={leads.responsibleId}
            onChange={(responsibleId) => onChange({ ...leads, responsibleId })}
            error={props.errors.leadResponsibleId}
          />
        </>
      )}
    </Stack>
  );
}
