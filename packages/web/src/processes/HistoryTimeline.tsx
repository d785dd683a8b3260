import { Group, Switch, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefinitionIndex } from '../api/definitions.ts';
import { useInstanceHistory } from '../api/instances.ts';
import { useUserNames } from '../api/org.ts';
import type { TimelineEntry } from '../api/types.ts';
import { ErrorNotice, Loading, LoadMore } from '../app/feedback.tsx';
import { formatDateTime, formatDuration } from '../i18n/format.ts';

const COLORS: Record<string, string> = {
  'instance.completed': 'green',
  'task.completed': 'green',
  'instance.failed': 'red',
  'error.thrown': 'red',
  'instance.terminated': 'orange',
  'task.cancelled': 'gray',
};

/**
 * The history of an instance: who did what, when, and how long each step took. Newest last; the latest
 * page first and earlier ones on request, so a run of thousands of steps loads as fast as a short one.
 */
export function HistoryTimeline(props: { instanceId: string; live: boolean; index: DefinitionIndex }) {
  const { t, i18n } = useTranslation('processes');
  const name = useUserNames();
  const [all, setAll] = useState(false);
  const history = useInstanceHistory(props.instanceId, all ? 'all' : 'key', props.live);
  const entries = [...(history.data?.pages ?? [])].reverse().flatMap((page) => page.items);

  return (
    <>
      <Group justify="flex-end" mb="xs">
        <Switch
          size="sm"
          label={t('history.showAll')}
          checked={all}
          onChange={(e) => setAll(e.currentTarget.checked)}
        />
      </Group>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorNotice error={history.error} retry={() => history.refetch()} />
      ) : (
        <LoadMore
          hasMore={history.hasNextPage}
          loading={history.isFetchingNextPage}
          onLoad={() => history.fetchNextPage()}
        />
      )}
      <Timeline bulletSize={14} lineWidth={2} active={entries.length} aria-label={t('history.label')} mt="md">
        {entries.map((entry) => {
          const detail = describe(entry);
          return (
            <Timeline.Item
              key={entry.seq}
              color={COLORS[entry.type] ?? 'indigo'}
              title={
                <Text size="sm" fw={600} className="wrap-anywhere">
                  {t(`history.types.${entry.type}`, { defaultValue: entry.type })}
                  {entry.nodeId ? `: ${props.index.nodeName(entry.nodeId)}` : ''}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at, i18n.language)}
                {entry.actor ? ` · ${name(entry.actor)}` : ''}
                {entry.tookMs !== null
                  ? ` · ${t('history.took', { duration: formatDuration(entry.tookMs, t) })}`
                  : ''}
              </Text>
              {detail.outcome && (
                <Text size="sm">
                  {t('history.outcome', {
                    outcome: t(`history.outcomes.${detail.outcome}`, { defaultValue: detail.outcome }),
                  })}
                </Text>
              )}
              {detail.to && <Text size="sm">{t('history.to', { to: detail.to.map(name).join(', ') })}</Text>}
              {detail.flows && (
                <Text size="sm">
                  {t('history.went', { to: detail.flows.map(props.index.flowLabel).join(', ') })}
                </Text>
              )}
              {detail.comment && (
                <Text size="sm" fs="italic" className="wrap-anywhere">
                  «{detail.comment}»
                </Text>
              )}
              {detail.reason && (
                <Text size="sm" className="wrap-anywhere">
                  {t('history.reason', { reason: detail.reason })}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </>
  );
}

/** The parts of an entry worth showing; history data is free-form per event type. */
function describe(entry: TimelineEntry): {
  outcome?: string;
  comment?: string;
  reason?: string;
  to?: string[];
  flows?: string[];
} {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const list = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  const out: ReturnType<typeof describe> = {};
  const outcome = text(data.outcome);
  if (outcome) out.outcome = outcome;
  // A completion's comment lives with its task; the server adds it to the entry.
  const comment = text(entry.type === 'task.completed' ? entry.comment : data.comment);
  if (comment) out.comment = comment;
  const reason = text(data.reason);
  if (reason) out.reason = reason;
  const to =
    entry.type === 'task.created'
      ? list(data.assignees)
      : (list(data.to) ?? (text(data.to) ? [data.to as string] : undefined));
  if (to && to.length > 0) out.to = to;
  if (entry.type === 'gateway.decided') {
    const flows = list(data.flows);
    if (flows && flows.length > 0) out.flows = flows;
  }
  return out;
}
