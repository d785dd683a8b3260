import { Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type JobStatus, useJobList } from '../../api/jobs.ts';
import { AttentionAlert, firstPageCount } from '../../app/AttentionAlert.tsx';
import { FilterSelect } from '../../app/FilterSelect.tsx';
import { PagedList } from '../../app/PagedList.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { EmailStatus } from './EmailStatus.tsx';
import { JobCard } from './JobCard.tsx';
import { JOB_KINDS } from './job-summary.ts';
import { SmsStatus } from './SmsStatus.tsx';
import { TestEmailButton } from './TestEmailButton.tsx';

const STATUSES: JobStatus[] = ['pending', 'dead', 'done', 'cancelled'];

/**
 * The outbox for process administrators: e-mails, notifications, webhooks and the rest a worker
 * delivers, with what failed and why; a dead one is sent again with one click.
 */
export function OutboxPage() {
  const { t } = useTranslation('admin');
  const [status, setStatus] = useState<string | null>('pending');
  const [kind, setKind] = useState<string | null>(null);
  const list = useJobList({
    ...(status ? { status: status as JobStatus } : {}),
    ...(kind ? { kind } : {}),
  });
  const dead = firstPageCount(useJobList({ status: 'dead', limit: 100 }).data);

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        subtitle={t('outbox.subtitle')}
        actions={
          <TestEmailButton
            onQueued={() => {
              setStatus('pending');
              setKind('sendEmail');
            }}
          />
        }
      />
      <Stack gap="xs" mb="md">
        <EmailStatus />
        <SmsStatus />
      </Stack>
      {dead.count > 0 && status !== 'dead' && (
        <AttentionAlert
          color="red"
          title={t('outbox.deadTitle')}
          text={t('outbox.deadCount', dead)}
          action={t('outbox.showDead')}
          onAction={() => setStatus('dead')}
        />
      )}
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <FilterSelect
          label={t('filters.status')}
          placeholder={t('filters.any')}
          data={STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          width={170}
        />
        <FilterSelect
          label={t('outbox.kind')}
          placeholder={t('filters.any')}
          data={JOB_KINDS.map((k) => ({ value: k, label: t(`outbox.kinds.${k}`) }))}
          value={kind}
          onChange={setKind}
        />
      </Group>
      <PagedList query={list} empty={t('outbox.empty')} label={t('outbox.listLabel')}>
        {(job) => <JobCard key={job.key} job={job} />}
      </PagedList>
    </>
  );
}
