import type { Field } from '@baton/engine';
import { Alert, Button, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useUploading } from '../api/process-files.ts';
import { useCompleteTask } from '../api/tasks.ts';
import type { TaskDetail } from '../api/types.ts';
import { FieldsForm } from '../forms/FieldsForm.tsx';
import { initialValues, missingRequired, type Values, valuesToSend } from '../forms/values.ts';

/** Outcomes that say no: shown in red, and the ones a comment matters most for. */
const NEGATIVE = new Set(['rejected', 'reject', 'refused']);

/**
 * The answer to an open task: its fields (if any), a comment, and one button per outcome — approve /
 * reject, acknowledge, submit. Required fields are checked here for outcomes that accept; the server
 * checks everything again and its verdict shows next to each field.
 */
export function TaskActions({ task }: { task: TaskDetail }) {
  const { t } = useTranslation('tasks');
  const navigate = useNavigate();
  const fields = task.form.fields as unknown as Field[];
  const outcomes = task.form.outcomes.length > 0 ? task.form.outcomes : [{ id: 'submitted' }];
  const [values, setValues] = useState<Values>(() => initialValues(fields));
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const complete = useCompleteTask(task.id);
  const uploading = useUploading();

  const answer = (outcome: string) => {
    const negative = NEGATIVE.has(outcome);
    const missing = negative ? [] : missingRequired(fields, values);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((id) => [id, t('actions.required')])));
      setProblem(t('actions.fixErrors'));
      return;
    }
    setErrors({});
    setProblem(null);
    setChosen(outcome);
    const variables = valuesToSend(fields, values);
    complete.mutate(
      { outcome, variables, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: t('actions.done'), message: task.title });
          navigate('/');
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return setProblem(String(error));
          const { comment: commentError, ...byField } = error.fieldErrors('variables');
          const bodyComment = error.errors.find((e) => e.path === 'comment' || e.path === 'body.comment');
          const commentMessage = commentError ?? bodyComment?.message;
          setErrors({ ...byField, ...(commentMessage ? { comment: commentMessage } : {}) });
          setProblem(
            error.code === 'COMMENT_REQUIRED'
              ? t('actions.commentRequired')
              : error.code === 'TASK_NOT_OPEN'
                ? t('actions.notOpen')
                : Object.keys(byField).length > 0
                  ? t('actions.fixErrors')
                  : error.message,
          );
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const positive = outcomes.find((o) => !NEGATIVE.has(o.id)) ?? outcomes[0];
    if (positive) answer(positive.id);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('actions.label')}>
      <Stack gap="sm">
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {fields.length > 0 && (
          <FieldsForm
            fields={fields}
            values={values}
            errors={errors}
            onChange={(id, value) => {
              setValues((v) => ({ ...v, [id]: value }));
              setErrors(({ [id]: _, ...rest }) => rest);
              setProblem(null);
            }}
          />
        )}
        <Textarea
          label={t('actions.comment')}
          name="comment"
          autosize
          minRows={2}
          value={comment}
          error={errors.comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, xs: Math.min(outcomes.length, 3) }} spacing="sm">
          {outcomes.map((o) => {
            const negative = NEGATIVE.has(o.id);
            return (
              <Button
                key={o.id}
                size="md"
                color={negative ? 'red' : 'green'}
                variant={negative ? 'outline' : 'filled'}
                leftSection={negative ? <IconX size={18} aria-hidden /> : <IconCheck size={18} aria-hidden />}
                loading={complete.isPending && chosen === o.id}
                disabled={uploading || (complete.isPending && chosen !== o.id)}
                onClick={() => answer(o.id)}
              >
                {o.label ?? t(`outcomes.${o.id}`, { defaultValue: o.id })}
              </Button>
            );
          })}
        </SimpleGrid>
      </Stack>
    </form>
  );
}
