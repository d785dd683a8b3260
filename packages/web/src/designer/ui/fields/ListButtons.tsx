import { ActionIcon, type ActionIconProps, Button } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormEnv } from '../form-env.tsx';

/** A list row's trash button; a read-only form shows none. `mt`/`mb`/`size` fit it to the row's inputs. */
export function RemoveItemButton({
  onRemove,
  ...layout
}: { onRemove: () => void } & Pick<ActionIconProps, 'mt' | 'mb' | 'size'>) {
  const { t } = useTranslation('designer');
  if (useFormEnv().readOnly) return null;
  return (
    <ActionIcon variant="subtle" color="gray" {...layout} aria-label={t('actions.remove')} onClick={onRemove}>
      <IconTrash size={14} />
    </ActionIcon>
  );
}

/** The "Add" button under a list; a read-only form shows none. */
export function AddItemButton({ onAdd, testId }: { onAdd: () => void; testId?: string }) {
  const { t } = useTranslation('designer');
  if (useFormEnv().readOnly) return null;
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlus size={14} />}
      style={{ alignSelf: 'flex-start' }}
      data-testid={testId}
      onClick={onAdd}
    >
      {t('actions.add')}
    </Button>
  );
}
