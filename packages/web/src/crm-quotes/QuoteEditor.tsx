import { Button, Group, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Quote, type QuoteChanges, useUpdateQuote } from '../api/crm-quotes.ts';
import { FormCard } from '../app/FormCard.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { CurrencySelect } from '../crm/CurrencySelect.tsx';
import { ConflictNotice } from '../crm/deals/ConflictNotice.tsx';
import { type EditRules, useVersionedEditing } from '../crm/useVersionedEditing.ts';
import { QuoteActions } from './QuoteActions.tsx';
import { QuoteHeader } from './QuoteHeader.tsx';
import { QuoteRows } from './QuoteRows.tsx';
import { QuoteVatFields } from './QuoteVatFields.tsx';
import { changesOf, draftOf, QUOTE_FIELDS, type QuoteDraft, rebase, vatTermsOf } from './quote-draft.ts';
import { explainedQuoteProblem, quoteProblemCode } from './quote-problems.ts';

const RULES: EditRules<Quote, QuoteDraft, QuoteChanges> = {
  draftOf,
  changesOf,
  rebase,
  isConflict: (error) => quoteProblemCode(error) === 'VERSION_CONFLICT',
};

const LANGUAGES = ['ru', 'en'] as const;

/**
 * A draft quote being worked on (see useVersionedEditing): its terms and VAT, its rows with the totals as
 * typed, saved at the version it was opened at; its PDF and sending wait until the edits are saved.
 */
export function QuoteEditor(props: { stored: Quote; reload: () => Promise<Quote | undefined> }) {
  const { t } = useTranslation('quotes');
  const editing = useVersionedEditing(RULES, props, useUpdateQuote(), {
    savedMessage: (saved) => t('saved', { number: saved.number }),
  });
  const { base, draft } = editing;
  const set = (change: Partial<QuoteDraft>) => editing.setDraft({ ...draft, ...change });
  const unsaved = Object.keys(changesOf(base, draft)).length > 0;
  const errors = fieldErrorsOf(editing.error, QUOTE_FIELDS);
  return (
    <>
      <QuoteHeader quote={props.stored} actions={<QuoteActions quote={base} unsaved={unsaved} editable />} />
      <FormCard
        aria-label={t('formLabel', { number: base.number })}
        onSubmit={(event) => {
          event.preventDefault();
          editing.submit();
        }}
      >
        {editing.stale && (
          <ConflictNotice refused={editing.conflict} onLoad={editing.loadNewer} ns="quotes" />
        )}
        <FormProblem error={explainedQuoteProblem(editing.error, t)} shown={errors} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="md">
          <CurrencySelect
            label={t('fields.currency')}
            value={draft.currency}
            onChange={(currency) => set({ currency })}
            error={errors.currency}
          />
          <TextInput
            type="date"
            label={t('fields.validUntil')}
            value={draft.validUntil}
            onChange={(e) => set({ validUntil: e.currentTarget.value })}
            error={errors.validUntil}
          />
          <Select
            label={t('fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={draft.language}
            onChange={(language) => language && set({ language: language as QuoteDraft['language'] })}
            allowDeselect={false}
            error={errors.language}
          />
          <QuoteVatFields
            vatRate={draft.vatRate}
            vatIncluded={draft.vatIncluded}
            onChange={set}
            errors={errors}
          />
        </SimpleGrid>
        <QuoteRows
          rows={draft.rows}
          onChange={(rows) => set({ rows })}
          currency={draft.currency}
          language={draft.language}
          vat={vatTermsOf(draft)}
          errors={errors}
        />
        <Textarea
          mt="md"
          label={t('fields.comment')}
          description={t('fields.commentHint')}
          autosize
          minRows={3}
          maxRows={12}
          value={draft.comment}
          onChange={(e) => set({ comment: e.currentTarget.value })}
          error={errors.comment}
        />
        <Group justify="flex-end" align="center" mt="md" gap="sm">
          {unsaved && (
            <Text size="sm" c="dimmed">
              {t('unsaved')}
            </Text>
          )}
          <Button type="submit" loading={editing.saving} disabled={!unsaved}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </FormCard>
    </>
  );
}
