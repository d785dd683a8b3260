import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface CountRow {
  id: string | null;
  name: string;
  tasks: number;
  overdue: number;
}

/** Tasks and overdue tasks per department or employee; a row click filters the list by it. */
export function CountsTable(props: {
  caption: string;
  rows: CountRow[];
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <Table striped highlightOnHover verticalSpacing={4} fz="sm" captionSide="top">
      <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>{props.caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('tasks.who')}</Table.Th>
          <Table.Th ta="right">{t('tasks.count')}</Table.Th>
          <Table.Th ta="right">{t('tasks.overdueCount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => (
          <Table.Tr
            key={row.id ?? '-'}
            bg={
              row.id !== null && row.id === props.selected ? 'var(--mantine-primary-color-light)' : undefined
            }
          >
            <Table.Td>
              {row.id === null ? (
                <Text size="sm" c="dimmed">
                  {row.name}
                </Text>
              ) : (
                <UnstyledButton
                  fz="sm"
                  className="wrap-anywhere"
                  onClick={() => props.onSelect(row.id === props.selected ? null : row.id)}
                  aria-pressed={row.id === props.selected}
                >
                  {row.name}
                </UnstyledButton>
              )}
            </Table.Td>
            <Table.Td ta="right">{row.tasks}</Table.Td>
            <Table.Td
              ta="right"
              c={row.overdue > 0 ? 'red' : undefined}
              fw={row.overdue > 0 ? 700 : undefined}
            >
              {row.overdue}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
