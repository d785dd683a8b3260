import { Alert, Button, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Someone changed the record after it was opened here: said before a save (`refused`: the save was
 * refused for it), with a button that loads their version and keeps the edits made here on top. Its
 * words are `conflict.*` of the namespace `ns` (a deal's by default).
 */
export function ConflictNotice({
  refused,
  onLoad,
  ns = 'crm',
}: {
  refused: boolean;
  onLoad: () => Promise<void>;
  ns?: string;
}) {
  const { t } = useTranslation(ns);
  const [loading, setLoading] = useState(false);
  return (
    <Alert
      color={refused ? 'red' : 'yellow'}
      mb="sm"
      role="alert"
      title={t(refused ? 'conflict.refused' : 'conflict.changed')}
    >
      <Text size="sm">{t('conflict.explain')}</Text>
      <Button
        mt="xs"
        size="xs"
        variant="light"
        color={refused ? 'red' : 'yellow'}
        leftSection={<IconRefresh size={14} aria-hidden />}
        loading={loading}
        onClick={() => {
          setLoading(true);
          void onLoad().finally(() => setLoading(false));
        }}
      >
        {t('conflict.load')}
      </Button>
    </Alert>
  );
}
