import { Alert, Button, CopyButton, Group, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A new token's secret, shown once: the server keeps only its hash. */
export function TokenSecret(props: { name: string; secret: string; onDone: () => void }) {
  const { t } = useTranslation('account');
  return (
    <Alert
      color="green"
      icon={<IconKey aria-hidden />}
      title={t('tokens.createdTitle', { name: props.name })}
    >
      {t('tokens.createdText')}
      <TextInput
        mt="sm"
        label={t('tokens.secret')}
        value={props.secret}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', textOverflow: 'ellipsis' } }}
      />
      <Group mt="sm" gap="xs">
        <CopyButton value={props.secret}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'light'}
              color="green"
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
            >
              {copied ? t('tokens.copied') : t('tokens.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={props.onDone}>
          {t('tokens.done')}
        </Button>
      </Group>
    </Alert>
  );
}
