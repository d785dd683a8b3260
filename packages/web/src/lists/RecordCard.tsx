import { Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { List, ListRecord } from '../api/lists.ts';
import { useUserNames } from '../api/org.ts';
import { formatDate } from '../i18n/format.ts';
import { recordPath } from './paths.ts';
import { RecordValue } from './RecordValue.tsx';
import { valueText } from './value-text.ts';

/** A record on a phone: its title (a link to it), its filled-in fields one a line, when it was added. */
export function RecordCard({ list, record }: { list: List; record: ListRecord }) {
  const { t, i18n } = useTranslation('lists');
  const name = useUserNames();
  const titleId = useId();
  const filled = list.fields.filter(
    (f) => valueText(f, record.values[f.key], t, i18n.language, name) !== '—',
  );
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap={2}>
        <Text
          id={titleId}
          fw={600}
          component={Link}
          to={recordPath(list.key, record.id)}
          className="card-link wrap-anywhere"
        >
          {record.title}
        </Text>
        {filled.map((f) => (
          <Text key={f.key} size="sm" className="wrap-anywhere">
            <Text span c="dimmed" size="sm">
              {f.label}:
            </Text>{' '}
            <RecordValue field={f} record={record}>
              {valueText(f, record.values[f.key], t, i18n.language, name)}
            </RecordValue>
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('records.addedOn', { date: formatDate(record.createdAt, i18n.language) })}
        </Text>
      </Stack>
    </Paper>
  );
}
