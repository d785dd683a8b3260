import { Badge, Group, Menu, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../api/crm.ts';
import { ActionsMenu } from '../../app/ActionsMenu.tsx';
import { CardListItem } from '../../app/CardList.tsx';
import { stageColor } from '../board.ts';

export type PipelineAction = { kind: 'new' } | { kind: 'edit' | 'delete'; pipeline: Pipeline };

/** One pipeline in the settings: its name, its stages in order and colour, edit and delete. */
export function PipelineCard({
  pipeline,
  onAction,
}: {
  pipeline: Pipeline;
  onAction: (action: PipelineAction) => void;
}) {
  const { t } = useTranslation('crm');
  return (
    <CardListItem label={pipeline.name}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} className="wrap-anywhere">
            {pipeline.name}
          </Text>
          <ActionsMenu label={t('pipelines.actionsFor', { name: pipeline.name })}>
            <Menu.Item
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => onAction({ kind: 'edit', pipeline })}
            >
              {t('pipelines.edit')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onAction({ kind: 'delete', pipeline })}
            >
              {t('pipelines.delete')}
            </Menu.Item>
          </ActionsMenu>
        </Group>
        <Group gap={6}>
          {pipeline.stages.map((stage) => (
            <Badge key={stage.id} variant="dot" color={stageColor(stage)} tt="none" size="lg">
              {stage.name}
            </Badge>
          ))}
        </Group>
      </Stack>
    </CardListItem>
  );
}
