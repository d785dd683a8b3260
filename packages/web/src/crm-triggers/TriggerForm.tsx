import { Select, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import type { ActivityKind } from '../api/crm-activities.ts';
import { type Trigger, type TriggerEvent, useCreateTrigger, useUpdateTrigger } from '../api/crm-triggers.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { ACTIVITY_KINDS } from '../crm-activities/activity-kinds.ts';
import { draftOfTrigger, newTriggerDraft, type TriggerDraft, triggerBody } from './trigger-draft.ts';
import { eventsFor } from './trigger-events.ts';
import { WebhookCall } from './WebhookCall.tsx';

/** The request's fields an input shows the server's word for. */
const FIELDS = ['name', 'stageId', 'event', 'activityKind', 'allowBackward', 'active'];
/** The kind select's value for "any activity": a select's values are strings, the body's is null. */
const ANY_KIND = 'any';

/** Puts a trigger on a stage of the pipeline (`stageId`) or changes one (`trigger`). */
export function TriggerForm(
  props: { pipeline: Pipeline; onDone: () => void } & ({ stageId: string } | { trigger: Trigger }),
) {
  // The activity kinds' words (activities.json) load with the form, not when that event is picked.
  const { t } = useTranslation(['triggers', 'activities']);
  const { pipeline } = props;
  const trigger = 'trigger' in props ? props.trigger : undefined;
  const [draft, setDraft] = useState<TriggerDraft>(() =>
    'trigger' in props ? draftOfTrigger(props.trigger) : newTriggerDraft(props.stageId),
  );
  const create = useCreateTrigger();
  const update = useUpdateTrigger();
  const saving = trigger ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);
  const set = (change: Partial<TriggerDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = (saved: Trigger) => {
      notifications.show({ color: 'green', message: t('form.saved', { name: saved.name }) });
      props.onDone();
    };
    const body = triggerBody(draft);
    if (trigger) update.mutate({ id: trigger.id, body }, { onSuccess: done });
    else create.mutate({ pipelineId: pipeline.id, body }, { onSuccess: done });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={trigger ? t('form.editTitle', { name: trigger.name }) : t('form.newTitle')}
    >
      <FormProblem error={saving.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('form.name')}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        <Select
          label={t('form.event')}
          description={t(`form.eventHints.${draft.event}`)}
          data={eventsFor(pipeline.entity, trigger?.event).map((event) => ({
            value: event,
            label: t(`events.${event}`),
          }))}
          value={draft.event}
          onChange={(event) => event && set({ event: event as TriggerEvent })}
          allowDeselect={false}
          error={errors.event}
        />
        {draft.event === 'activityCompleted' && (
          <Select
            label={t('form.activityKind')}
            data={[
              { value: ANY_KIND, label: t('form.anyKind') },
              ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`activities:kinds.${kind}`) })),
            ]}
            value={draft.activityKind ?? ANY_KIND}
            onChange={(kind) => set({ activityKind: kind === ANY_KIND ? null : (kind as ActivityKind) })}
            allowDeselect={false}
            error={errors.activityKind}
          />
        )}
        {trigger?.event === 'webhook' && draft.event === 'webhook' && (
          <WebhookCall trigger={trigger} entity={pipeline.entity} />
        )}
        <Select
          label={t('form.stage')}
          description={t('form.stageHint')}
          data={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
          value={draft.stageId}
          onChange={(stageId) => stageId && set({ stageId })}
          allowDeselect={false}
          error={errors.stageId}
        />
        <Switch
          label={t('form.allowBackward')}
          description={t('form.allowBackwardHint')}
          checked={draft.allowBackward}
          onChange={(e) => set({ allowBackward: e.currentTarget.checked })}
        />
        <Switch
          label={t('form.active')}
          description={t('form.activeHint')}
          checked={draft.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={trigger ? t('common:actions.save') : t('form.create')}
        pending={saving.isPending}
      />
    </form>
  );
}
