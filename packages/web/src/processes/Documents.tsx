import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentUrl, useInstanceDocuments } from '../api/documents.ts';
import { DownloadLink } from '../app/DownloadLink.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatDateTime, formatFileSize } from '../i18n/format.ts';

/**
 * How long after its end a process is still asked for documents: the worker makes one after the step
 * that asked for it, so a process that ends right after that step gets its document a moment later.
 */
const AFTER_END = 60_000;

/**
 * The documents the process made (its "Create document" steps), newest first, each a download link;
 * nothing at all while there are none.
 */
export function Documents(props: { instanceId: string; running: boolean; endedAt: string | null }) {
  const { t, i18n } = useTranslation('processes');
  const { endedAt } = props;
  const poll = props.running || (endedAt !== null && Date.now() - Date.parse(endedAt) < AFTER_END);
  const documents = useInstanceDocuments(props.instanceId, poll).data?.items ?? [];
  if (documents.length === 0) return null;
  return (
    <SectionCard id="card-documents" title={t('card.documents')}>
      <Stack gap="xs">
        {documents.map((d) => (
          <div key={d.id}>
            <DownloadLink href={documentUrl(d.id)} fileName={d.fileName} />
            <Text size="xs" c="dimmed">
              {t('card.documentMeta', {
                format: d.format.toUpperCase(),
                size: formatFileSize(d.size, i18n.language),
                date: formatDateTime(d.createdAt, i18n.language),
              })}
            </Text>
          </div>
        ))}
      </Stack>
    </SectionCard>
  );
}
