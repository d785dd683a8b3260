import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** What a page for some abilities shows the others (ErrorNotice's 403 words), when the server would let them read. */
export const FORBIDDEN = new ApiError(403, 'FORBIDDEN', '');

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-label={label ?? t('loading')} />
    </Center>
  );
}

/** What went wrong, in words a user can act on; a 404 or 403 says so instead of a raw message. */
export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const message =
    status === 404
      ? t('errors.notFound')
      : status === 403
        ? t('errors.forbidden')
        : error instanceof Error
          ? error.message
          : String(error);
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t('errors.title')} role="alert">
      <Text size="sm" className="wrap-anywhere">
        {message}
      </Text>
      {retry && status >= 500 && (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={retry}>
          {t('actions.retry')}
        </Button>
      )}
    </Alert>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" ta="center" py="xl">
      {children}
    </Text>
  );
}

/** "Load more" under a paged list. */
export function LoadMore(props: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const { t } = useTranslation();
  if (!props.hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={props.loading} onClick={props.onLoad}>
        {t('actions.loadMore')}
      </Button>
    </Center>
  );
}
