/** The query parameter that opens a letter on its deal's or lead's page. */
export const LETTER_PARAM = 'email';

/** A letter opened on its deal's or lead's page (`itemPath`): `/crm/deals/ID?email=EMAIL`. */
export const letterPath = (itemPath: string, emailId: string): string =>
  `${itemPath}?${LETTER_PARAM}=${encodeURIComponent(emailId)}`;
