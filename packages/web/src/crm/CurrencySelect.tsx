import { Select } from '@mantine/core';
import { CURRENCIES } from './money.ts';

/** Picks a currency code; a stored code not among CURRENCIES stays choosable. */
export function CurrencySelect(props: {
  label: string;
  value: string;
  onChange: (currency: string) => void;
  error?: string | undefined;
  w?: string;
}) {
  return (
    <Select
      label={props.label}
      data={[...new Set([...CURRENCIES, props.value])]}
      value={props.value}
      onChange={(currency) => currency && props.onChange(currency)}
      allowDeselect={false}
      error={props.error}
      w={props.w}
    />
  );
}
