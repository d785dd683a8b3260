import { ActionIcon, Badge, Group, Menu, Paper, Text } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';

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
    <Paper withBorder p="sm" radius="md" component="li" aria-label={u.name}>
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
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('users.actions', { name: u.name })}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
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
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Paper>
  );
}
