import type { Email } from '../api/crm-mail.ts';

type Address = Email['from'];

/** One address as a letter shows it: `Pavel Orlov <pavel@acme.test>`, or the bare address. */
export const formatAddress = ({ name, address }: Address): string =>
  name ? `${name} <${address}>` : address;

/** Several, separated by commas. */
export const formatAddresses = (addresses: readonly Address[]): string =>
  addresses.map(formatAddress).join(', ');
