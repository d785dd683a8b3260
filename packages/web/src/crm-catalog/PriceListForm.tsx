import { NumberInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PriceList, useCreatePriceList, useUpdatePriceList } from '../api/crm-catalog.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { type PriceListDraft, priceListBody, priceListDraftOf } from './price-list-draft.ts';

const FIELDS = ['name', 'email', 'staleAfterDays'];

/** Adds a supplier's price list (no `list`) or changes one: the supplier, their e-mail, when prices get stale. */
export function PriceListForm(props: { list?: PriceList; onDone: () => void }) {
  const { t } = useTranslation('catalog');
  const { list } = props;
  const [draft, setDraft] = useState(() => priceListDraftOf(list));
  const create = useCreatePriceList();
  const update = useUpdatePriceList();
  const saving = list ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);
  const set = (change: Partial<PriceListDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = (saved: PriceList) => {
      notifications.show({ color: 'green', message: t('listForm.saved', { name: saved.name }) });
      props.onDone();
    };
    const body = priceListBody(draft);
    if (list) update.mutate({ id: list.id, body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={list ? t('listForm.editTitle', { name: list.name }) : t('listForm.newTitle')}
    >
      <FormProblem error={saving.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('listForm.name')}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        <TextInput
          label={t('listForm.email')}
          description={t('listForm.emailHint')}
          type="email"
          value={draft.email}
          onChange={(e) => set({ email: e.currentTarget.value })}
          error={errors.email}
        />
        <NumberInput
          label={t('listForm.staleAfterDays')}
          description={t('listForm.staleAfterDaysHint')}
          min={1}
          max={3650}
          allowDecimal={false}
          value={draft.staleAfterDays}
          onChange={(staleAfterDays) => set({ staleAfterDays })}
          error={errors.staleAfterDays}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={list ? t('common:actions.save') : t('listForm.create')}
        pending={saving.isPending}
      />
    </form>
  );
}
