import { Badge, Group, Paper, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '../api/crm.ts';
import { type LeadItem, useLeadList } from '../api/crm-leads.ts';
import { PagedList } from '../app/PagedList.tsx';
import { type BoardColumn, stageColor } from '../crm/board.ts';
import { LeadCard } from './LeadCard.tsx';
import type { useMoveLead } from './useMoveLead.ts';

/** Leads a column loads at a time; "Load more" loads the next ones. */
export const LEAD_COLUMN_PAGE = 20;

/** One stage of the lead board: its name in its colour, how many leads, the leads page by page. */
export function LeadColumn(props: {
  pipeline: Pipeline;
  column: BoardColumn;
  q: string;
  mover: ReturnType<typeof useMoveLead>;
}) {
  const { t } = useTranslation('leads');
  const { pipeline, column, q, mover } = props;
  const { stage } = column;
  const headingId = useId();
  const leads = useLeadList({
    pipelineId: pipeline.id,
    stageId: stage.id,
    limit: LEAD_COLUMN_PAGE,
    ...(q ? { q } : {}),
  });
  const moveTo = (lead: LeadItem) => (to: Stage) => mover.move(lead, to);

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      className="crm-column"
      withBorder
      radius="md"
      p="xs"
      style={{ borderTop: `4px solid ${stageColor(stage)}` }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start" mb="xs">
        <Title order={2} size="h5" id={headingId} className="wrap-anywhere">
          {stage.name}
        </Title>
        <Badge variant="light" color="gray" aria-label={t('board.count', { count: column.count })}>
          {column.count}
        </Badge>
      </Group>
      <PagedList query={leads} empty={q ? t('board.noMatch') : t('board.emptyStage')}>
        {(lead) => <LeadCard key={lead.id} lead={lead} stages={pipeline.stages} onMove={moveTo(lead)} />}
      </PagedList>
    </Paper>
  );
}
