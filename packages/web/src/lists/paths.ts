/**
 * Where a list's pages are: its records, its settings, one record; and what its processes are about.
 * A list's address takes its key or its id (the API reads either), so a record found by id alone
 * (`listId`) has an address too.
 */
export const listPath = (idOrKey: string) => `/lists/${encodeURIComponent(idOrKey)}`;
export const settingsPath = (idOrKey: string) => `${listPath(idOrKey)}/settings`;
export const recordPath = (idOrKey: string, id: string) =>
  `${listPath(idOrKey)}/records/${encodeURIComponent(id)}`;

/** What processes about a list's records are made for: templates whose document type is `list:<key>`. */
export const listDocumentType = (key: string) => `list:${key}`;

/** A process about a record points to it so (`documentRef`). */
export const recordRef = (id: string) => `record:${id}`;
