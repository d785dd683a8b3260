import { Button, Stack } from '@mantine/core';
import { IconFolderPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { type DriveFolder, useFolders } from '../api/drive.ts';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { FolderCard } from './FolderCard.tsx';
import { FolderDialog } from './FolderDialog.tsx';

/** The company's drive (`/drive`): the folders I read, by name; those who manage files add and set them up. */
export function FoldersPage() {
  const { t } = useTranslation('drive');
  const folders = useFolders();
  const manage = useAbility('manageFiles');
  const [opened, setOpened] = useState(false);
  // The folder whose settings the dialog shows (none: a new folder); kept while the dialog fades out.
  const [folder, setFolder] = useState<DriveFolder | undefined>();
  const open = (which: DriveFolder | undefined) => {
    setFolder(which);
    setOpened(true);
  };
  const items = folders.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          manage && (
            <Button leftSection={<IconFolderPlus size={16} aria-hidden />} onClick={() => open(undefined)}>
              {t('folder.new')}
            </Button>
          )
        }
      />
      {folders.isPending ? (
        <Loading />
      ) : folders.isError ? (
        <ErrorNotice error={folders.error} retry={() => folders.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{manage ? t('emptyManage') : t('empty')}</Empty>
      ) : (
        <Stack gap="sm" component="section" aria-label={t('folders')}>
          {items.map((item) => (
            <FolderCard key={item.id} folder={item} onSettings={() => open(item)} />
          ))}
        </Stack>
      )}
      <FolderDialog {...(folder ? { folder } : {})} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
