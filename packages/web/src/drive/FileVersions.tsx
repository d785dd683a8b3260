import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contentUrl, type DriveFile, type DriveFileVersion, useFileVersions } from '../api/drive.ts';
import { useUserNames } from '../api/org.ts';
import { DownloadLink } from '../app/DownloadLink.tsx';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatDateTime, formatFileSize } from '../i18n/format.ts';

/**
 * The versions of a file the drive keeps, the latest first: each downloads as it was, says its size and
 * who uploaded it when; the file's own version is marked current.
 */
export function FileVersions({ file }: { file: DriveFile }) {
  const { t } = useTranslation('drive');
  const versions = useFileVersions(file.id);
  return (
    <SectionCard id="file-versions" title={t('versions.title')}>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorNotice error={versions.error} retry={() => versions.refetch()} />
      ) : (
        <VersionList file={file} versions={versions.data.items} />
      )}
    </SectionCard>
  );
}

function VersionList({ file, versions }: { file: DriveFile; versions: readonly DriveFileVersion[] }) {
  const { t, i18n } = useTranslation('drive');
  const name = useUserNames();
  // Only the latest ones keep their bytes: say so when the first ones are gone.
  const earlierGone = (versions.at(-1)?.version ?? 1) > 1;
  return (
    <>
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {versions.map((v) => (
          <li key={v.version}>
            <Group gap="xs" wrap="wrap">
              <DownloadLink href={contentUrl(file.id, v.version)} fileName={file.name}>
                {t('versions.version', { version: v.version })}
              </DownloadLink>
              {v.version === file.version && (
                <Badge variant="light" size="sm" tt="none">
                  {t('versions.current')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" className="wrap-anywhere">
              {t('versions.meta', {
                size: formatFileSize(v.size, i18n.language),
                name: name(v.createdBy),
                date: formatDateTime(v.createdAt, i18n.language),
              })}
            </Text>
          </li>
        ))}
      </Stack>
      {earlierGone && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('versions.earlierGone')}
        </Text>
      )}
    </>
  );
}
