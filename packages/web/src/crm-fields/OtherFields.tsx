import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CrmFieldValue, type FieldEntity, useFields } from '../api/crm-fields.ts';
import { SectionCard } from '../app/SectionCard.tsx';

/**
 * What an item keeps in its `fields` under keys none of its kind's fields defines (those are in its form):
 * set by processes and integrations, or left by a field since deleted; read-only, nothing when there is none.
 */
export function OtherFields(props: { entity: FieldEntity; fields: Readonly<Record<string, CrmFieldValue>> }) {
  const { t } = useTranslation('crmFields');
  const defined = new Set((useFields(props.entity).data?.items ?? []).map((f) => f.key));
  const entries = Object.entries(props.fields).filter(([key]) => !defined.has(key));
  if (entries.length === 0) return null;
  const shown = (value: CrmFieldValue) =>
    value === null ? '—' : typeof value === 'boolean' ? t(value ? 'other.yes' : 'other.no') : String(value);
  return (
    <SectionCard id="other-fields" title={t('other.title')}>
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
