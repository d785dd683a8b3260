import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../api/crm.ts';
import { useDealList } from '../../api/crm-deals.ts';
import type { BoardColumn } from '../board.ts';
import { COLUMN_PAGE, StageColumnFrame } from '../items/StageColumnFrame.tsx';
import type { Mover } from '../items/useStageMove.ts';
import { DEFAULT_CURRENCY, formatMoney } from '../money.ts';
import { DealCard } from './DealCard.tsx';
import { DEAL_KIND } from './deal-kind.ts';

/**
 * One stage of the deal board (see StageColumnFrame): the deals there, matching the search `q`, with
 * the sum of their amounts.
 */
export function StageColumn(props: { pipeline: Pipeline; column: BoardColumn; q: string; mover: Mover }) {
  const { t, i18n } = useTranslation('crm');
  const { pipeline, column, q } = props;
  const deals = useDealList({
    pipelineId: pipeline.id,
    stageId: column.stage.id,
    limit: COLUMN_PAGE,
    ...(q ? { q } : {}),
  });
  return (
    <StageColumnFrame
      kind={DEAL_KIND}
      column={column}
      q={q}
      query={deals}
      mover={props.mover}
      summary={
        <Text size="sm" c="dimmed" mb="xs">
          {t('board.sum', {
            amount:
              column.sums.map((s) => formatMoney(s.amount, s.currency, i18n.language)).join(' · ') ||
              formatMoney(0, DEFAULT_CURRENCY, i18n.language),
          })}
        </Text>
      }
      card={(deal, moveTo) => <DealCard key={deal.id} deal={deal} stages={pipeline.stages} onMove={moveTo} />}
    />
  );
}
