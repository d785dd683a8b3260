import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../api/org.ts';
import type { InstanceDetail } from '../api/types.ts';
import { LoadMore } from '../app/feedback.tsx';
import { useInParts } from '../app/in-parts.ts';
import { formatDateTime } from '../i18n/format.ts';

/** People steps shown at first, and shown more at a time. */
const RESPONSES_STEP = 50;

/**
 * Who answered each people step and who did not (an acknowledgment shows who read the document and
 * who ignored it): answers with their comments, those still waited for, those who missed it.
 */
export function Responses({
  responses,
  nodeName,
}: {
  responses: InstanceDetail['responses'];
  nodeName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation('processes');
  const name = useUserNames();
  const { shown, hasMore, showMore } = useInParts(responses, RESPONSES_STEP);
  return (
    <Stack gap="sm">
      {shown.map((r) => (
        <div key={r.nodeId}>
          <Text size="sm" fw={600} className="wrap-anywhere">
            {nodeName(r.nodeId)}
          </Text>
          <List size="sm" spacing={2} listStyleType="none" ml={0} pl={0}>
            {r.answered.map((a) => (
              <List.Item key={a.taskId}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm">{name(a.by)}</Text>
                  {a.outcome && (
                    <Badge
                      size="sm"
                      variant="light"
                      color={a.outcome === 'rejected' ? 'red' : 'green'}
                      tt="none"
                    >
                      {t(`history.outcomes.${a.outcome}`, { defaultValue: a.outcome })}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(a.at, i18n.language)}
                  </Text>
                </Group>
                {a.comment && (
                  <Text size="sm" fs="italic" className="wrap-anywhere">
                    «{a.comment}»
                  </Text>
                )}
              </List.Item>
            ))}
            {r.open.map((o) => (
              <List.Item key={o.taskId}>
                <Text size="sm" c="indigo">
                  {t('responses.waiting', { names: o.assignees.map(name).join(', ') })}
                </Text>
              </List.Item>
            ))}
            {r.unanswered.map((u) => (
              <List.Item key={u.taskId}>
                <Text size="sm" c="orange">
                  {t('responses.unanswered', {
                    names: u.assignees.map(name).join(', '),
                    reason: u.reason ?? '—',
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      ))}
      <LoadMore hasMore={hasMore} loading={false} onLoad={showMore} />
    </Stack>
  );
}
