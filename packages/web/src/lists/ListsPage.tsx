import { Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbility } from '../api/auth.ts';
import { useLists } from '../api/lists.ts';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { ListCard } from './ListCard.tsx';

/** The lists I read (`/lists`), by name; those who manage lists add new ones. */
export function ListsPage() {
  const { t } = useTranslation('lists');
  const lists = useLists();
  const manage = useAbility('manageLists');
  const items = lists.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          manage && (
            <Button component={Link} to="/lists/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('new')}
            </Button>
          )
        }
      />
      {lists.isPending ? (
        <Loading />
      ) : lists.isError ? (
        <ErrorNotice error={lists.error} retry={() => lists.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{manage ? t('emptyManage') : t('empty')}</Empty>
      ) : (
        <Stack gap="sm" component="section" aria-label={t('title')}>
          {items.map((list) => (
            <ListCard key={list.id} list={list} />
          ))}
        </Stack>
      )}
    </>
  );
}
