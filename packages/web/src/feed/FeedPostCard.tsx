import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeedPost } from '../api/schema.gen.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { Audience } from './audience.ts';

const AUDIENCE_COLOR: Record<Audience, string> = { everyone: 'blue', you: 'grape', some: 'gray' };

/** One post of the feed: its title, whom it is for, when and by which process, its text as written. */
export function FeedPostCard(props: { post: FeedPost; audience: Audience; processName: string | null }) {
  const { t, i18n } = useTranslation('feed');
  const { post } = props;
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={2} fz="md" lh={1.4} id={titleId} className="wrap-anywhere">
            {post.title}
          </Title>
          <Badge color={AUDIENCE_COLOR[props.audience]} variant="light" style={{ flexShrink: 0 }}>
            {t(`audience.${props.audience}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" className="wrap-anywhere">
          {formatDateTime(post.createdAt, i18n.language)}
          {props.processName ? ` · ${props.processName}` : ''}
        </Text>
        {post.text && (
          // Processes write posts with line breaks (lists, addresses): keep them.
          <Text size="sm" className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
            {post.text}
          </Text>
        )}
        {post.instanceId && (
          <Text size="sm" component={Link} to={`/processes/${encodeURIComponent(post.instanceId)}`}>
            {t('openProcess')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
