import { ActionIcon, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFolder, IconSettings } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DriveFolder } from '../api/drive.ts';
import { folderPath } from './paths.ts';

/**
 * A folder among the folders: its name (a link to its files), its description, whether I may only read
 * it, and for those who manage it a button to its settings.
 */
export function FolderCard(props: { folder: DriveFolder; onSettings: () => void }) {
  const { t } = useTranslation('drive');
  const { folder } = props;
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <IconFolder size={22} aria-hidden color="var(--mantine-color-yellow-7)" style={{ flexShrink: 0 }} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text
              id={titleId}
              fw={600}
              component={Link}
              to={folderPath(folder.id)}
              className="card-link wrap-anywhere"
            >
              {folder.name}
            </Text>
            {folder.description && (
              <Text size="sm" c="dimmed" className="wrap-anywhere" lineClamp={3}>
                {folder.description}
              </Text>
            )}
          </Stack>
        </Group>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {!folder.canWrite && (
            <Badge variant="light" color="gray" tt="none">
              {t('folder.readOnly')}
            </Badge>
          )}
          {folder.canManage && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('folder.settingsOf', { name: folder.name })}
              onClick={props.onSettings}
            >
              <IconSettings size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
