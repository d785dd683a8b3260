import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DriveFile } from '../api/drive.ts';
import { useUserNames } from '../api/org.ts';
import { formatDateTime, formatFileSize } from '../i18n/format.ts';
import { FileActions } from './FileActions.tsx';
import { FileName } from './FileName.tsx';

/** A folder's files on a wide screen: a row each — name, size, version, who changed it last and when. */
export function FilesTable({ files }: { files: readonly DriveFile[] }) {
  const { t, i18n } = useTranslation('drive');
  const name = useUserNames();
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('files.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('file.name')}</Table.Th>
            <Table.Th>{t('file.size')}</Table.Th>
            <Table.Th>{t('file.version')}</Table.Th>
            <Table.Th>{t('file.changedBy')}</Table.Th>
            <Table.Th>{t('file.changedAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('file.actionsColumn')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={file.id}>
              <Table.Td>
                <FileName file={file} />
              </Table.Td>
              <Table.Td style={nowrap}>{formatFileSize(file.size, i18n.language)}</Table.Td>
              <Table.Td>{file.version}</Table.Td>
              <Table.Td className="wrap-anywhere">{name(file.updatedBy)}</Table.Td>
              <Table.Td style={nowrap}>{formatDateTime(file.updatedAt, i18n.language)}</Table.Td>
              <Table.Td ta="right">
                <FileActions file={file} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
