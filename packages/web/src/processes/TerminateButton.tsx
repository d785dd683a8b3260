import { Alert, Button, Group, Modal, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerminateInstance } from '../api/instances.ts';

/** Terminates an instance after asking why (the reason goes into its history). */
export function TerminateButton({ instanceId, processName }: { instanceId: string; processName: string }) {
  const { t } = useTranslation('processes');
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const terminate = useTerminateInstance();
  return (
    <>
      <Button
        color="red"
        variant="light"
        size="xs"
        onClick={open}
        aria-label={t('terminate.buttonNamed', { name: processName })}
      >
        {t('terminate.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('terminate.title', { name: processName })} centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            terminate.mutate(
              { id: instanceId, reason: reason.trim() },
              {
                onSuccess: () => {
                  notifications.show({ color: 'orange', message: t('terminate.done') });
                  setReason('');
                  close();
                },
              },
            );
          }}
        >
          {terminate.error && (
            <Alert color="red" mb="sm" role="alert">
              {terminate.error.message}
            </Alert>
          )}
          <Textarea
            label={t('terminate.reason')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={close}>
              {t('terminate.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!reason.trim()} loading={terminate.isPending}>
              {t('terminate.confirm')}
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}
