import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, useApiTokens, useRevokeApiToken } from '../api/tokens.ts';
import { CardList, CardListItem } from '../app/CardList.tsx';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { NewTokenForm } from './NewTokenForm.tsx';
import { TokenSecret } from './TokenSecret.tsx';

/** The signed-in user's API tokens for scripts and integrations: create (secret shown once), list, revoke. */
export function TokensPage() {
  const { t, i18n } = useTranslation('account');
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const when = (iso: string | null, none: string) => (iso ? formatDateTime(iso, i18n.language) : none);
  const close = () => {
    revoke.reset();
    setRevoking(null);
  };

  return (
    <>
      <PageHeader title={t('tokens.title')} subtitle={t('tokens.subtitle')} />
      <Stack gap="lg">
        {created ? (
          <TokenSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
        ) : (
          <NewTokenForm onCreated={(name, secret) => setCreated({ name, secret })} />
        )}
        <section aria-labelledby="token-list">
          <Title order={2} size="h4" id="token-list" mb="sm">
            {t('tokens.list')}
          </Title>
          {tokens.isPending ? (
            <Loading />
          ) : tokens.isError ? (
            <ErrorNotice error={tokens.error} retry={() => tokens.refetch()} />
          ) : tokens.data.items.length === 0 ? (
            <Empty>{t('tokens.empty')}</Empty>
          ) : (
            <CardList aria-labelledby="token-list">
              {tokens.data.items.map((token) => (
                <CardListItem key={token.id} label={token.name}>
                  <Group justify="space-between" gap="xs" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} className="wrap-anywhere">
                        {token.name}
                      </Text>
                      <Group gap={4} my={4}>
                        {token.scopes.map((s) => (
                          <Badge key={s} variant="light" tt="none">
                            {s}
                          </Badge>
                        ))}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t('tokens.createdAt', { when: when(token.createdAt, '') })} ·{' '}
                        {t('tokens.expiresAt', { when: when(token.expiresAt, t('tokens.never')) })} ·{' '}
                        {t('tokens.lastUsedAt', { when: when(token.lastUsedAt, t('tokens.notUsed')) })}
                      </Text>
                    </div>
                    <Button
                      variant="light"
                      color="red"
                      size="xs"
                      aria-label={t('tokens.revokeNamed', { name: token.name })}
                      onClick={() => setRevoking(token)}
                    >
                      {t('tokens.revoke')}
                    </Button>
                  </Group>
                </CardListItem>
              ))}
            </CardList>
          )}
        </section>
      </Stack>
      {revoking && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t('tokens.revokeTitle', { name: revoking.name })}
          confirmLabel={t('tokens.revoke')}
          pending={revoke.isPending}
          error={revoke.error}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('tokens.revoked', { name: revoking.name }) });
                close();
              },
            })
          }
        >
          {t('tokens.revokeText')}
        </ConfirmDialog>
      )}
    </>
  );
}
