import { Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { usePriceLists } from '../api/crm-catalog.ts';
import { CardList } from '../app/CardList.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { DeleteEntry } from './DeleteEntry.tsx';
import { PriceListCard, type PriceListDialog } from './PriceListCard.tsx';
import { PriceListForm } from './PriceListForm.tsx';
import { RequestLetter } from './RequestLetter.tsx';
import { UploadPrices } from './UploadPrices.tsx';

/** Suppliers' price lists and the letter asking for new prices (`/crm/price-lists`), for those who manage the CRM. */
export function PriceListsPage() {
  const manage = useAbility('manageCrm');
  // Everyone reads price lists (the catalogue filters by them); keeping them is the administrators'.
  return manage ? <PriceLists /> : <ErrorNotice error={FORBIDDEN} />;
}

function PriceLists() {
  const { t } = useTranslation('catalog');
  const lists = usePriceLists();
  const [dialog, setDialog] = useState<PriceListDialog | null>(null);
  const items = lists.data?.items ?? [];
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('priceLists.title')}
        subtitle={t('priceLists.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'new' })}>
            {t('priceLists.add')}
          </Button>
        }
      />
      <Stack gap="lg">
        {lists.isPending ? (
          <Loading />
        ) : lists.isError ? (
          <ErrorNotice error={lists.error} retry={() => lists.refetch()} />
        ) : items.length === 0 ? (
          <Empty>{t('priceLists.empty')}</Empty>
        ) : (
          <CardList aria-label={t('priceLists.title')}>
            {items.map((list) => (
              <PriceListCard key={list.id} list={list} onDialog={setDialog} />
            ))}
          </CardList>
        )}
        <RequestLetter />
      </Stack>
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit'
            ? t('listForm.editTitle', { name: dialog.list.name })
            : t('listForm.newTitle')
        }
      >
        {dialog?.kind === 'new' && <PriceListForm onDone={close} />}
        {dialog?.kind === 'edit' && <PriceListForm key={dialog.list.id} list={dialog.list} onDone={close} />}
      </FormModal>
      <FormModal
        opened={dialog?.kind === 'upload'}
        onClose={close}
        title={dialog?.kind === 'upload' ? t('upload.title', { name: dialog.list.name }) : ''}
      >
        {dialog?.kind === 'upload' && <UploadPrices key={dialog.list.id} list={dialog.list} />}
      </FormModal>
      {dialog?.kind === 'delete' && <DeleteEntry kind="priceList" entry={dialog.list} onClose={close} />}
    </>
  );
}
