import { PasswordInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetPassword } from '../../api/org-writes.ts';
import type { User } from '../../api/types.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';

/** An administrator sets a user's password; every session of theirs ends. */
export function PasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const [password, setPassword] = useState('');
  const reset = useResetPassword();
  const errors = fieldErrorsOf(reset.error, ['password']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('users.passwordSet', { name: user.name }) });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <FormProblem error={reset.error} shown={errors} />
      <Text size="sm" mb="sm">
        {t('users.passwordText')}
      </Text>
      <PasswordInput
        label={t('users.newPassword')}
        description={t('users.passwordRule')}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors.password}
        data-autofocus
      />
      <FormButtons
        onCancel={onDone}
        submitLabel={t('users.setPassword')}
        pending={reset.isPending}
        disabled={!password}
      />
    </form>
  );
}
