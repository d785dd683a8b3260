import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCopy, IconDownload, IconExternalLink, IconRocket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardListItem } from '../app/CardList.tsx';
import { TemplateIcon } from '../app/TemplateIcon.tsx';
import type { LibraryItem } from './api.ts';

export interface LibraryCardProps {
  item: LibraryItem;
  /** An install of this one is under way. */
  busy: boolean;
  onInstall: (publish: boolean) => void;
  /** Install it beside the template that has its key, under another key. */
  onCopy: () => void;
}

/** One standard process: what it does, whose tasks it makes, and install it — or open what it became. */
export function LibraryCard({ item, busy, onInstall, onCopy }: LibraryCardProps) {
  const { t } = useTranslation('designer');
  return (
    <CardListItem label={item.name}>
      <Stack gap="xs" data-testid="library-item" data-key={item.key}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TemplateIcon icon={item.icon} size="md" />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={500}>{item.name}</Text>
              {item.installed && (
                <Badge size="sm" color="green" variant="light">
                  {t('library.installed')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {item.description}
            </Text>
          </div>
        </Group>
        {item.roles.length > 0 && (
          <Group gap={4} aria-label={t('library.roles')}>
            {item.roles.map((role) => (
              <Badge key={role} size="xs" variant="outline" color="gray" tt="none">
                role:{role}
              </Badge>
            ))}
          </Group>
        )}
        <Group gap="xs">
          {item.installed ? (
            <>
              <Button
                size="xs"
                variant="light"
                component={Link}
                to={`/designer/${encodeURIComponent(item.key)}`}
                leftSection={<IconExternalLink size={14} />}
              >
                {t('library.open')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={onCopy}
                loading={busy}
                leftSection={<IconCopy size={14} />}
              >
                {t('library.copy')}
              </Button>
            </>
          ) : (
            <>
              <Button
                size="xs"
                variant="default"
                onClick={() => onInstall(false)}
                loading={busy}
                leftSection={<IconDownload size={14} />}
              >
                {t('library.install')}
              </Button>
              <Button
                size="xs"
                onClick={() => onInstall(true)}
                loading={busy}
                leftSection={<IconRocket size={14} />}
              >
                {t('library.installAndPublish')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </CardListItem>
  );
}
