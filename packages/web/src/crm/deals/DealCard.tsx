import { Badge, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { type DragEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Stage } from '../../api/crm.ts';
import type { DealItem } from '../../api/crm-deals.ts';
import { ActionsMenu } from '../../app/ActionsMenu.tsx';
import { stageColor } from '../board.ts';
import { formatMoney } from '../money.ts';
import { DEAL_DRAG_TYPE } from './drag.ts';

/**
 * One deal on the board or in a list: its title (a link to the deal), amount, whom it is with and who
 * is responsible. With `stages`, a menu moves it to another stage — the way that works on a phone — and
 * on a desktop it can be dragged onto another column.
 */
export function DealCard(props: {
  deal: DealItem;
  /** The stage it is at, shown as a badge (in lists that are not a board's column). */
  stage?: Stage | undefined;
  stages?: readonly Stage[];
  onMove?: (stage: Stage) => void;
}) {
  const { t, i18n } = useTranslation('crm');
  const { deal, stages, onMove } = props;
  const titleId = useId();
  const party = [deal.companyName, deal.contactName].filter(Boolean).join(' · ');
  const drag = (event: DragEvent) => {
    event.dataTransfer.setData(DEAL_DRAG_TYPE, JSON.stringify(deal));
    event.dataTransfer.effectAllowed = 'move';
  };
  const others = stages?.filter((s) => s.id !== deal.stageId) ?? [];
  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      component="article"
      aria-labelledby={titleId}
      draggable={onMove !== undefined}
      onDragStart={onMove ? drag : undefined}
    >
      <Stack gap={2}>
        <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
          <Text
            id={titleId}
            fw={600}
            size="sm"
            component={Link}
            to={`/crm/deals/${encodeURIComponent(deal.id)}`}
            className="card-link wrap-anywhere"
          >
            {deal.title}
          </Text>
          {onMove && others.length > 0 && (
            <ActionsMenu label={t('board.actionsFor', { title: deal.title })}>
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
        {props.stage && (
          <Badge variant="dot" color={stageColor(props.stage)} tt="none" style={{ alignSelf: 'flex-start' }}>
            {props.stage.name}
          </Badge>
        )}
        {deal.amount !== null && (
          <Text size="sm" fw={500}>
            {formatMoney(deal.amount, deal.currency, i18n.language)}
          </Text>
        )}
        {party && (
          <Text size="xs" c="dimmed" className="wrap-anywhere">
            {party}
          </Text>
        )}
        {deal.responsibleName && (
          <Text size="xs" c="dimmed" className="wrap-anywhere">
            {t('deal.responsibleIs', { name: deal.responsibleName })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
