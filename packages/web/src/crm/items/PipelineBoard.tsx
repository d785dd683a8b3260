import { Select } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Pipeline, usePipelineSummary } from '../../api/crm.ts';
import { type BoardColumn, boardColumns, pickStage } from '../board.ts';
import { useUrlParam } from '../url-params.ts';
import type { ItemKind } from './item-kind.ts';
import '../crm.css';

/**
 * A pipeline's items as a board: a column per stage side by side, scrolled sideways when they do not
 * fit; on a phone one stage at a time, picked above it (`?stage=`), so cards keep a readable width.
 * `column` renders one stage's column (keyed by the board).
 */
export function PipelineBoard(props: {
  kind: ItemKind;
  pipeline: Pipeline;
  column: (column: BoardColumn) => ReactNode;
}) {
  const { t } = useTranslation(props.kind.ns);
  const { pipeline } = props;
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false }) ?? false;
  const summary = usePipelineSummary(pipeline.id);
  const columns = boardColumns(pipeline, summary.data);
  const [wanted, setStage] = useUrlParam('stage');

  if (phone) {
    const stage = pickStage(pipeline, wanted);
    const column = columns.find((c) => c.stage.id === stage?.id);
    return (
      <>
        <Select
          label={t('board.stage')}
          data={columns.map((c) => ({
            value: c.stage.id,
            label: t('board.stageOption', { name: c.stage.name, count: c.count }),
          }))}
          value={stage?.id ?? null}
          onChange={(id) => setStage(id)}
          allowDeselect={false}
          mb="sm"
        />
        {column && <Fragment key={column.stage.id}>{props.column(column)}</Fragment>}
      </>
    );
  }
  return (
    <div className="crm-board">
      {columns.map((column) => (
        <Fragment key={column.stage.id}>{props.column(column)}</Fragment>
      ))}
    </div>
  );
}
