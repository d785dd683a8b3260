import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/crm.ts';
import { PagedList, type PagedQuery } from '../../app/PagedList.tsx';
import type { BoardColumn } from '../board.ts';
import { StageShell } from '../StageShell.tsx';
import { useItemDrop } from './drag.ts';
import type { ItemKind } from './item-kind.ts';
import type { Movable, Mover } from './useStageMove.ts';

/** Items a column loads at a time; "Show more" loads the next ones. */
export const COLUMN_PAGE = 20;

/**
 * One stage of a board: its name in its colour, how many items (and below it `summary`, such as their
 * sum), the items page by page (`query`, matching the search `q`) as `card` renders them. A card of the
 * kind dragged from another column and dropped here moves to this stage, and `card`'s `moveTo` moves
 * an item to the stage its menu names; both through `mover`.
 */
export function StageColumnFrame<T extends Movable>(props: {
  kind: ItemKind;
  column: BoardColumn;
  q: string;
  query: PagedQuery<T>;
  mover: Mover;
  summary?: ReactNode;
  card: (item: T, moveTo: (stage: Stage) => void) => ReactNode;
}) {
  const { t } = useTranslation(props.kind.ns);
  const { column, q, mover } = props;
  const drop = useItemDrop(props.kind, (item) => mover.move(item, column.stage));
  return (
    <StageShell
      stage={column.stage}
      count={column.count}
      countLabel={t('board.count', { count: column.count })}
      underHeading={props.summary}
      section={drop}
    >
      <PagedList query={props.query} empty={q ? t('board.noMatch') : t('board.emptyStage')}>
        {(item) => props.card(item, (to) => mover.move(item, to))}
      </PagedList>
    </StageShell>
  );
}
