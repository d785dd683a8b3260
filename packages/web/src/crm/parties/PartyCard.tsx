import { Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Party, PartyKind } from '../../api/crm-parties.ts';
import { summaryLines } from './party-fields.ts';

/** A contact or company in a list: its name (a link to its page), what identifies it, who is responsible. */
export function PartyCard({ kind, record }: { kind: PartyKind; record: Party }) {
  const { t } = useTranslation('crm');
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap={2}>
        <Text
          id={titleId}
          fw={600}
          component={Link}
          to={`/crm/${kind}/${encodeURIComponent(record.id)}`}
          className="card-link wrap-anywhere"
        >
          {record.name}
        </Text>
        {summaryLines(kind, record).map((line) => (
          <Text key={line} size="sm" c="dimmed" className="wrap-anywhere">
            {line}
          </Text>
        ))}
        {record.responsibleName && (
          <Text size="xs" c="dimmed">
            {t('deal.responsibleIs', { name: record.responsibleName })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
