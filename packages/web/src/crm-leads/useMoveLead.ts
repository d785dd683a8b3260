import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../api/crm.ts';
import { type LeadItem, useUpdateLead } from '../api/crm-leads.ts';
import { refresh } from '../api/query-client.ts';
import { leadProblem } from './lead-problems.ts';

/**
 * Moves a lead of the board to another stage, sending the version the board shows: when someone
 * changed the lead since, nothing moves, the user is told and the board reloads.
 */
export function useMoveLead() {
  const { t } = useTranslation('leads');
  const client = useQueryClient();
  const update = useUpdateLead();
  const move = (lead: Pick<LeadItem, 'id' | 'title' | 'version' | 'stageId'>, stage: Stage) => {
    if (lead.stageId === stage.id) return;
    update.mutate(
      { id: lead.id, changes: { stageId: stage.id, version: lead.version } },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('board.moved', { title: lead.title, stage: stage.name }) }),
        onError: (error) => {
          notifications.show({ color: 'red', message: leadProblem(error, t) });
          refresh(client, 'crm');
        },
      },
    );
  };
  return { move, pending: update.isPending };
}
