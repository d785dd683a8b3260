import { Anchor, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type DriveFolder, useFiles, useFolder } from '../api/drive.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { PagedItems } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { SearchBox } from '../crm/SearchBox.tsx';
import { useUrlSearch } from '../crm/url-params.ts';
import { FileCard } from './FileCard.tsx';
import { FilesTable } from './FilesTable.tsx';
import { FolderDialog } from './FolderDialog.tsx';
import { DRIVE_PATH } from './paths.ts';
import { UploadButton } from './UploadButton.tsx';
import { UploadList } from './UploadList.tsx';
import { useFileDrop } from './useFileDrop.ts';
import { useUploads } from './useUploads.ts';

/** A folder's page (`/drive/folders/:id`): its files, the latest changed first, with a search (`?q=`). */
export function FolderPage() {
  const id = useParams().id ?? '';
  const folder = useFolder(id);
  if (folder.isPending) return <Loading />;
  if (folder.isError) return <ErrorNotice error={folder.error} retry={() => folder.refetch()} />;
  return <Folder key={folder.data.id} folder={folder.data} />;
}

/** Its files; those who write upload (the picker, or files dropped onto the list on a desktop). */
function Folder({ folder }: { folder: DriveFolder }) {
  const { t } = useTranslation('drive');
  const search = useUrlSearch();
  const files = useFiles(folder.id, search.q);
  const uploads = useUploads(folder.id);
  const [settings, setSettings] = useState(false);
  // A table's columns do not fit a phone: there each file is a card; nor is there a desktop to drag from.
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false }) ?? false;
  const drop = useFileDrop(uploads.add, folder.canWrite && !phone);
  return (
    <>
      <PageHeader
        title={folder.name}
        subtitle={
          <Stack gap={2}>
            {folder.description && (
              <Text size="sm" className="wrap-anywhere">
                {folder.description}
              </Text>
            )}
            <Anchor component={Link} to={DRIVE_PATH} size="sm">
              {t('back')}
            </Anchor>
          </Stack>
        }
        actions={
          <>
            {folder.canManage && (
              <Button
                variant="default"
                leftSection={<IconSettings size={16} aria-hidden />}
                onClick={() => setSettings(true)}
              >
                {t('folder.settings')}
              </Button>
            )}
            {folder.canWrite && <UploadButton label={t('files.upload')} multiple onFiles={uploads.add} />}
          </>
        }
      />
      <Group mb="md">
        <SearchBox label={t('files.search')} value={search.text} onChange={search.setText} />
      </Group>
      <UploadList uploads={uploads.uploads} onClear={uploads.clear} />
      <Box
        {...drop.dropProps}
        data-dropping={drop.over || undefined}
        mih="8rem"
        style={{
          borderRadius: 'var(--mantine-radius-md)',
          outline: drop.over ? '2px dashed var(--mantine-primary-color-filled)' : undefined,
          outlineOffset: 4,
        }}
      >
        {folder.canWrite && !phone ? (
          <Text size="sm" c="dimmed" mb="xs">
            {t('files.dropHint')}
          </Text>
        ) : null}
        <PagedItems
          query={files}
          empty={search.q ? t('files.noMatch') : t('files.empty')}
          render={(items) =>
            phone ? (
              <Stack gap="sm" component="section" aria-label={t('files.label')}>
                {items.map((file) => (
                  <FileCard key={file.id} file={file} />
                ))}
              </Stack>
            ) : (
              <FilesTable files={items} />
            )
          }
        />
      </Box>
      {folder.canManage && (
        <FolderDialog folder={folder} opened={settings} onClose={() => setSettings(false)} />
      )}
    </>
  );
}
