import { Stack, Text, TextInput } from '@mantine/core';
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
  pipelineBody,
} from './pipeline-draft.ts';
import { StagesEditor } from './StagesEditor.tsx';

/** Creates a pipeline (prefilled with the usual stages) or changes one's name and stages. */
export function PipelineForm({ pipeline, onDone }: { pipeline?: Pipeline; onDone: () => void }) {
  const { t } = useTranslation('crm');
  const [draft, setDraft] = useState<PipelineDraft>(() =>
    pipeline
      ? draftOfPipeline(pipeline)
      : newPipelineDraft({
          new: t('pipelines.defaults.new'),
          inProgress: t('pipelines.defaults.inProgress'),
          quoteSent: t('pipelines.defaults.quoteSent'),
          won: t('pipelines.defaults.won'),
          lost: t('pipelines.defaults.lost'),
        }),
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
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={pipeline ? t('pipelines.editTitle', { name: pipeline.name }) : t('pipelines.newTitle')}
    >
      <FormProblem error={explained(saving.error, t)} shown={errors} />
      <Stack gap="md">
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
