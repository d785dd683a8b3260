import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../app/feedback.tsx';
import { useInParts } from '../app/in-parts.ts';
import { formatDuration } from '../i18n/format.ts';

/** What a row of a time report shows: answered tasks and how long they took. */
export interface TimeRow {
  key: string;
  name: string;
  count: number;
  totalMs: number;
  medianMs: number | null;
  p90Ms: number | null;
  share: number;
}

/** Rows shown at first, and shown more at a time. */
const ROWS_STEP = 30;

/**
 * Rows of time spent, the longest first, each with a bar of its part of the whole — readable on a
 * phone, where a wide table would scroll sideways. `detail` and `extra` add a row's own words and badges.
 */
export function TimeBars<R extends TimeRow>(props: {
  rows: R[];
  label: string;
  /** More words for a row's line of figures. */
  detail?: (row: R) => string;
  /** Badges after it. */
  extra?: (row: R) => ReactNode;
  /** Under the row (a step's longest-waiting tasks). */
  below?: (row: R) => ReactNode;
}) {
  const { t } = useTranslation('reports');
  const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, t));
  // A construction template has 1,800 steps: render the longest first, the rest on request.
  const { shown, hasMore, showMore } = useInParts(props.rows, ROWS_STEP);
  return (
    <>
      <Stack gap="md" component="ol" aria-label={props.label} p={0} m={0} style={{ listStyle: 'none' }}>
        {shown.map((row) => (
          <li key={row.key}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm" fw={600} className="wrap-anywhere">
                {row.name}
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {duration(row.totalMs)}
              </Text>
            </Group>
            <Progress
              value={row.share * 100}
              size="sm"
              my={4}
              aria-label={t('share', { percent: Math.round(row.share * 100) })}
            />
            <Group gap="xs" wrap="wrap">
              <Text size="xs" c="dimmed">
                {[
                  t('answered', { count: row.count }),
                  t('median', { duration: duration(row.medianMs) }),
                  t('p90', { duration: duration(row.p90Ms) }),
                  ...(props.detail ? [props.detail(row)] : []),
                ].join(' · ')}
              </Text>
              {props.extra?.(row)}
            </Group>
            {props.below?.(row)}
          </li>
        ))}
      </Stack>
      <LoadMore hasMore={hasMore} loading={false} onLoad={showMore} />
    </>
  );
}

/** A small count badge shown only when there is something to count. */
export function CountBadge({
  count,
  color,
  children,
}: {
  count: number;
  color: string;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="light" color={color} tt="none">
      {children}
    </Badge>
  );
}
