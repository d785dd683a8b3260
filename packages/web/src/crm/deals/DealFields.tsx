import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDealFields } from '../../api/crm-deal-fields.ts';
import { SectionCard } from '../../app/SectionCard.tsx';

type FieldValue = string | number | boolean | null;

/**
 * What processes and integrations keep in the deal's `fields` under names no deal field defines (those
 * are in the form), read-only; nothing when there is none.
 */
export function DealFields({ fields }: { fields: Record<string, FieldValue> }) {
  const { t } = useTranslation('crm');
  const defined = new Set((useDealFields().data?.items ?? []).map((f) => f.key));
  const entries = Object.entries(fields).filter(([key]) => !defined.has(key));
  if (entries.length === 0) return null;
  const shown = (value: FieldValue) =>
    value === null ? '—' : typeof value === 'boolean' ? t(value ? 'deal.yes' : 'deal.no') : String(value);
  return (
    <SectionCard id="deal-fields" title={t('deal.ownFields')}>
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0}>
        <Table.Tbody>
          {entries.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th pr="sm" fw={500} style={{ verticalAlign: 'top' }} className="wrap-anywhere">
                {name}
              </Table.Th>
              <Table.Td className="wrap-anywhere">{shown(value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}
