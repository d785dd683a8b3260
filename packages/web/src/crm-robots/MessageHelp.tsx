import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealField } from '../api/crm-deal-fields.ts';
import { messageNames, placeholder } from './message-names.ts';

/**
 * Under the notice's text: the names it may use, each with what it stands for; a click puts the name in
 * at the caret (typing braces on a phone is a chore).
 */
export function MessageHelp(props: { fields: readonly DealField[]; onInsert: (snippet: string) => void }) {
  const { t } = useTranslation('robots');
  return (
    <Stack gap={4} aria-label={t('help.title')} role="group">
      <Text size="xs" c="dimmed">
        {t('help.intro')}
      </Text>
      {messageNames(props.fields).map(({ name, about }) => (
        <Group key={name} gap="xs" wrap="wrap" align="center">
          <Button
            size="compact-xs"
            variant="light"
            ff="monospace"
            tt="none"
            onClick={() => props.onInsert(placeholder(name))}
            maw="100%"
          >
            {placeholder(name)}
          </Button>
          <Text size="xs" c="dimmed" className="wrap-anywhere">
            {'key' in about ? t(`help.names.${about.key}`) : about.label}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
