import { Anchor, Container, Loader, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { definitionsApi } from './api.ts';

/** Route `/designer`: the process templates. */
export default function TemplatesPage() {
  const { t } = useTranslation('designer');
  const list = useQuery({ queryKey: ['definitions'], queryFn: definitionsApi.list });
  return (
    <Container size="lg" py="md">
      <Title order={1}>{t('templates.title')}</Title>
      {list.isPending ? (
        <Loader />
      ) : list.isError ? (
        <Text c="red">{String(list.error)}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {list.data.map((d) => (
              <Table.Tr key={d.key}>
                <Table.Td>
                  <Anchor component={Link} to={`/designer/${encodeURIComponent(d.key)}`}>
                    {d.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.key}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Container>
  );
}
