import { Alert, Paper, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe, useSetEmailPreferences } from '../api/auth.ts';
import { Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';

/** What the signed-in user gets by e-mail: new tasks, copies of notifications; each saved as it is switched. */
export function EmailPage() {
  const { t } = useTranslation('account');
  const me = useMe().data;
  const save = useSetEmailPreferences();
  if (!me) return <Loading />;
  const choices = me.emailPreferences;
  return (
    <>
      <PageHeader
        title={t('email.title')}
        subtitle={me.user.email ? t('email.subtitle', { email: me.user.email }) : undefined}
      />
      {!me.user.email && (
        <Alert color="yellow" mb="md">
          {t('email.noAddress')}
        </Alert>
      )}
      {save.error && (
        <Alert color="red" mb="md" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Switch
            label={t('email.tasks')}
            description={t('email.tasksHint')}
            checked={choices.tasks}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ tasks: e.currentTarget.checked })}
          />
          <Switch
            label={t('email.notifications')}
            description={t('email.notificationsHint')}
            checked={choices.notifications}
            disabled={save.isPending}
            onChange={(e) => save.mutate({ notifications: e.currentTarget.checked })}
          />
        </Stack>
      </Paper>
    </>
  );
}
