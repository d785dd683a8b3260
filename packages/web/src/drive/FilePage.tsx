import { Anchor, Button, Grid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  contentUrl,
  type DriveFile,
  MAX_FILE_BYTES,
  useFile,
  useFolder,
  useUploadFile,
} from '../api/drive.ts';
import { FormProblem } from '../app/FormProblem.tsx';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { ItemProcesses } from '../crm/items/ItemProcesses.tsx';
import { ReadOnlyNote } from '../crm/ReadOnlyNote.tsx';
import { formatFileSize } from '../i18n/format.ts';
import { FileActions } from './FileActions.tsx';
import { FileDetails } from './FileDetails.tsx';
import { FileVersions } from './FileVersions.tsx';
import { FILE_DOCUMENT_TYPE, fileRef, folderPath } from './paths.ts';
import { explainedDriveProblem } from './problems.ts';
import { UploadButton } from './UploadButton.tsx';
import { uploadProblem } from './uploads.ts';

/**
 * A file's page (`/drive/files/:id`): its details, download, a new version, the versions kept, the
 * processes about it.
 */
export function FilePage() {
  const id = useParams().id ?? '';
  const file = useFile(id);
  if (file.isPending) return <Loading />;
  if (file.isError) return <ErrorNotice error={file.error} retry={() => file.refetch()} />;
  return <FileView key={file.data.id} file={file.data} />;
}

function FileView({ file }: { file: DriveFile }) {
  const { t, i18n } = useTranslation('drive');
  const folder = useFolder(file.folderId).data;
  const upload = useUploadFile();
  const navigate = useNavigate();
  // A new version keeps the file's name whatever the chosen file is called: that makes it a version.
  const uploadVersion = ([picked]: File[]) => {
    if (!picked) return;
    const problem = uploadProblem(picked);
    if (problem)
      return notifications.show({
        color: 'red',
        message: t(`uploads.${problem}`, { max: formatFileSize(MAX_FILE_BYTES, i18n.language) }),
      });
    upload.mutate(
      { folderId: file.folderId, file: picked, name: file.name },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: t('file.versionUploaded', { version: saved.version }),
          }),
      },
    );
  };
  return (
    <>
      <PageHeader
        title={file.name}
        subtitle={
          <Anchor component={Link} to={folderPath(file.folderId)} size="sm">
            {t('file.back', { name: folder?.name ?? '…' })}
          </Anchor>
        }
        actions={
          <>
            <Button
              component="a"
              href={contentUrl(file.id)}
              download={file.name}
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('file.download')}
            </Button>
            {file.editable && (
              <UploadButton
                label={t('file.newVersion')}
                variant="default"
                loading={upload.isPending}
                onFiles={uploadVersion}
              />
            )}
            <FileActions
              file={file}
              onDeleted={() => navigate(folderPath(file.folderId), { replace: true })}
            />
          </>
        }
      />
      <FormProblem error={explainedDriveProblem(upload.error, t)} />
      {!file.editable && <ReadOnlyNote />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <FileDetails file={file} folder={folder} />
            <FileVersions file={file} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ItemProcesses
            documentRef={fileRef(file.id)}
            documentType={FILE_DOCUMENT_TYPE}
            ns="drive"
            prefix="file.processes"
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
