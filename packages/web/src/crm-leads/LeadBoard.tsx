import { Select } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { type Pipeline, usePipelineSummary } from '../api/crm.ts';
import { boardColumns, pickStage } from '../crm/board.ts';
import { useUrlParam } from '../crm/url-params.ts';
import { LeadColumn } from './LeadColumn.tsx';
import { useMoveLead } from './useMoveLead.ts';
import '../crm/crm.css';

/**
 * The pipeline's leads as a board: a column per stage side by side, scrolled sideways when they do not
 * fit; on a phone one stage at a time, picked above it (`?stage=`), as on the deal board.
 */
export function LeadBoard({ pipeline, q }: { pipeline: Pipeline; q: string }) {
  const { t } = useTranslation('leads');
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false }) ?? false;
  const summary = usePipelineSummary(pipeline.id);
  const columns = boardColumns(pipeline, summary.data);
  const mover = useMoveLead();
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
        {column && <LeadColumn key={column.stage.id} pipeline={pipeline} column={column} q={q} mover={mover} />}
      </>
    );
  }
  return (
    <div className="crm-board">
      {columns.map((column) => (
        <LeadColumn key={column.stage.id} pipeline={pipeline} column={column} q={q} mover={mover} />
      ))}
    </div>
  );
}
