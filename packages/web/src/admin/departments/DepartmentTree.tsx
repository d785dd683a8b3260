import { Badge, Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Department, User } from '../api/types.ts';

interface Node {
  department: Department;
  children: Node[];
}

/** Departments as a tree (roots: no parent, or a parent that is not listed), each level sorted by name. */
export function buildTree(departments: readonly Department[]): Node[] {
  const nodes = new Map(departments.map((d) => [d.id, { department: d, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: Node[]) => {
    list.sort((a, b) => a.department.name.localeCompare(b.department.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

export function DepartmentTree(props: { departments: readonly Department[]; users: readonly User[] }) {
  const { t } = useTranslation('admin');
  const names = new Map(props.users.map((u) => [u.id, u.name]));
  const members = new Map<string, number>();
  for (const u of props.users)
    if (u.departmentId) members.set(u.departmentId, (members.get(u.departmentId) ?? 0) + 1);

  const render = (nodes: Node[], depth: number) => (
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
          <Group gap="xs" py={6} wrap="wrap">
            <Text fw={600} size="sm">
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
          {children.length > 0 && render(children, depth + 1)}
        </Box>
      ))}
    </Box>
  );
  return render(buildTree(props.departments), 0);
}
