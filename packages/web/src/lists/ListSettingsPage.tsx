import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAbility } from '../api/auth.ts';
import { type List, useDeleteList, useList, useLists } from '../api/lists.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { BackLink } from './BackLink.tsx';
import { ListSettingsForm } from './ListSettingsForm.tsx';
import { listPath } from './paths.ts';

/** A new list's settings (`/lists/new`), for those who manage lists; saved, it opens the list. */
export function NewListPage() {
  const { t } = useTranslation('lists');
  const navigate = useNavigate();
  const manage = useAbility('manageLists');
  const taken = (useLists().data?.items ?? []).map((l) => l.key);
  if (!manage) return <ErrorNotice error={FORBIDDEN} />;
  return (
    <>
      <PageHeader title={t('form.newTitle')} subtitle={<BackLink />} />
      <ListSettingsForm
        taken={taken}
        onSaved={(list) => navigate(listPath(list.key), { replace: true })}
        onCancel={() => navigate('/lists')}
      />
    </>
  );
}

/** A list's settings (`/lists/:key/settings`), changed or the list deleted by those who manage it. */
export function ListSettingsPage() {
  const key = useParams().key ?? '';
  const list = useList(key);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} retry={() => list.refetch()} />;
  if (!list.data.canManage) return <ErrorNotice error={FORBIDDEN} />;
  return <Settings key={list.data.id} list={list.data} />;
}

function Settings({ list }: { list: List }) {
  const { t } = useTranslation('lists');
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteList();
  const back = () => navigate(listPath(list.key));
  return (
    <>
      <PageHeader
        title={t('settingsOf', { name: list.name })}
        subtitle={<BackLink to={listPath(list.key)} name={list.name} />}
        actions={
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setDeleting(true)}
          >
            {t('delete.button')}
          </Button>
        }
      />
      <ListSettingsForm list={list} taken={[]} onSaved={back} onCancel={back} />
      <ConfirmDialog
        opened={deleting}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
        title={t('delete.title', { name: list.name })}
        confirmLabel={t('delete.confirm')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(list.key, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('delete.done', { name: list.name }) });
              navigate('/lists', { replace: true });
            },
          })
        }
      >
        {t('delete.consequence')}
      </ConfirmDialog>
    </>
  );
}
