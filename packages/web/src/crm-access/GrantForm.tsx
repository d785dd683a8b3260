import { Input, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../api/crm.ts';
import { type Grant, type GrantEntity, useGrantAccess } from '../api/crm-access.ts';
import { useLeadPipelines } from '../api/crm-leads.ts';
import { useRoles } from '../api/org.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { AccessControl } from './AccessControl.tsx';
import { explainedAccess } from './access-problems.ts';
import { scopeOf } from './grant-scope.ts';
import {
  GRANT_ENTITIES,
  type GrantDraft,
  grantBody,
  newGrantDraft,
  onPipelines,
  withEntity,
} from './grants.ts';

/** The request's fields an input shows the server's word for. */
const FIELDS = ['role', 'entity', 'pipelineId', 'access'];

/** Grants a role read or write on a kind of item, or on one deal or lead pipeline. */
export function GrantForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('crmAccess');
  const [draft, setDraft] = useState(newGrantDraft);
  // The built-in roles see every CRM item already (seeAllCrm): a grant would give them nothing.
  const roles = (useRoles().data?.items ?? []).filter((r) => !r.builtin);
  const pipelines = { deal: usePipelines().data?.items, lead: useLeadPipelines().data?.items };
  const grant = useGrantAccess();
  const errors = fieldErrorsOf(grant.error, FIELDS);
  const body = grantBody(draft);
  const set = (change: Partial<GrantDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body) return;
    const done = (saved: Grant) => {
      notifications.show({
        color: 'green',
        message: t('form.saved', { role: saved.roleTitle, scope: scopeOf(saved, t) }),
      });
      onDone();
    };
    grant.mutate(body, { onSuccess: done });
  };

  return (
    <form onSubmit={submit} aria-label={t('form.title')}>
      <FormProblem error={explainedAccess(grant.error, t)} shown={errors} />
      <Stack gap="sm">
        <Select
          label={t('form.role')}
          description={roles.length === 0 ? t('form.noRoles') : t('form.roleHint')}
          data={roles.map((r) => ({ value: r.name, label: r.title }))}
          value={draft.role}
          onChange={(role) => set({ role })}
          searchable
          required
          error={errors.role}
          data-autofocus
        />
        <Select
          label={t('form.entity')}
          data={GRANT_ENTITIES.map((e) => ({ value: e, label: t(`entities.${e}`) }))}
          value={draft.entity}
          onChange={(entity) => entity && setDraft((d) => withEntity(d, entity as GrantEntity))}
          allowDeselect={false}
          error={errors.entity}
        />
        {onPipelines(draft.entity) && (
          <Select
            label={t('form.pipeline')}
            description={t('form.pipelineHint')}
            placeholder={t('form.everyPipeline')}
            data={(pipelines[draft.entity] ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={draft.pipelineId}
            onChange={(pipelineId) => set({ pipelineId })}
            clearable
            error={errors.pipelineId}
          />
        )}
        <Input.Wrapper label={t('form.access')} labelElement="div" error={errors.access}>
          <AccessControl
            label={t('form.access')}
            value={draft.access}
            onChange={(access) => set({ access })}
            fullWidth
          />
        </Input.Wrapper>
      </Stack>
      <FormButtons
        onCancel={onDone}
        submitLabel={t('form.create')}
        pending={grant.isPending}
        disabled={body === null}
      />
    </form>
  );
}
