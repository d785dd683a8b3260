import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstanceStatus } from '../api/types.ts';

export const STATUS_COLOR: Record<InstanceStatus, string> = {
  running: 'indigo',
  completed: 'green',
  failed: 'red',
  terminated: 'gray',
};

export function StatusBadge({ status }: { status: InstanceStatus }) {
  const { t } = useTranslation('processes');
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant={status === 'failed' ? 'filled' : 'light'}
      style={{ flexShrink: 0 }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
