import { Badge, Group, Menu, Text } from '@mantine/core';
import { IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { ActionsMenu } from '../../app/ActionsMenu.tsx';
import { CardListItem } from '../../app/CardList.tsx';

export type UserAction = 'edit' | 'password' | 'activation';

/** One employee in the list: who they are, where, whom they report to, their roles, and what to do. */
export function UserRow(props: {
  user: User;
  departmentName: (id: string) => string;
  userName: (id: string) => string;
  onAction: (action: UserAction) => void;
}) {
  const { t } = useTranslation('admin');
  const u = props.user;
  return (
    <CardListItem label={u.name}>
      <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} className="wrap-anywhere" c={u.active ? undefined : 'dimmed'}>
            {u.name}
          </Text>
          <Text size="xs" c="dimmed" className="wrap-anywhere">
            {[u.login, u.position, u.departmentId ? props.departmentName(u.departmentId) : null]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {u.headId && (
            <Text size="xs" c="dimmed">
              {t('org.reportsTo', { name: props.userName(u.headId) })}
            </Text>
          )}
          <Group gap={4} mt={4}>
            {!u.active && <Badge color="gray">{t('org.inactive')}</Badge>}
            {u.roles.map((r) => (
              <Badge key={`${r.role}:${r.departmentId ?? ''}`} variant="light" tt="none">
                {r.departmentId ? `${r.role} · ${props.departmentName(r.departmentId)}` : r.role}
              </Badge>
            ))}
          </Group>
        </div>
        <ActionsMenu label={t('users.actions', { name: u.name })}>
          <Menu.Item
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => props.onAction('edit')}
          >
            {t('users.edit')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconKey size={16} aria-hidden />}
            onClick={() => props.onAction('password')}
          >
            {t('users.setPassword')}
          </Menu.Item>
          <Menu.Item
            color={u.active ? 'red' : undefined}
            leftSection={
              u.active ? <IconUserOff size={16} aria-hidden /> : <IconUserCheck size={16} aria-hidden />
            }
            onClick={() => props.onAction('activation')}
          >
            {t(u.active ? 'users.deactivate' : 'users.reactivate')}
          </Menu.Item>
        </ActionsMenu>
      </Group>
    </CardListItem>
  );
}
