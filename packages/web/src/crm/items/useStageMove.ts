import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/crm.ts';
import { refresh } from '../../api/query-client.ts';
import type { BoardItem, ItemKind } from './item-kind.ts';

/** What the move needs of an item's update mutation (`useUpdateDeal()`, `useUpdateLead()`). */
export interface StageUpdate {
  mutate(
    input: { id: string; changes: { stageId: string; version: number } },
    callbacks: { onSuccess: () => void; onError: (error: unknown) => void },
  ): void;
  isPending: boolean;
  variables?: { id: string } | undefined;
}

export type Mover = ReturnType<typeof useStageMove>;
export type Movable = Pick<BoardItem, 'id' | 'title' | 'version' | 'stageId'>;

/**
 * Moves an item of the board to another stage (a card's menu, or a drop on a column), sending the
 * version the board shows: when someone changed the item since, nothing moves, the user is told (in the
 * words of `explain`) and the board reloads.
 */
export function useStageMove(
  kind: ItemKind,
  update: StageUpdate,
  explain: (error: unknown, t: TFunction) => string,
) {
  const { t } = useTranslation(kind.ns);
  const client = useQueryClient();
  const move = (item: Movable, stage: Stage) => {
    if (item.stageId === stage.id) return;
    update.mutate(
      { id: item.id, changes: { stageId: stage.id, version: item.version } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('board.moved', { title: item.title, stage: stage.name }),
          }),
        onError: (error) => {
          notifications.show({ color: 'red', message: explain(error, t) });
          refresh(client, 'crm');
        },
      },
    );
  };
  return { move, pending: update.isPending, moving: update.variables?.id ?? null };
}
