import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { type Product, useCreateProduct, usePriceLists, useUpdateProduct } from '../api/crm-catalog.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { MoneyInputs } from '../crm/MoneyInputs.tsx';
import { explainedCatalog } from './catalog-problems.ts';
import {
  draftOfProduct,
  newProductDraft,
  newProductOf,
  type ProductDraft,
  productChangesOf,
} from './product-draft.ts';

/** The request's fields an input shows the server's word for. */
const FIELDS = ['name', 'sku', 'unit', 'price', 'currency', 'priceListId', 'description'];

/** Adds a product (no `product`; in `priceListId`, the list the catalogue is filtered by) or changes one. */
export function ProductForm(props: { product?: Product; priceListId?: string | null; onDone: () => void }) {
  const { t } = useTranslation('catalog');
  const { product } = props;
  const [draft, setDraft] = useState<ProductDraft>(() =>
    product ? draftOfProduct(product) : newProductDraft(props.priceListId ?? null),
  );
  const lists = usePriceLists().data?.items ?? [];
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const saving = product ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);
  if (saving.error instanceof ApiError && saving.error.code === 'SKU_TAKEN')
    errors.sku = t('form.skuTaken', { sku: draft.sku.trim() });
  const set = (change: Partial<ProductDraft>) => setDraft((d) => ({ ...d, ...change }));
  const body = newProductOf(draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = (saved: Product) => {
      notifications.show({ color: 'green', message: t('form.saved', { name: saved.name }) });
      props.onDone();
    };
    if (!body) return;
    if (!product) return create.mutate(body, { onSuccess: done });
    const changes = productChangesOf(product, body);
    if (Object.keys(changes).length === 0) props.onDone();
    else update.mutate({ id: product.id, changes }, { onSuccess: done });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={product ? t('form.editTitle', { name: product.name }) : t('form.newTitle')}
    >
      <FormProblem error={explainedCatalog(saving.error, t)} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('form.name')}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('form.sku')}
            description={t('form.skuHint')}
            value={draft.sku}
            onChange={(e) => set({ sku: e.currentTarget.value })}
            error={errors.sku}
          />
          <TextInput
            label={t('form.unit')}
            description={t('form.unitHint')}
            value={draft.unit}
            onChange={(e) => set({ unit: e.currentTarget.value })}
            error={errors.unit}
          />
        </SimpleGrid>
        <MoneyInputs
          labels={{ amount: t('form.price'), currency: t('form.currency') }}
          value={{ amount: draft.price, currency: draft.currency }}
          onChange={({ amount, currency }) => set({ price: amount, currency })}
          errors={{ amount: errors.price, currency: errors.currency }}
          required
        />
        <Select
          label={t('form.priceList')}
          placeholder={t('form.noPriceList')}
          data={lists.map((l) => ({ value: l.id, label: l.name }))}
          value={draft.priceListId}
          onChange={(priceListId) => set({ priceListId })}
          clearable
          error={errors.priceListId}
        />
        <Textarea
          label={t('form.description')}
          autosize
          minRows={2}
          maxRows={8}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={product ? t('common:actions.save') : t('form.create')}
        pending={saving.isPending}
        disabled={body === null}
      />
    </form>
  );
}
