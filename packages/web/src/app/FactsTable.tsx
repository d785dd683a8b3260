import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** Facts about one thing as label and value lines (who added it, when, its size), labels dimmed on the left. */
export function FactsTable({ rows }: { rows: readonly (readonly [label: string, value: ReactNode])[] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} fz="sm">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th
              pr="sm"
              fw={500}
              c="dimmed"
              style={{ verticalAlign: 'top', width: '1%', whiteSpace: 'nowrap' }}
            >
              {label}
            </Table.Th>
            <Table.Td className="wrap-anywhere">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
