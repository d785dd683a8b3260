import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { type EventWebhook, useDeleteWebhook, useWebhooks } from '../api/webhooks.ts';
import { CardList } from '../app/CardList.tsx';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { DeliveryHelp } from './DeliveryHelp.tsx';
import { WebhookCard } from './WebhookCard.tsx';
import { WebhookForm } from './WebhookForm.tsx';

export type WebhookAction =
  | { kind: 'new' }
  | { kind: 'edit'; hook: EventWebhook }
  | { kind: 'delete'; hook: EventWebhook };

/** The webhooks Baton's events go out through, for administrators: added, changed, switched, tested, deleted. */
export function WebhooksPage() {
  const manage = useAbility('manageWebhooks');
  return manage ? <Webhooks /> : <ErrorNotice error={FORBIDDEN} />;
}

function Webhooks() {
  const { t } = useTranslation('webhooks');
  const list = useWebhooks();
  const remove = useDeleteWebhook();
  const [action, setAction] = useState<WebhookAction | null>(null);
  const close = () => {
    remove.reset();
    setAction(null);
  };
  const hooks = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAction({ kind: 'new' })}>
            {t('new')}
          </Button>
        }
      />
      <DeliveryHelp />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : hooks.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <CardList aria-label={t('title')}>
          {hooks.map((hook) => (
            <WebhookCard key={hook.id} hook={hook} onAction={setAction} />
          ))}
        </CardList>
      )}
      <FormModal
        opened={action?.kind === 'new' || action?.kind === 'edit'}
        onClose={close}
        title={
          // A long URL breaks anywhere rather than widening the dialog past a phone's screen.
          <span className="wrap-anywhere">
            {action?.kind === 'edit' ? t('editTitle', { url: action.hook.url }) : t('newTitle')}
          </span>
        }
      >
        {action?.kind === 'new' && <WebhookForm onDone={close} />}
        {action?.kind === 'edit' && <WebhookForm key={action.hook.id} hook={action.hook} onDone={close} />}
      </FormModal>
      {action?.kind === 'delete' && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t('deleteTitle')}
          confirmLabel={t('delete')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(action.hook.id, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('deleted', { url: action.hook.url }) });
                close();
              },
            })
          }
        >
          <span className="wrap-anywhere">{t('deleteConsequence', { url: action.hook.url })}</span>
        </ConfirmDialog>
      )}
    </>
  );
}
