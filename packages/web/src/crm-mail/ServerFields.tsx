import { Fieldset, Group, NumberInput, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerDraft } from './mailbox-draft.ts';

/**
 * One mail server (IMAP or SMTP) as a group named `legend`: host and port, TLS, user and password, then
 * `children`. `errors` are the server's words keyed by field (`host`, `password`…). With `passwordKept`
 * the password may stay empty: the one saved is kept.
 */
export function ServerFields(props: {
  legend: string;
  draft: ServerDraft;
  onChange: (change: Partial<ServerDraft>) => void;
  errors: Record<string, string | undefined>;
  passwordKept: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('mail');
  const { draft, onChange, errors } = props;
  return (
    <Fieldset legend={props.legend} p="sm">
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <TextInput
            label={t('server.host')}
            required
            value={draft.host}
            onChange={(e) => onChange({ host: e.currentTarget.value })}
            error={errors.host}
            style={{ flex: '1 1 12rem', minWidth: 0 }}
          />
          <NumberInput
            label={t('server.port')}
            min={1}
            max={65535}
            allowDecimal={false}
            hideControls
            value={draft.port}
            onChange={(port) => onChange({ port })}
            error={errors.port}
            style={{ flex: '0 1 6rem', minWidth: 0 }}
          />
        </Group>
        <Switch
          label={t('server.tls')}
          checked={draft.tls}
          onChange={(e) => onChange({ tls: e.currentTarget.checked })}
        />
        <TextInput
          label={t('server.user')}
          required
          autoComplete="off"
          value={draft.user}
          onChange={(e) => onChange({ user: e.currentTarget.value })}
          error={errors.user}
        />
        <PasswordInput
          label={t('server.password')}
          description={props.passwordKept ? t('server.passwordKept') : undefined}
          required={!props.passwordKept}
          autoComplete="new-password"
          value={draft.password}
          onChange={(e) => onChange({ password: e.currentTarget.value })}
          error={errors.password}
        />
        {props.children}
      </Stack>
    </Fieldset>
  );
}
