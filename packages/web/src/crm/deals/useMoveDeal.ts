import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/crm.ts';
import { type DealItem, useUpdateDeal } from '../../api/crm-deals.ts';
import { refresh } from '../../api/query-client.ts';
import { problemMessage } from '../problems.ts';

/**
 * Moves a deal of the board to another stage (a card's menu, or a drop on a column), sending the
 * version the board shows: when someone changed the deal since, nothing moves, the user is told and the
 * board reloads.
 */
export function useMoveDeal() {
  const { t } = useTranslation('crm');
  const client = useQueryClient();
  const update = useUpdateDeal();
  const move = (deal: Pick<DealItem, 'id' | 'title' | 'version' | 'stageId'>, stage: Stage) => {
    if (deal.stageId === stage.id) return;
    update.mutate(
      { id: deal.id, changes: { stageId: stage.id, version: deal.version } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('board.moved', { title: deal.title, stage: stage.name }),
          }),
        onError: (error) => {
          notifications.show({ color: 'red', message: problemMessage(error, t) });
          refresh(client, 'crm');
        },
      },
    );
  };
  return { move, pending: update.isPending, moving: update.variables?.id ?? null };
}
