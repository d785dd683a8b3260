import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type PartyKind, usePartyList } from '../../api/crm-parties.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { PagedList } from '../../app/PagedList.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { SearchBox } from '../SearchBox.tsx';
import { useUrlSearch } from '../url-params.ts';
import { PartyCard } from './PartyCard.tsx';
import { PartyForm } from './PartyForm.tsx';

/** Contacts or companies I see, newest first, with a search (`?q=`) and a new one; each opens its page. */
function PartyListPage({ kind }: { kind: PartyKind }) {
  const { t } = useTranslation('crm');
  const navigate = useNavigate();
  const search = useUrlSearch();
  const list = usePartyList(kind, search.q ? { q: search.q } : {});
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={t(`${kind}.title`)}
        subtitle={t(`${kind}.subtitle`)}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t(`${kind}.new`)}
          </Button>
        }
      />
      <Group mb="md">
        <SearchBox label={t(`${kind}.search`)} value={search.text} onChange={search.setText} />
      </Group>
      <PagedList
        query={list}
        empty={search.q ? t(`${kind}.noMatch`) : t(`${kind}.empty`)}
        label={t(`${kind}.listLabel`)}
      >
        {(record) => <PartyCard key={record.id} kind={kind} record={record} />}
      </PagedList>
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t(`${kind}.newTitle`)}>
        <PartyForm
          kind={kind}
          onCancel={() => setAdding(false)}
          onSaved={(record) => navigate(`/crm/${kind}/${encodeURIComponent(record.id)}`)}
        />
      </FormModal>
    </>
  );
}

export const ContactsPage = () => <PartyListPage kind="contacts" />;
export const CompaniesPage = () => <PartyListPage kind="companies" />;
