import type { DragEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedList, type PagedQuery } from '../../app/PagedList.tsx';
import type { BoardColumn } from '../board.ts';
import { StageShell } from '../StageShell.tsx';
import type { ItemKind } from './item-kind.ts';

/** Items a column loads at a time; "Show more" loads the next ones. */
export const COLUMN_PAGE = 20;

/** What makes a column a drop target for cards dragged from another one. */
export interface DropTargetProps {
  'data-drop-target'?: true | undefined;
  onDragOver: DragEventHandler;
  onDragLeave: DragEventHandler;
  onDrop: DragEventHandler;
}

/**
 * One stage of a board: its name in its colour, how many items (and below it `summary`, such as their
 * sum), the items page by page (`query`, matching the search `q`) as `card` renders them.
 */
export function StageColumnFrame<T>(props: {
  kind: ItemKind;
  column: BoardColumn;
  q: string;
  query: PagedQuery<T>;
  summary?: ReactNode;
  drop?: DropTargetProps;
  card: (item: T) => ReactNode;
}) {
  const { t } = useTranslation(props.kind.ns);
  const { column, q } = props;
  return (
    <StageShell
      stage={column.stage}
      count={column.count}
      countLabel={t('board.count', { count: column.count })}
      underHeading={props.summary}
      section={props.drop}
    >
      <PagedList query={props.query} empty={q ? t('board.noMatch') : t('board.emptyStage')}>
        {props.card}
      </PagedList>
    </StageShell>
  );
}
