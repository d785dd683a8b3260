import { Badge, Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, User } from '../../api/types.ts';
import { buildTree, type DepartmentNode } from './tree.ts';

/** The department tree with each head and head count; `actions` adds controls to a department's row. */
export function DepartmentTree(props: {
  departments: readonly Department[];
  users: readonly User[];
  actions?: (department: Department) => ReactNode;
}) {
  const { t } = useTranslation('admin');
  const names = new Map(props.users.map((u) => [u.id, u.name]));
  const members = new Map<string, number>();
  for (const u of props.users)
    if (u.departmentId && u.active) members.set(u.departmentId, (members.get(u.departmentId) ?? 0) + 1);

  const render = (nodes: DepartmentNode[], depth: number) => (
    <Box
      component="ul"
      role={depth === 0 ? 'tree' : 'group'}
      aria-label={depth === 0 ? t('org.departments') : undefined}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {nodes.map(({ department, children }) => (
        <Box
          component="li"
          role="treeitem"
          aria-expanded={children.length > 0 ? true : undefined}
          key={department.id}
          pl={depth === 0 ? 0 : 'md'}
          style={depth > 0 ? { borderLeft: '1px solid var(--mantine-color-default-border)' } : undefined}
        >
          <Group gap="xs" py={6} wrap="nowrap" justify="space-between" align="flex-start">
            <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" className="wrap-anywhere">
                {department.name}
              </Text>
              <Text size="xs" c="dimmed">
                {department.headId
                  ? t('org.head', { name: names.get(department.headId) ?? department.headId })
                  : t('org.noHead')}
              </Text>
              <Badge size="sm" variant="light" color="gray">
                {t('org.members', { count: members.get(department.id) ?? 0 })}
              </Badge>
            </Group>
            {props.actions?.(department)}
          </Group>
          {children.length > 0 && render(children, depth + 1)}
        </Box>
      ))}
    </Box>
  );
  return render(buildTree(props.departments), 0);
}
