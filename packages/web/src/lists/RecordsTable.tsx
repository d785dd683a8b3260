import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { List, ListField, ListRecord } from '../api/lists.ts';
import { useUserNames } from '../api/org.ts';
import { formatDate } from '../i18n/format.ts';
import { recordPath } from './paths.ts';
import { RecordValue } from './RecordValue.tsx';
import { valueText } from './value-text.ts';

/** Numbers line up on the right, as in any register. */
const align = (field: ListField) => (field.type === 'number' ? 'right' : undefined);

/**
 * A list's records on a wide screen: a row each, its title (a link to it), a column per field (a file
 * a link that downloads it), when added.
 */
export function RecordsTable({ list, records }: { list: List; records: readonly ListRecord[] }) {
  const { t, i18n } = useTranslation('lists');
  const name = useUserNames();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('records.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('record.title')}</Table.Th>
            {list.fields.map((f) => (
              <Table.Th key={f.key} ta={align(f)}>
                {f.label}
              </Table.Th>
            ))}
            <Table.Th>{t('records.added')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td className="wrap-anywhere">
                <Anchor component={Link} to={recordPath(list.key, record.id)} fw={600}>
                  {record.title}
                </Anchor>
              </Table.Td>
              {list.fields.map((f) => (
                <Table.Td key={f.key} ta={align(f)} className="wrap-anywhere">
                  <RecordValue field={f} record={record}>
                    {valueText(f, record.values[f.key], t, i18n.language, name)}
                  </RecordValue>
                </Table.Td>
              ))}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(record.createdAt, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
