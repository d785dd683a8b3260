import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListRecord } from '../api/lists.ts';
import { useUserNames } from '../api/org.ts';
import { FactsTable } from '../app/FactsTable.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatDateTime } from '../i18n/format.ts';

const PROCESS = 'process';

/**
 * Who added a record and when, and who changed it last: a person by name, a process (`process:<id>`)
 * as a link to its card.
 */
export function RecordMeta({ record }: { record: ListRecord }) {
  const { t, i18n } = useTranslation('lists');
  const rows: [string, ReactNode][] = [
    [t('record.addedBy'), <Author key="a" by={record.createdBy} />],
    [t('record.addedAt'), formatDateTime(record.createdAt, i18n.language)],
  ];
  if (record.version > 1)
    rows.push(
      [t('record.changedBy'), <Author key="c" by={record.updatedBy} />],
      [t('record.changedAt'), formatDateTime(record.updatedAt, i18n.language)],
    );
  return (
    <SectionCard id="record-meta" title={t('record.about')}>
      <FactsTable rows={rows} />
    </SectionCard>
  );
}

/** A person by name, or a process — a link to its card when its id is known. */
function Author({ by }: { by: string }) {
  const { t } = useTranslation('lists');
  const nameOf = useUserNames();
  if (by !== PROCESS && !by.startsWith(`${PROCESS}:`)) return <>{nameOf(by)}</>;
  const instance = by.slice(PROCESS.length + 1);
  if (!instance) return <>{t('record.process')}</>;
  return (
    <Anchor component={Link} to={`/processes/${encodeURIComponent(instance)}`} size="sm">
      {t('record.process')}
    </Anchor>
  );
}
