import { Container, Loader, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { definitionsApi } from './api.ts';

/** Route `/designer/:key` (`new` = a new template): the visual process designer. */
export default function DesignerPage() {
  const { t } = useTranslation('designer');
  const { key = 'new' } = useParams();
  const definition = useQuery({
    queryKey: ['definition', key],
    queryFn: () => definitionsApi.get(key),
    enabled: key !== 'new',
  });
  if (key === 'new') return <Title order={1}>{t('designer.newTemplate')}</Title>;
  return (
    <Container size="lg" py="md">
      {definition.isPending ? (
        <Loader />
      ) : definition.isError ? (
        <Text c="red">{String(definition.error)}</Text>
      ) : (
        <Title order={1}>{definition.data.name}</Title>
      )}
    </Container>
  );
}
