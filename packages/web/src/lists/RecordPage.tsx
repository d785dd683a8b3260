import { Button, Grid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { type List, type ListRecord, useDeleteRecord, useList, useListRecord } from '../api/lists.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { ItemProcesses } from '../crm/items/ItemProcesses.tsx';
import { ReadOnlyNote } from '../crm/ReadOnlyNote.tsx';
import { BackLink } from './BackLink.tsx';
import { listDocumentType, listPath, recordRef } from './paths.ts';
import { RecordEditor } from './RecordEditor.tsx';
import { RecordMeta } from './RecordMeta.tsx';

/**
 * A record's page (`/lists/:key/records/:id`): its title and values to change, who added it, the
 * processes about it with a start, delete; one the reader may only read says so, its inputs disabled.
 */
export function RecordPage() {
  const params = useParams();
  const list = useList(params.key ?? '');
  const record = useListRecord(params.id ?? '');
  if (list.isPending || record.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} retry={() => list.refetch()} />;
  if (record.isError) return <ErrorNotice error={record.error} retry={() => record.refetch()} />;
  return (
    <Record
      key={record.data.id}
      list={list.data}
      record={record.data}
      reload={async () => (await record.refetch()).data}
    />
  );
}

function Record(props: { list: List; record: ListRecord; reload: () => Promise<ListRecord | undefined> }) {
  const { t } = useTranslation('lists');
  const { list, record } = props;
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteRecord();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={record.title}
        subtitle={<BackLink to={listPath(list.key)} name={list.name} />}
        actions={
          record.editable && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setDeleting(true)}
            >
              {t('record.delete')}
            </Button>
          )
        }
      />
      {!record.editable && <ReadOnlyNote />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <RecordEditor fields={list.fields} stored={record} reload={props.reload} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <RecordMeta record={record} />
            <ItemProcesses
              documentRef={recordRef(record.id)}
              documentType={listDocumentType(list.key)}
              ns="lists"
              prefix="record.processes"
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={deleting}
        onClose={() => {
          remove.reset();
          setDeleting(false);
        }}
        title={t('record.deleteTitle', { title: record.title })}
        confirmLabel={t('record.delete')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(record.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('record.deleted', { title: record.title }) });
              navigate(listPath(list.key), { replace: true });
            },
          })
        }
      >
        {t('record.deleteConsequence')}
      </ConfirmDialog>
    </>
  );
}
