import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCOPES, type Scope, useCreateApiToken } from '../api/tokens.ts';
import { FormCard } from '../app/FormCard.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';

const FIELDS = ['name', 'scopes', 'expiresAt'];
/** Lifetimes offered, in days; `never`: until revoked. */
const LIFETIMES = ['30', '90', '365', 'never'] as const;
const DAY = 86_400_000;

/** Creates a personal API token; `onCreated` receives the secret, which is shown this once only. */
export function NewTokenForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const { t } = useTranslation('account');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['processes:read']);
  const [lifetime, setLifetime] = useState<string>('90');
  const create = useCreateApiToken();
  const errors = fieldErrorsOf(create.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        scopes: scopes as Scope[],
        ...(lifetime === 'never'
          ? {}
          : { expiresAt: new Date(Date.now() + Number(lifetime) * DAY).toISOString() }),
      },
      {
        onSuccess: (created) => {
          setName('');
          onCreated(created.name, created.token);
        },
      },
    );
  };

  return (
    <FormCard onSubmit={submit} aria-labelledby="new-token">
      <Title order={2} size="h4" id="new-token" mb="sm">
        {t('tokens.new')}
      </Title>
      <FormProblem error={create.error} shown={errors} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Select
            label={t('tokens.lifetime')}
            description={t('tokens.lifetimeHint')}
            data={LIFETIMES.map((l) => ({ value: l, label: t(`tokens.lifetimes.${l}`) }))}
            value={lifetime}
            onChange={(v) => v && setLifetime(v)}
            allowDeselect={false}
            error={errors.expiresAt}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('tokens.scopes')}
          description={t('tokens.scopesHint')}
          value={scopes}
          onChange={setScopes}
          error={errors.scopes}
        >
          <Stack gap="xs" mt="xs">
            {SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={s} description={t(`tokens.scope.${s}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>
          {t('tokens.create')}
        </Button>
      </Group>
    </FormCard>
  );
}
