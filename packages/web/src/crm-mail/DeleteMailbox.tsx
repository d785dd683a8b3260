import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type Mailbox, useDeleteMailbox } from '../api/crm-mail.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { explainedMail } from './mail-problems.ts';

/** Asks before disconnecting a mailbox; the letters it brought stay on their deals. */
export function DeleteMailbox({ mailbox, onClose }: { mailbox: Mailbox; onClose: () => void }) {
  const { t } = useTranslation('mail');
  const remove = useDeleteMailbox();
  return (
    <ConfirmDialog
      opened
      onClose={onClose}
      title={t('delete.title', { name: mailbox.name })}
      confirmLabel={t('delete.confirm')}
      pending={remove.isPending}
      error={explainedMail(remove.error, t)}
      onConfirm={() =>
        remove.mutate(mailbox.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('delete.done', { name: mailbox.name }) });
            onClose();
          },
        })
      }
    >
      {t('delete.consequence')}
    </ConfirmDialog>
  );
}
