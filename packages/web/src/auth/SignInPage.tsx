import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMe, useSignIn } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';

/** Where to go after signing in: back to the page that asked, never off the site. */
function target(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    document.title = `${t('title')} · Baton`;
  }, [t]);

  if (me.data) return <Navigate to={target(location.state)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { login, password },
      { onSuccess: () => navigate(target(location.state), { replace: true }) },
    );
  };
  const error = signIn.error;
  const message =
    error instanceof ApiError && error.status === 401
      ? t('wrongCredentials')
      : error instanceof ApiError && error.status === 429
        ? t('tooMany')
        : error
          ? error.message
          : null;

  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="lg" radius="md" w="100%" maw={400} component="main">
        <Group justify="space-between" mb="md">
          <Text fw={800} size="xl" c="indigo">
            Baton
          </Text>
          <LanguageSwitch />
        </Group>
        <Title order={1} size="h3" mb="xs">
          {t('title')}
        </Title>
        <Text c="dimmed" size="sm" mb="md">
          {t('subtitle')}
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {message && (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            )}
            <TextInput
              label={t('login')}
              name="login"
              autoComplete="username"
              autoCapitalize="none"
              required
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
              data-autofocus
            />
            <PasswordInput
              label={t('password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={signIn.isPending} disabled={!login || !password} fullWidth mt="xs">
              {t('submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
