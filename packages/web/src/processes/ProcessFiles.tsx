import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../api/org.ts';
import { processFileUrl, useInstanceFiles } from '../api/process-files.ts';
import { DownloadLink } from '../app/DownloadLink.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatDateTime, formatFileSize } from '../i18n/format.ts';

/**
 * The files given to a process — at its start or in its tasks (the contract to approve) — the first
 * given first, each a download link with its size, who gave it and when; nothing while there are none.
 */
export function ProcessFiles(props: { instanceId: string; running: boolean }) {
  const { t, i18n } = useTranslation('processes');
  const name = useUserNames();
  const files = useInstanceFiles(props.instanceId, props.running).data?.items ?? [];
  if (files.length === 0) return null;
  return (
    <SectionCard id="card-files" title={t('card.files')}>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {files.map((file) => (
          <li key={file.id}>
            <DownloadLink href={processFileUrl(props.instanceId, file.id)} fileName={file.name} />
            <Text size="xs" c="dimmed">
              {t('card.fileMeta', {
                size: formatFileSize(file.size, i18n.language),
                name: name(file.uploadedBy),
                date: formatDateTime(file.uploadedAt, i18n.language),
              })}
            </Text>
          </li>
        ))}
      </Stack>
    </SectionCard>
  );
}
