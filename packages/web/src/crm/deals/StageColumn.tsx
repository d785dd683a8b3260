import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '../../api/crm.ts';
import { useDealList } from '../../api/crm-deals.ts';
import type { BoardColumn } from '../board.ts';
import { COLUMN_PAGE, StageColumnFrame } from '../items/StageColumnFrame.tsx';
import type { Movable, Mover } from '../items/useStageMove.ts';
import { DEFAULT_CURRENCY, formatMoney } from '../money.ts';
import { DealCard } from './DealCard.tsx';
import { DEAL_KIND } from './deal-kind.ts';
import { useDealDrop } from './drag.ts';

/**
 * One stage of the deal board: the deals there (matching the search `q`) with the sum of their amounts,
 * and a drop target for a card dragged from another column.
 */
export function StageColumn(props: { pipeline: Pipeline; column: BoardColumn; q: string; mover: Mover }) {
  const { t, i18n } = useTranslation('crm');
  const { pipeline, column, q, mover } = props;
  const { stage } = column;
  const deals = useDealList({
    pipelineId: pipeline.id,
    stageId: stage.id,
    limit: COLUMN_PAGE,
    ...(q ? { q } : {}),
  });
  const drop = useDealDrop((deal) => mover.move(deal, stage));
  const moveTo = (deal: Movable) => (to: Stage) => mover.move(deal, to);
  return (
    <StageColumnFrame
      kind={DEAL_KIND}
      column={column}
      q={q}
      query={deals}
      drop={drop}
      summary={
        <Text size="sm" c="dimmed" mb="xs">
          {t('board.sum', {
            amount:
              column.sums.map((s) => formatMoney(s.amount, s.currency, i18n.language)).join(' · ') ||
              formatMoney(0, DEFAULT_CURRENCY, i18n.language),
          })}
        </Text>
      }
      card={(deal) => <DealCard key={deal.id} deal={deal} stages={pipeline.stages} onMove={moveTo(deal)} />}
    />
  );
}
