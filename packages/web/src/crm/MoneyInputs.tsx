import { Group, NumberInput } from '@mantine/core';
import { CurrencySelect } from './CurrencySelect.tsx';

/** An amount (a number, or '' while empty, as NumberInput holds it) and its currency code. */
export interface MoneyValue {
  amount: number | string;
  currency: string;
}

/** An amount in major units and, beside it, its currency; a stored code not in CURRENCIES stays choosable. */
export function MoneyInputs(props: {
  labels: { amount: string; currency: string };
  value: MoneyValue;
  onChange: (value: MoneyValue) => void;
  errors: { amount?: string | undefined; currency?: string | undefined };
  required?: boolean;
}) {
  const { value, onChange } = props;
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <NumberInput
        label={props.labels.amount}
        value={value.amount}
        onChange={(amount) => onChange({ ...value, amount })}
        min={0}
        decimalScale={2}
        thousandSeparator=" "
        hideControls
        required={props.required}
        error={props.errors.amount}
        style={{ flex: 1, minWidth: 0 }}
      />
      <CurrencySelect
        label={props.labels.currency}
        value={value.currency}
        onChange={(currency) => onChange({ ...value, currency })}
        error={props.errors.currency}
        w="6.5rem"
      />
    </Group>
  );
}
