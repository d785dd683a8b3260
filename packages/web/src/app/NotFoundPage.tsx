import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.text')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
