import { Button, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type List, useList, useListRecords } from '../api/lists.ts';
import { FormModal } from '../app/FormModal.tsx';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { PagedItems } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { SearchBox } from '../crm/SearchBox.tsx';
import { useUrlSearch } from '../crm/url-params.ts';
import { BackLink } from './BackLink.tsx';
import { NewRecordForm } from './NewRecordForm.tsx';
import { settingsPath } from './paths.ts';
import { RecordCard } from './RecordCard.tsx';
import { RecordsTable } from './RecordsTable.tsx';

/** A list's page (`/lists/:key`): its records, newest first, with a search (`?q=`) and a new one. */
export function ListPage() {
  const key = useParams().key ?? '';
  const list = useList(key);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} retry={() => list.refetch()} />;
  return <Records list={list.data} />;
}

function Records({ list }: { list: List }) {
  const { t } = useTranslation('lists');
  const search = useUrlSearch();
  const records = useListRecords(list.key, search.q);
  const [adding, setAdding] = useState(false);
  // A table's columns do not fit a phone: there each record is a card.
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false }) ?? false;
  return (
    <>
      <PageHeader
        title={list.name}
        subtitle={
          <Stack gap={2}>
            {list.description && (
              <Text size="sm" className="wrap-anywhere">
                {list.description}
              </Text>
            )}
            <BackLink />
          </Stack>
        }
        actions={
          <>
            {list.canManage && (
              <Button
                variant="default"
                component={Link}
                to={settingsPath(list.key)}
                leftSection={<IconSettings size={16} aria-hidden />}
              >
                {t('settings')}
              </Button>
            )}
            {list.canWrite && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                {t('records.add')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md">
        <SearchBox label={t('records.search')} value={search.text} onChange={search.setText} />
      </Group>
      <PagedItems
        query={records}
        empty={search.q ? t('records.noMatch') : t('records.empty')}
        render={(items) =>
          phone ? (
            <Stack gap="sm" component="section" aria-label={t('records.label')}>
              {items.map((record) => (
                <RecordCard key={record.id} list={list} record={record} />
              ))}
            </Stack>
          ) : (
            <RecordsTable list={list} records={items} />
          )
        }
      />
      <FormModal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('record.newTitle', { list: list.name })}
      >
        <NewRecordForm list={list} onDone={() => setAdding(false)} />
      </FormModal>
    </>
  );
}
