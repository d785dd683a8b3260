import { Text } from '@mantine/core';
import type { ManagerSales } from '../api/crm-sales-report.ts';
import { CardListItem } from '../app/CardList.tsx';
import { SalesFigureGrid } from './SalesFigureGrid.tsx';

/** One manager's line of the sales report, a card that fits a phone. */
export function ManagerCard({ manager }: { manager: ManagerSales }) {
  return (
    <CardListItem label={manager.name}>
      <Text fw={600} mb="xs" className="wrap-anywhere">
        {manager.name}
      </Text>
      <SalesFigureGrid figures={manager} compact />
    </CardListItem>
  );
}
