import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../app/FormModal.tsx';
import { KEY_PATTERN, uniqueKey } from '../designer/model/keys.ts';
import type { LibraryItem } from './api.ts';

export interface InstallKeyModalProps {
  item: LibraryItem;
  /** Whether to publish, as the action that led here asked; the dialog lets it change. */
  publish: boolean;
  /** Keys of the templates there are: the suggestion avoids them, the field refuses them. */
  taken: readonly string[];
  onClose: () => void;
  onInstall: (definitionKey: string, publish: boolean) => void;
}

/** Another key for a standard process whose own key a template already has (a copy beside it). */
export function InstallKeyModal({
  item,
  publish: initialPublish,
  taken,
  onClose,
  onInstall,
}: InstallKeyModalProps) {
  const { t } = useTranslation('designer');
  const [key, setKey] = useState(() => uniqueKey(item.key, [...taken, item.key]));
  const [publish, setPublish] = useState(initialPublish);
  const error = !KEY_PATTERN.test(key)
    ? t('templates.keyInvalid')
    : taken.includes(key)
      ? t('templates.keyTaken')
      : undefined;
  return (
    <FormModal opened onClose={onClose} title={t('library.keyTitle', { name: item.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!error) onInstall(key, publish);
        }}
      >
        <Stack>
          <Text size="sm">{t('library.keyTaken', { key: item.key })}</Text>
          <TextInput
            label={t('settings.key')}
            description={t('settings.keyHint')}
            required
            data-autofocus
            value={key}
            error={error}
            onChange={(e) => setKey(e.currentTarget.value)}
            classNames={{ input: 'bn-code' }}
          />
          <Checkbox
            label={t('library.publish')}
            checked={publish}
            onChange={(e) => setPublish(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" disabled={error !== undefined}>
              {t('library.install')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
