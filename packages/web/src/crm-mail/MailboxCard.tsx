import { Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Mailbox, useCheckMailbox } from '../api/crm-mail.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { CardListItem } from '../app/CardList.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { checkNotice } from './check-notice.ts';
import { mailProblem } from './mail-problems.ts';

export type MailboxDialog = { kind: 'new' } | { kind: 'edit' | 'delete'; mailbox: Mailbox };

/**
 * One mailbox: its name (and "Off" when disabled), address, whose it is, when it was last checked and
 * how often, the last check's error in red. One the reader may change (`editable`) has "Check now",
 * which says how many new letters and leads it took (and whether more wait), and a menu to edit or
 * delete it.
 */
export function MailboxCard(props: { mailbox: Mailbox; onDialog: (dialog: MailboxDialog) => void }) {
  const { t, i18n } = useTranslation('mail');
  const { mailbox, onDialog } = props;
  const check = useCheckMailbox();
  const checkNow = () =>
    check.mutate(mailbox.id, {
      onSuccess: (result) => notifications.show(checkNotice(mailbox.name, result, t)),
      onError: (error) => notifications.show({ color: 'red', message: mailProblem(error, t) }),
    });
  return (
    <CardListItem label={mailbox.name}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="xs" style={{ minWidth: 0 }}>
            <Text fw={600} className="wrap-anywhere">
              {mailbox.name}
            </Text>
            {!mailbox.enabled && (
              <Badge color="gray" variant="light" tt="none">
                {t('card.off')}
              </Badge>
            )}
          </Group>
          {mailbox.editable && (
            <ActionsMenu label={t('card.actionsFor', { name: mailbox.name })}>
              <Menu.Item
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => onDialog({ kind: 'edit', mailbox })}
              >
                {t('card.edit')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => onDialog({ kind: 'delete', mailbox })}
              >
                {t('card.delete')}
              </Menu.Item>
            </ActionsMenu>
          )}
        </Group>
        <Text size="sm" className="wrap-anywhere">
          {mailbox.address}
        </Text>
        <Text size="sm" c="dimmed" className="wrap-anywhere">
          {mailbox.ownerId === null
            ? t('card.company')
            : t('card.own', { name: mailbox.ownerName ?? mailbox.ownerId })}
        </Text>
        <Text size="sm" c="dimmed">
          {mailbox.checkedAt
            ? t('card.checked', { date: formatDateTime(mailbox.checkedAt, i18n.language) })
            : t('card.notChecked')}
          {' · '}
          {t('card.every', { count: mailbox.checkEveryMinutes })}
        </Text>
        {mailbox.lastError && (
          <Text size="sm" c="red" className="wrap-anywhere">
            {t('card.lastError', { error: mailbox.lastError })}
          </Text>
        )}
        {mailbox.editable && (
          <Button
            mt={4}
            size="xs"
            variant="light"
            w="fit-content"
            leftSection={<IconRefresh size={14} aria-hidden />}
            loading={check.isPending}
            onClick={checkNow}
          >
            {t('card.checkNow')}
          </Button>
        )}
      </Stack>
    </CardListItem>
  );
}
