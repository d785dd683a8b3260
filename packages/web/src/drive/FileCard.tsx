import { Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveFile } from '../api/drive.ts';
import { useUserNames } from '../api/org.ts';
import { formatDateTime, formatFileSize } from '../i18n/format.ts';
import { FileActions } from './FileActions.tsx';
import { FileName } from './FileName.tsx';

/** A file on a phone: its name, then size, version, who changed it last and when. */
export function FileCard({ file }: { file: DriveFile }) {
  const { t, i18n } = useTranslation('drive');
  const name = useUserNames();
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <FileName file={file} id={titleId} />
          <Text size="sm" c="dimmed" className="wrap-anywhere">
            {t('file.summary', {
              size: formatFileSize(file.size, i18n.language),
              version: file.version,
            })}
          </Text>
          <Text size="sm" c="dimmed" className="wrap-anywhere">
            {t('file.changed', {
              name: name(file.updatedBy),
              date: formatDateTime(file.updatedAt, i18n.language),
            })}
          </Text>
        </Stack>
        <FileActions file={file} />
      </Group>
    </Paper>
  );
}
