import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../api/auth.ts';
import { usePriceLists, useProducts } from '../api/crm-catalog.ts';
import { FilterSelect } from '../app/FilterSelect.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { PagedList } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { SearchBox } from '../crm/SearchBox.tsx';
import { useUrlParam, useUrlSearch } from '../crm/url-params.ts';
import { DeleteEntry } from './DeleteEntry.tsx';
import { ProductCard, type ProductDialog } from './ProductCard.tsx';
import { ProductForm } from './ProductForm.tsx';

/**
 * The product catalogue (`/crm/products`) by name, searched by name or article (`?q=`) and filtered by
 * a supplier's price list (`?priceList=`); everyone reads it, those who manage the CRM change it.
 */
export function ProductsPage() {
  const { t } = useTranslation('catalog');
  const manage = useAbility('manageCrm');
  const search = useUrlSearch();
  const [priceList, setPriceList] = useUrlParam('priceList');
  const lists = usePriceLists().data?.items ?? [];
  const products = useProducts({
    ...(search.q ? { q: search.q } : {}),
    ...(priceList ? { priceListId: priceList } : {}),
  });
  const [dialog, setDialog] = useState<ProductDialog | null>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        actions={
          manage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'new' })}
            >
              {t('products.add')}
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end">
        <SearchBox label={t('products.search')} value={search.text} onChange={search.setText} />
        <FilterSelect
          label={t('products.priceList')}
          placeholder={t('products.allPriceLists')}
          data={lists.map((l) => ({ value: l.id, label: l.name }))}
          value={priceList}
          onChange={setPriceList}
          width={240}
        />
      </Group>
      <PagedList
        query={products}
        empty={search.q || priceList ? t('products.noMatch') : t('products.empty')}
        label={t('products.listLabel')}
      >
        {(product) => (
          <ProductCard key={product.id} product={product} onDialog={manage ? setDialog : undefined} />
        )}
      </PagedList>
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit' ? t('form.editTitle', { name: dialog.product.name }) : t('form.newTitle')
        }
      >
        {dialog?.kind === 'new' && <ProductForm priceListId={priceList} onDone={close} />}
        {dialog?.kind === 'edit' && (
          <ProductForm key={dialog.product.id} product={dialog.product} onDone={close} />
        )}
      </FormModal>
      {dialog?.kind === 'delete' && <DeleteEntry kind="product" entry={dialog.product} onClose={close} />}
    </>
  );
}
