import { Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileUpload, IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type DocumentTemplateSummary, templateFileUrl } from '../../api/documents.ts';
import { useUserNames } from '../../api/org.ts';
import { ActionsMenu } from '../../app/ActionsMenu.tsx';
import { CardListItem } from '../../app/CardList.tsx';
import { LabelBadges } from '../../app/LabelBadges.tsx';
import { formatDateTime, formatFileSize } from '../../i18n/format.ts';
import type { TemplateAction } from './TemplateDialogs.tsx';

/** One document template: what it is and makes, the placeholders it fills, and what to do with it. */
export function TemplateCard(props: {
  template: DocumentTemplateSummary;
  onAction: (action: TemplateAction) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const name = useUserNames();
  const { template, onAction } = props;
  const stamp = {
    size: formatFileSize(template.size, i18n.language),
    date: formatDateTime(template.updatedAt, i18n.language),
    name: name(template.updatedBy),
  };
  return (
    <CardListItem label={template.name}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} className="wrap-anywhere">
            {template.name}
          </Text>
          <Badge variant="light" color={template.kind === 'docx' ? 'blue' : 'teal'} style={{ flexShrink: 0 }}>
            {t(`documents.kinds.${template.kind}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" ff="monospace" className="wrap-anywhere">
          {template.key}
        </Text>
        <Text size="sm">
          {t('documents.makes', { formats: template.formats.map((f) => f.toUpperCase()).join(', ') })}
        </Text>
        {template.placeholders.length > 0 && (
          <div>
            <Text size="xs" c="dimmed">
              {t('documents.placeholders')}
            </Text>
            <LabelBadges labels={template.placeholders} />
          </div>
        )}
        <Text size="xs" c="dimmed">
          {t(template.updatedBy ? 'documents.updated' : 'documents.updatedNoOne', stamp)}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlayerPlay size={14} aria-hidden />}
            aria-label={t('documents.tryItNamed', { name: template.name })}
            onClick={() => onAction({ kind: 'preview', template })}
          >
            {t('documents.tryIt')}
          </Button>
          <ActionsMenu label={t('documents.actionsFor', { name: template.name })}>
            {template.kind === 'text' ? (
              <Menu.Item
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => onAction({ kind: 'text', template })}
              >
                {t('documents.edit')}
              </Menu.Item>
            ) : (
              <>
                <Menu.Item
                  leftSection={<IconFileUpload size={16} aria-hidden />}
                  onClick={() => onAction({ kind: 'docx', template })}
                >
                  {t('documents.replace')}
                </Menu.Item>
                <Menu.Item
                  component="a"
                  href={templateFileUrl(template.key)}
                  download
                  leftSection={<IconDownload size={16} aria-hidden />}
                >
                  {t('documents.download')}
                </Menu.Item>
              </>
            )}
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onAction({ kind: 'delete', template })}
            >
              {t('documents.delete')}
            </Menu.Item>
          </ActionsMenu>
        </Group>
      </Stack>
    </CardListItem>
  );
}
