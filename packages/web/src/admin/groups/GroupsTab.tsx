import { ActionIcon, Button, Paper, Group as Row, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGroups, useUserNames } from '../../api/org.ts';
import { useDeleteGroup } from '../../api/org-writes.ts';
import type { Group } from '../../api/types.ts';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { Empty, ErrorNotice, Loading } from '../../app/feedback.tsx';
import { GroupForm } from './GroupForm.tsx';

type Dialog = { kind: 'new' } | { kind: 'edit' | 'delete'; group: Group } | null;

/** Groups of people work can go to (`group:<name>`): members, creating, editing and removing them. */
export function GroupsTab() {
  const { t } = useTranslation('admin');
  const groups = useGroups();
  const name = useUserNames();
  const remove = useDeleteGroup();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => {
    remove.reset();
    setDialog(null);
  };

  return (
    <>
      <Row justify="flex-end" mb="md">
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'new' })}>
          {t('groups.new')}
        </Button>
      </Row>
      {groups.isPending ? (
        <Loading />
      ) : groups.isError ? (
        <ErrorNotice error={groups.error} />
      ) : groups.data.items.length === 0 ? (
        <Empty>{t('groups.empty')}</Empty>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('org.groups')}>
          {groups.data.items.map((group) => (
            <Paper key={group.name} withBorder p="sm" radius="md" component="li" aria-label={group.title}>
              <Row justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Row gap="xs">
                    <Text fw={600} className="wrap-anywhere">
                      {group.title}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace" className="wrap-anywhere">
                      group:{group.name}
                    </Text>
                  </Row>
                  {group.description && (
                    <Text size="sm" className="wrap-anywhere">
                      {group.description}
                    </Text>
                  )}
                  <Text size="sm" c="dimmed" className="wrap-anywhere">
                    {group.members.length > 0
                      ? t('groups.membersList', { names: group.members.map(name).join(', ') })
                      : t('groups.noMembers')}
                  </Text>
                </div>
                <Row gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('groups.edit', { name: group.title })}
                    onClick={() => setDialog({ kind: 'edit', group })}
                  >
                    <IconPencil size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('groups.delete', { name: group.title })}
                    onClick={() => setDialog({ kind: 'delete', group })}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Row>
              </Row>
            </Paper>
          ))}
        </Stack>
      )}
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit' ? t('groups.editTitle', { name: dialog.group.title }) : t('groups.newTitle')
        }
        size="md"
      >
        {dialog?.kind === 'new' && <GroupForm onDone={close} />}
        {dialog?.kind === 'edit' && <GroupForm key={dialog.group.name} group={dialog.group} onDone={close} />}
      </FormModal>
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t('groups.deleteTitle', { name: dialog.group.title })}
          confirmLabel={t('groups.deleteConfirm')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(dialog.group.name, {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t('groups.deleted', { name: dialog.group.title }),
                });
                close();
              },
            })
          }
        >
          {t('groups.deleteText')}
        </ConfirmDialog>
      )}
    </>
  );
}
