import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_PATTERN, keyFromName, uniqueKey } from '../model/keys.ts';

export interface NewTemplateModalProps {
  opened: boolean;
  taken: readonly string[];
  title?: string;
  initialName?: string;
  onClose: () => void;
  onCreate: (name: string, key: string) => void;
}

/** Name and key of a new (or duplicated) template; the key is suggested from the name until edited. */
export function NewTemplateModal({
  opened,
  taken,
  title,
  initialName = '',
  onClose,
  onCreate,
}: NewTemplateModalProps) {
  const { t } = useTranslation('designer');
  const [name, setName] = useState(initialName);
  const [key, setKey] = useState<string | null>(null);
  const effective = key ?? uniqueKey(keyFromName(name), taken);
  const keyError = !KEY_PATTERN.test(effective)
    ? t('templates.keyInvalid')
    : taken.includes(effective)
      ? t('templates.keyTaken')
      : undefined;
  const ok = name.trim() !== '' && !keyError;
  return (
    <Modal opened={opened} onClose={onClose} title={title ?? t('templates.create')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) onCreate(name.trim(), effective);
        }}
      >
        <Stack>
          <TextInput
            label={t('settings.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="new-name"
          />
          <TextInput
            label={t('settings.key')}
            description={t('settings.keyHint')}
            value={effective}
            error={name || key ? keyError : undefined}
            onChange={(e) => setKey(e.currentTarget.value)}
            classNames={{ input: 'bn-code' }}
            data-testid="new-key"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" disabled={!ok} data-testid="new-create">
              {t('templates.createButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
