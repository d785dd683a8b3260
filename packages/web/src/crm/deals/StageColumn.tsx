import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { type DragEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '../../api/crm.ts';
import { useDealList } from '../../api/crm-deals.ts';
import { PagedList } from '../../app/PagedList.tsx';
import { type BoardColumn, stageColor } from '../board.ts';
import { DEFAULT_CURRENCY, formatMoney } from '../money.ts';
import { DealCard } from './DealCard.tsx';
import { DEAL_DRAG_TYPE, droppedDeal } from './drag.ts';
import type { useMoveDeal } from './useMoveDeal.ts';

/** Deals a column loads at a time; "Show more" loads the next ones. */
export const COLUMN_PAGE = 20;

/**
 * One stage of the board: its name in its colour, how many deals and their sum, the deals page by
 * page (matching the search `q`), and a drop target for a card dragged from another column.
 */
export function StageColumn(props: {
  pipeline: Pipeline;
  column: BoardColumn;
  q: string;
  mover: ReturnType<typeof useMoveDeal>;
}) {
  const { t, i18n } = useTranslation('crm');
  const { pipeline, column, q, mover } = props;
  const { stage } = column;
  const headingId = useId();
  const [over, setOver] = useState(false);
  const deals = useDealList({
    pipelineId: pipeline.id,
    stageId: stage.id,
    limit: COLUMN_PAGE,
    ...(q ? { q } : {}),
  });
  const dragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DEAL_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const deal = droppedDeal(event.dataTransfer);
    if (deal) mover.move(deal, stage);
  };
  const moveTo = (deal: Parameters<typeof mover.move>[0]) => (to: Stage) => mover.move(deal, to);

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      className="crm-column"
      data-drop-target={over || undefined}
      withBorder
      radius="md"
      p="xs"
      style={{ borderTop: `4px solid ${stageColor(stage)}` }}
      onDragOver={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Title order={2} size="h5" id={headingId} className="wrap-anywhere">
          {stage.name}
        </Title>
        <Badge variant="light" color="gray" aria-label={t('board.count', { count: column.count })}>
          {column.count}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t('board.sum', {
          amount:
            column.sums.map((s) => formatMoney(s.amount, s.currency, i18n.language)).join(' · ') ||
            formatMoney(0, DEFAULT_CURRENCY, i18n.language),
        })}
      </Text>
      <PagedList query={deals} empty={q ? t('board.noMatch') : t('board.emptyStage')}>
        {(deal) => <DealCard key={deal.id} deal={deal} stages={pipeline.stages} onMove={moveTo(deal)} />}
      </PagedList>
    </Paper>
  );
}
