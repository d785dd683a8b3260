import { Button, Checkbox, Group, Paper, Radio, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserQuestion } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import { useFields } from '../api/crm-fields.ts';
import { type Robot, type RobotAction, useCreateRobot, useUpdateRobot } from '../api/crm-robots.ts';
import { useTemplatesFor } from '../api/definitions.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { ActivityKindPicker } from '../crm-activities/ActivityKindPicker.tsx';
import { DurationFields } from './DurationFields.tsx';
import { MessageField } from './MessageField.tsx';
import {
  draftOfRobot,
  draftProblem,
  forgottenClient,
  newRobotDraft,
  ROBOT_ACTIONS,
  type RobotDraft,
  robotBody,
} from './robot-draft.ts';

/** The request's fields an input shows the server's word for. */
const FIELDS = [
  'name',
  'stageId',
  'action',
  'delay',
  'message',
  'definitionKey',
  'activityKind',
  'activityDue',
  'targetStageId',
];

/** Puts a robot on a stage of the pipeline (no `robot`, at `stageId`) or changes one. */
export function RobotForm(props: { pipeline: Pipeline; robot?: Robot; stageId: string; onDone: () => void }) {
  // The activity kinds' words (activities.json) load with the form, not when that action is picked.
  const { t } = useTranslation(['robots', 'activities']);
  const { pipeline, robot } = props;
  const [draft, setDraft] = useState<RobotDraft>(() =>
    robot ? draftOfRobot(robot) : newRobotDraft(props.stageId),
  );
  // A lead pipeline's robots read the lead's fields and start processes made for leads.
  const entity = { context: pipeline.entity };
  const fields = useFields(pipeline.entity).data?.items ?? [];
  const templates = useTemplatesFor(pipeline.entity).data?.items ?? [];
  const create = useCreateRobot();
  const update = useUpdateRobot();
  const saving = robot ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);
  const problem = draftProblem(draft);
  const set = (change: Partial<RobotDraft>) => setDraft((d) => ({ ...d, ...change }));

  const templateOptions = templates.map((d) => ({ value: d.key, label: d.name }));
  if (draft.definitionKey && !templates.some((d) => d.key === draft.definitionKey))
    templateOptions.push({ value: draft.definitionKey, label: draft.definitionKey });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    const done = (saved: Robot) => {
      notifications.show({ color: 'green', message: t('form.saved', { name: saved.name }) });
      props.onDone();
    };
    const body = robotBody(draft);
    if (robot) update.mutate({ id: robot.id, body }, { onSuccess: done });
    else create.mutate({ pipelineId: pipeline.id, body }, { onSuccess: done });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={robot ? t('form.editTitle', { name: robot.name }) : t('form.newTitle')}
    >
      {!robot && (
        <Paper withBorder radius="md" p="xs" mb="md">
          <Group gap="sm" wrap="wrap" justify="space-between">
            <Text size="sm" c="dimmed" style={{ flex: '1 1 12rem' }}>
              {t('preset.about')}
            </Text>
            <Button
              variant="light"
              leftSection={<IconUserQuestion size={16} aria-hidden />}
              onClick={() =>
                setDraft((d) =>
                  forgottenClient(d, {
                    name: t('preset.name'),
                    // The message is a {{ }} template itself: i18next must leave its braces alone.
                    message: t('preset.message', { skipInterpolation: true }),
                  }),
                )
              }
            >
              {t('preset.button')}
            </Button>
          </Group>
        </Paper>
      )}
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
          label={t('form.stage')}
          data={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
          value={draft.stageId}
          onChange={(stageId) => stageId && set({ stageId })}
          allowDeselect={false}
          error={errors.stageId}
        />
        <DurationFields
          words={{
            label: t('form.when'),
            now: t('form.now', entity),
            after: t('form.after', entity),
            amount: t('form.amount'),
            unit: t('form.unit'),
          }}
          value={draft.delay}
          onChange={(change) => set({ delay: { ...draft.delay, ...change } })}
          error={errors.delay ?? (problem === 'delay' ? t('form.amountInvalid') : undefined)}
        />
        {(draft.delay.when !== 'now' || draft.action === 'activity') && (
          <Checkbox
            label={t('form.inWorkingTime')}
            description={t('form.inWorkingTimeHint')}
            checked={draft.inWorkingTime}
            onChange={(e) => set({ inWorkingTime: e.currentTarget.checked })}
          />
        )}
        <Radio.Group
          label={t('form.action')}
          value={draft.action}
          onChange={(action) => set({ action: action as RobotAction })}
          error={errors.action}
        >
          <Stack gap="xs" mt={4}>
            {ROBOT_ACTIONS.map((action) => (
              <Radio key={action} value={action} label={t(`form.actions.${action}`, entity)} />
            ))}
          </Stack>
        </Radio.Group>
        {draft.action === 'activity' && (
          <>
            <ActivityKindPicker
              label={t('form.activityKind')}
              value={draft.activityKind}
              onChange={(activityKind) => set({ activityKind })}
              error={errors.activityKind}
            />
            <DurationFields
              words={{
                label: t('form.due'),
                now: t('form.dueNow'),
                after: t('form.dueAfter'),
                amount: t('form.dueAmount'),
                unit: t('form.dueUnit'),
              }}
              value={draft.due}
              onChange={(change) => set({ due: { ...draft.due, ...change } })}
              error={errors.activityDue ?? (problem === 'due' ? t('form.amountInvalid') : undefined)}
            />
          </>
        )}
        {draft.action === 'moveStage' && (
          <Select
            label={t('form.targetStage')}
            data={pipeline.stages
              .filter((s) => s.id !== draft.stageId)
              .map((s) => ({ value: s.id, label: s.name }))}
            value={draft.targetStageId}
            onChange={(targetStageId) => set({ targetStageId })}
            allowDeselect={false}
            required
            error={errors.targetStageId}
          />
        )}
        {draft.action === 'startProcess' && (
          <Select
            label={t('form.template')}
            description={t(templateOptions.length === 0 ? 'form.noTemplates' : 'form.templateHint', entity)}
            data={templateOptions}
            value={draft.definitionKey}
            onChange={(definitionKey) => set({ definitionKey })}
            searchable
            required
            error={errors.definitionKey}
          />
        )}
        {(draft.action === 'notify' || draft.action === 'activity') && (
          <MessageField
            label={t(draft.action === 'notify' ? 'form.message' : 'form.activityTitle')}
            value={draft.message}
            onChange={(message) => set({ message })}
            error={errors.message}
            fields={fields}
            minRows={draft.action === 'notify' ? 3 : 1}
          />
        )}
        {draft.action === 'notify' && (
          <Checkbox
            label={t('form.notifyHead')}
            checked={draft.notifyHead}
            onChange={(e) => set({ notifyHead: e.currentTarget.checked })}
          />
        )}
        <Switch
          label={t('form.active')}
          description={t('form.activeHint')}
          checked={draft.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={robot ? t('common:actions.save') : t('form.create')}
        pending={saving.isPending}
        disabled={problem !== null}
      />
    </form>
  );
}
