import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { useDeleteWebForm, useWebForms, type WebForm } from '../api/crm-forms.ts';
import { CardList } from '../app/CardList.tsx';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { WebFormCard } from './WebFormCard.tsx';
import { WebFormEditor } from './WebFormEditor.tsx';

export type WebFormAction =
  | { kind: 'new' }
  | { kind: 'edit'; form: WebForm }
  | { kind: 'delete'; form: WebForm };

/** The web forms, for those who manage the CRM: each one's public link and embed code; made, changed, deleted. */
export function WebFormsPage() {
  const manage = useAbility('manageCrm');
  return manage ? <WebForms /> : <ErrorNotice error={FORBIDDEN} />;
}

function WebForms() {
  const { t } = useTranslation('webForms');
  const list = useWebForms();
  const remove = useDeleteWebForm();
  const [action, setAction] = useState<WebFormAction | null>(null);
  const close = () => {
    remove.reset();
    setAction(null);
  };
  const forms = list.data?.items ?? [];
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
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : forms.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <CardList aria-label={t('title')}>
          {forms.map((form) => (
            <WebFormCard key={form.id} form={form} onAction={setAction} />
          ))}
        </CardList>
      )}
      <FormModal
        opened={action?.kind === 'new' || action?.kind === 'edit'}
        onClose={close}
        title={action?.kind === 'edit' ? t('editTitle', { name: action.form.name }) : t('newTitle')}
      >
        {action?.kind === 'new' && <WebFormEditor onDone={close} />}
        {action?.kind === 'edit' && <WebFormEditor key={action.form.id} form={action.form} onDone={close} />}
      </FormModal>
      {action?.kind === 'delete' && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t('deleteTitle', { name: action.form.name })}
          confirmLabel={t('delete')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(action.form.id, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('deleted', { name: action.form.name }) });
                close();
              },
            })
          }
        >
          {t('deleteConsequence')}
        </ConfirmDialog>
      )}
    </>
  );
}
