import { useTranslation } from 'react-i18next';
import { useGroups, useUserNames } from '../../api/org.ts';
import { useDeleteGroup } from '../../api/org-writes.ts';
import { NamedItemsTab } from '../NamedItemsTab.tsx';
import { GroupForm } from './GroupForm.tsx';

/** Groups of people work can go to (`group:<name>`): members, creating, editing and removing them. */
export function GroupsTab() {
  const { t } = useTranslation('admin');
  const groups = useGroups();
  const remove = useDeleteGroup();
  const name = useUserNames();
  return (
    <NamedItemsTab
      kind="group"
      items={groups}
      remove={remove}
      people={(group) =>
        group.members.length > 0
          ? t('groups.membersList', { names: group.members.map(name).join(', ') })
          : t('groups.noMembers')
      }
      consequence={() => t('groups.deleteText')}
      form={(group, onDone) => <GroupForm group={group} onDone={onDone} />}
    />
  );
}
