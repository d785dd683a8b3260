import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DriveFile, DriveFolder } from '../api/drive.ts';
import { useUserNames } from '../api/org.ts';
import { FactsTable } from '../app/FactsTable.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatDateTime, formatFileSize } from '../i18n/format.ts';
import { folderPath } from './paths.ts';

/** What is known of a file: its folder, type, size, version, who added it and who changed it last. */
export function FileDetails({ file, folder }: { file: DriveFile; folder: DriveFolder | undefined }) {
  const { t, i18n } = useTranslation('drive');
  const name = useUserNames();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <SectionCard id="file-details" title={t('file.details')}>
      <FactsTable
        rows={[
          [
            t('file.folder'),
            folder ? (
              <Anchor key="folder" component={Link} to={folderPath(folder.id)} size="sm">
                {folder.name}
              </Anchor>
            ) : (
              '—'
            ),
          ],
          [t('file.type'), file.contentType],
          [t('file.size'), formatFileSize(file.size, i18n.language)],
          [t('file.version'), file.version],
          [t('file.addedBy'), t('file.byOn', { name: name(file.createdBy), date: when(file.createdAt) })],
          [t('file.changedBy'), t('file.byOn', { name: name(file.updatedBy), date: when(file.updatedAt) })],
        ]}
      />
    </SectionCard>
  );
}
