import { Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Stage } from '../../api/crm.ts';
import { ActionsMenu } from '../../app/ActionsMenu.tsx';
import { startItemDrag } from './drag.ts';
import { type ItemKind, itemPath } from './item-kind.ts';
import type { Movable } from './useStageMove.ts';

/**
 * One item on a board or in a list: its title (a link to its card) and, below, what `children` say of it.
 * With `onMove`, a menu moves it to another of `stages` — the way that works on a phone — and on a
 * desktop it can also be dragged onto another column of its kind's board (see useItemDrop).
 */
export function ItemCard(props: {
  kind: ItemKind;
  item: Movable;
  stages?: readonly Stage[] | undefined;
  onMove?: ((stage: Stage) => void) | undefined;
  children: ReactNode;
}) {
  const { kind, item, onMove } = props;
  const { t } = useTranslation(kind.ns);
  const titleId = useId();
  const others = props.stages?.filter((s) => s.id !== item.stageId) ?? [];
  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      component="article"
      aria-labelledby={titleId}
      draggable={onMove ? true : undefined}
      onDragStart={onMove ? (event) => startItemDrag(kind, item, event) : undefined}
    >
      <Stack gap={2}>
        <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
          <Text
            id={titleId}
            fw={600}
            size="sm"
            component={Link}
            to={itemPath(kind, item.id)}
            className="card-link wrap-anywhere"
          >
            {item.title}
          </Text>
          {onMove && others.length > 0 && (
            <ActionsMenu label={t('board.actionsFor', { title: item.title })}>
              <Menu.Label>{t('board.moveTo')}</Menu.Label>
              {others.map((stage) => (
                <Menu.Item
                  key={stage.id}
                  leftSection={<IconArrowRight size={14} aria-hidden />}
                  onClick={() => onMove(stage)}
                >
                  {stage.name}
                </Menu.Item>
              ))}
            </ActionsMenu>
          )}
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}
