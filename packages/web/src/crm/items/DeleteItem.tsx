import { useTranslation } from 'react-i18next';
import { DeleteAndLeave, type Removal } from '../../app/DeleteAndLeave.tsx';
import { type BoardItem, boardPath, type ItemKind } from './item-kind.ts';

/** What deleting needs of an item's delete mutation (`useDeleteDeal()`, `useDeleteLead()`). */
export type ItemRemoval = Removal;

/** Asks before deleting an item; deleted, it goes back to its pipeline's board. */
export function DeleteItem(props: {
  kind: ItemKind;
  item: Pick<BoardItem, 'id' | 'title' | 'pipelineId'>;
  remove: ItemRemoval;
  opened: boolean;
  onClose: () => void;
}) {
  const { kind, item } = props;
  const { t } = useTranslation(kind.ns);
  const words = (key: string, values?: Record<string, string>) => t(`${kind.itemWords}${key}`, values);
  return (
    <DeleteAndLeave
      id={item.id}
      removal={props.remove}
      opened={props.opened}
      onClose={props.onClose}
      title={words('deleteTitle', { title: item.title })}
      confirmLabel={words('delete')}
      doneMessage={words('deleted', { title: item.title })}
      leaveTo={boardPath(kind, item.pipelineId)}
    >
      {words('deleteConsequence')}
    </DeleteAndLeave>
  );
}
