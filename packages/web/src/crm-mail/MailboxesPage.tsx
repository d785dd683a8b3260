import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { useMailboxes } from '../api/crm-mail.ts';
import { CardList } from '../app/CardList.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { DeleteMailbox } from './DeleteMailbox.tsx';
import { MailboxCard, type MailboxDialog } from './MailboxCard.tsx';
import { MailboxForm } from './MailboxForm.tsx';

/**
 * The mailboxes the CRM reads (`/crm/mailboxes`): whoever manages the CRM sees and connects them all,
 * anyone else the company's ones and connects their own.
 */
export function MailboxesPage() {
  const { t } = useTranslation('mail');
  const manages = useAbility('manageCrm');
  const list = useMailboxes();
  const [dialog, setDialog] = useState<MailboxDialog | null>(null);
  const close = () => setDialog(null);
  const mailboxes = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('mailboxes.title')}
        subtitle={t(manages ? 'mailboxes.subtitleManager' : 'mailboxes.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'new' })}>
            {t('mailboxes.connect')}
          </Button>
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : mailboxes.length === 0 ? (
        <Empty>{t('mailboxes.empty')}</Empty>
      ) : (
        <CardList aria-label={t('mailboxes.title')}>
          {mailboxes.map((mailbox) => (
            <MailboxCard key={mailbox.id} mailbox={mailbox} onDialog={setDialog} />
          ))}
        </CardList>
      )}
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit' ? t('form.editTitle', { name: dialog.mailbox.name }) : t('form.newTitle')
        }
      >
        {dialog?.kind === 'new' && <MailboxForm onDone={close} />}
        {dialog?.kind === 'edit' && (
          <MailboxForm key={dialog.mailbox.id} mailbox={dialog.mailbox} onDone={close} />
        )}
      </FormModal>
      {dialog?.kind === 'delete' && <DeleteMailbox mailbox={dialog.mailbox} onClose={close} />}
    </>
  );
}
