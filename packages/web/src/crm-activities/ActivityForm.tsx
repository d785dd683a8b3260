import { Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Activity, useCreateActivity, useUpdateActivity } from '../api/crm-activities.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { UserSelect } from '../crm/UserSelect.tsx';
import { ActivityKindPicker } from './ActivityKindPicker.tsx';
import {
  type ActivityDraft,
  activityBody,
  activityChanges,
  draftOfActivity,
  draftProblem,
  newActivityDraft,
} from './activity-draft.ts';
import { explainedActivity } from './activity-problems.ts';

/** The request's fields an input shows the server's word for. */
const FIELDS = ['kind', 'title', 'dueAt', 'responsibleId', 'comment'];

/**
 * Plans an activity on a deal or lead (no `activity`; for `responsibleId` at first) or changes one: what
 * kind, its title, its deadline's date and time, who does it, a comment.
 */
export function ActivityForm(props: {
  dealId: string;
  activity?: Activity | undefined;
  responsibleId: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('activities');
  const { activity } = props;
  const [draft, setDraft] = useState<ActivityDraft>(() =>
    activity ? draftOfActivity(activity) : newActivityDraft(Date.now(), props.responsibleId),
  );
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const saving = activity ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);
  const set = (change: Partial<ActivityDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draftProblem(draft)) return;
    const done = (saved: Activity) => {
      notifications.show({
        color: 'green',
        message: t(activity ? 'saved' : 'planned', { title: saved.title }),
      });
      props.onDone();
    };
    if (!activity) return create.mutate(activityBody(props.dealId, draft), { onSuccess: done });
    const changes = activityChanges(activity, draft);
    if (Object.keys(changes).length === 0) return props.onDone();
    update.mutate({ id: activity.id, changes }, { onSuccess: done });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={activity ? t('form.editTitle', { title: activity.title }) : t('form.newTitle')}
    >
      <FormProblem error={explainedActivity(saving.error, t)} shown={errors} />
      <Stack gap="sm">
        <ActivityKindPicker
          label={t('form.kind')}
          value={draft.kind}
          onChange={(kind) => set({ kind })}
          error={errors.kind}
        />
        <TextInput
          label={t('form.title')}
          placeholder={t(`form.titlePlaceholder.${draft.kind}`)}
          required
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
          data-autofocus
        />
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <TextInput
            type="date"
            label={t('form.date')}
            required
            value={draft.date}
            onChange={(e) => set({ date: e.currentTarget.value })}
            error={errors.dueAt}
            style={{ flex: '1 1 9rem', minWidth: 0 }}
          />
          <TextInput
            type="time"
            label={t('form.time')}
            required
            value={draft.time}
            onChange={(e) => set({ time: e.currentTarget.value })}
            style={{ flex: '1 1 6rem', minWidth: 0 }}
          />
        </Group>
        <UserSelect
          label={t('form.responsible')}
          value={draft.responsibleId}
          onChange={(responsibleId) => set({ responsibleId })}
          error={errors.responsibleId}
        />
        <Textarea
          label={t('form.comment')}
          autosize
          minRows={2}
          maxRows={8}
          value={draft.comment}
          onChange={(e) => set({ comment: e.currentTarget.value })}
          error={errors.comment}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={activity ? t('common:actions.save') : t('form.plan')}
        pending={saving.isPending}
        disabled={draftProblem(draft) !== null}
      />
    </form>
  );
}
