import { ActionIcon, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Grant, useChangeAccess } from '../api/crm-access.ts';
import { AccessControl } from './AccessControl.tsx';
import { scopeOf } from './grant-scope.ts';

/** One grant of a role: what it opens, read or write switched in place, and remove (asked first). */
export function GrantRow({ grant, onRemove }: { grant: Grant; onRemove: () => void }) {
  const { t } = useTranslation('crmAccess');
  const change = useChangeAccess();
  const scope = scopeOf(grant, t);
  // The choice shows at once; the answer replaces the grant in the list when it comes.
  const access = change.isPending ? change.variables.access : grant.access;
  return (
    <Group component="li" aria-label={scope} justify="space-between" gap="xs" wrap="wrap" py={6}>
      <Text size="sm" fw={500} className="wrap-anywhere" style={{ flex: '1 1 10rem' }}>
        {scope}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <AccessControl
          label={t('accessTo', { scope })}
          value={access}
          disabled={change.isPending}
          onChange={(next) =>
            change.mutate(
              { id: grant.id, access: next },
              { onError: (error) => notifications.show({ color: 'red', message: error.message }) },
            )
          }
        />
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('remove.button', { scope })}
          onClick={onRemove}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Group>
    </Group>
  );
}
