import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Pipeline, useCreatePipeline, useUpdatePipeline } from '../../api/crm.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { explained } from '../problems.ts';
import {
  draftOfPipeline,
  draftProblem,
  newPipelineDraft,
  type PipelineDraft,
  type PipelineEntity,
  pipelineBody,
} from './pipeline-draft.ts';
import { StagesEditor } from './StagesEditor.tsx';

/**
 * Creates a pipeline of deals or of leads (prefilled with the usual stages of its kind) or changes one's
 * name and stages.
 */
export function PipelineForm({
  pipeline,
  entity = 'deal',
  onDone,
}: {
  pipeline?: Pipeline;
  entity?: PipelineEntity;
  onDone: () => void;
}) {
  const { t } = useTranslation('crm');
  const defaults = (kind: PipelineEntity) =>
    newPipelineDraft(
      {
        new: t('pipelines.defaults.new'),
        inProgress: t('pipelines.defaults.inProgress'),
        quoteSent: t('pipelines.defaults.quoteSent'),
        won: t('pipelines.defaults.won'),
        lost: t('pipelines.defaults.lost'),
        converted: t('pipelines.defaults.converted'),
        junk: t('pipelines.defaults.junk'),
      },
      kind,
    );
  const [draft, setDraft] = useState<PipelineDraft>(() =>
    pipeline ? draftOfPipeline(pipeline) : defaults(entity),
  );
  const create = useCreatePipeline();
  const update = useUpdatePipeline();
  const saving = pipeline ? update : create;
  const errors = fieldErrorsOf(saving.error, ['name', 'stages']);
  const problem = draftProblem(draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    const done = (saved: Pipeline) => {
      notifications.show({ color: 'green', message: t('pipelines.saved', { name: saved.name }) });
      onDone();
    };
    const body = pipelineBody(draft);
    if (pipeline)
      update.mutate({ id: pipeline.id, body: { ...body, sort: pipeline.sort } }, { onSuccess: done });
    else create.mutate({ ...body, entity: draft.entity }, { onSuccess: done });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={pipeline ? t('pipelines.editTitle', { name: pipeline.name }) : t('pipelines.newTitle')}
    >
      <FormProblem error={explained(saving.error, t)} shown={errors} />
      <Stack gap="md">
        {!pipeline && (
          <Radio.Group
            label={t('pipelines.entity')}
            value={draft.entity}
            // Another kind brings its usual stages, with the name kept.
            onChange={(v) => setDraft({ ...defaults(v as PipelineEntity), name: draft.name })}
          >
            <Group gap="md" mt={4}>
              <Radio value="deal" label={t('pipelines.entities.deal')} />
              <Radio value="lead" label={t('pipelines.entities.lead')} />
            </Group>
          </Radio.Group>
        )}
        <TextInput
          label={t('pipelines.name')}
          required
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        <StagesEditor
          stages={draft.stages}
          onChange={(stages) => setDraft({ ...draft, stages })}
          errors={errors}
        />
      </Stack>
      {problem && problem !== 'nameRequired' && (
        <Text size="sm" c="dimmed" mt="sm" role="status">
          {t(`pipelines.problems.${problem}`)}
        </Text>
      )}
      <FormButtons
        onCancel={onDone}
        submitLabel={pipeline ? t('common:actions.save') : t('pipelines.create')}
        pending={saving.isPending}
        disabled={problem !== null}
      />
    </form>
  );
}
