import { keyFromName, uniqueKey } from '../../designer/model/keys.ts';

/** Template keys as the server takes them: letters, digits, `_` and `-`, 1–100, not starting with a sign. */
export const TEMPLATE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** A key for a new template from its name ("Счёт на оплату" → "schet-na-oplatu"), not one of `taken`. */
export function suggestKey(name: string, taken: Iterable<string>): string {
  return uniqueKey(keyFromName(name) || 'document', taken);
}
