import { Alert, Button, Group, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUsers } from '../api/org.ts';
import { useDelegateTask } from '../api/tasks.ts';

/**
 * Hands the task to a colleague (the template's delegation policy may refuse: the server says why).
 * Someone handing on their own task goes back to their list: the task is no longer theirs to see.
 */
export function DelegateTask({ taskId, me, mine }: { taskId: string; me: string; mine: boolean }) {
  const { t } = useTranslation('tasks');
  const users = useUsers().data ?? [];
  const [to, setTo] = useState<string | null>(null);
  const delegate = useDelegateTask(taskId);
  const navigate = useNavigate();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (to)
          delegate.mutate(to, {
            onSuccess: () => {
              notifications.show({ color: 'indigo', message: t('delegate.done') });
              if (mine) navigate('/');
            },
          });
      }}
    >
      {delegate.error && (
        <Alert color="red" mb="sm" role="alert">
          {delegate.error.message}
        </Alert>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('delegate.to')}
          data={users.filter((u) => u.active && u.id !== me).map((u) => ({ value: u.id, label: u.name }))}
          value={to}
          onChange={setTo}
          searchable
          style={{ flex: '1 1 14rem' }}
        />
        <Button type="submit" variant="default" disabled={!to} loading={delegate.isPending}>
          {t('delegate.submit')}
        </Button>
      </Group>
    </form>
  );
}
