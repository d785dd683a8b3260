import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Company, usePartyList } from '../../api/crm-parties.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { PagedList } from '../../app/PagedList.tsx';
import { SectionCard } from '../../app/SectionCard.tsx';
import { PartyCard } from './PartyCard.tsx';
import { PartyForm } from './PartyForm.tsx';

/** The people of a company, and a new one added to it (when the company may be changed). */
export function CompanyContacts({ company }: { company: Company }) {
  const { t } = useTranslation('crm');
  const contacts = usePartyList('contacts', { companyId: company.id, limit: 20 });
  const [adding, setAdding] = useState(false);
  return (
    <SectionCard
      id="company-contacts"
      title={t('contacts.title')}
      aside={
        company.editable && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('contacts.add')}
          </Button>
        )
      }
    >
      <PagedList query={contacts} empty={t('contacts.noneHere')}>
        {(contact) => <PartyCard key={contact.id} kind="contacts" record={contact} />}
      </PagedList>
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('contacts.newTitle')}>
        <PartyForm
          kind="contacts"
          preset={{ companyId: company.id }}
          companyName={company.name}
          onCancel={() => setAdding(false)}
          onSaved={() => setAdding(false)}
        />
      </FormModal>
    </SectionCard>
  );
}
