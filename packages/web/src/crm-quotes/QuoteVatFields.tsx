import { NumberInput, Select, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent } from './percent.ts';
import type { QuoteDraft } from './quote-draft.ts';
import { VAT_CHOICES, type VatChoice } from './quote-vat.ts';
import './quotes.css';

type VatFields = Pick<QuoteDraft, 'vatRate' | 'vatIncluded'>;

/**
 * A quote's VAT, cells of its terms' grid: no VAT, a listed rate or another one typed in, and — a rate
 * picked — whether the rows' prices include it. `errors` are the server's, by field.
 */
export function QuoteVatFields(
  props: VatFields & { onChange: (change: Partial<VatFields>) => void; errors: Record<string, string> },
) {
  const { t, i18n } = useTranslation('quotes');
  const pick = props.vatRate;
  const other = pick.choice === 'other';
  const label = (choice: VatChoice) =>
    choice === 'none' || choice === 'other'
      ? t(`vat.${choice}`)
      : formatPercent(Number(choice), i18n.language);
  return (
    <>
      <Select
        label={t('vat.label')}
        data={VAT_CHOICES.map((choice) => ({ value: choice, label: label(choice) }))}
        value={pick.choice}
        onChange={(value) => {
          const choice = VAT_CHOICES.find((c) => c === value);
          if (choice) props.onChange({ vatRate: { ...pick, choice } });
        }}
        allowDeselect={false}
        error={other ? undefined : props.errors.vatRate}
      />
      {other && (
        <NumberInput
          label={t('vat.rate')}
          value={pick.typed}
          onChange={(typed) => props.onChange({ vatRate: { ...pick, typed } })}
          min={0}
          max={99.99}
          decimalScale={2}
          hideControls
          required
          error={props.errors.vatRate}
        />
      )}
      {pick.choice !== 'none' && (
        <Switch
          label={t('vat.included')}
          checked={props.vatIncluded}
          onChange={(e) => props.onChange({ vatIncluded: e.currentTarget.checked })}
          error={props.errors.vatIncluded}
          className="quote-vat-included"
        />
      )}
    </>
  );
}
