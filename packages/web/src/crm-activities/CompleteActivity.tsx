import { Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Activity, useCompleteActivity } from '../api/crm-activities.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { explainedActivity } from './activity-problems.ts';

/** Marks an activity done, asking what came of it (which may stay unsaid). */
export function CompleteActivity({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation('activities');
  const complete = useCompleteActivity();
  const [result, setResult] = useState('');
  return (
    <FormModal opened onClose={onClose} title={t('complete.title', { title: activity.title })} size="md">
      <form
        aria-label={t('complete.title', { title: activity.title })}
        onSubmit={(event) => {
          event.preventDefault();
          complete.mutate(
            { id: activity.id, result: result.trim() || null },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t('complete.done', { title: activity.title }),
                });
                onClose();
              },
            },
          );
        }}
      >
        <FormProblem error={explainedActivity(complete.error, t)} />
        <Textarea
          label={t('complete.result')}
          description={t('complete.resultHint')}
          autosize
          minRows={3}
          maxRows={10}
          value={result}
          onChange={(e) => setResult(e.currentTarget.value)}
          data-autofocus
        />
        <FormButtons onCancel={onClose} submitLabel={t('complete.submit')} pending={complete.isPending} />
      </form>
    </FormModal>
  );
}
