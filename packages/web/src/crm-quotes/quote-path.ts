/** A quote's page, `/crm/quotes/ID`: its editor while a draft, else what was sent. */
export const quotePath = (id: string): string => `/crm/quotes/${encodeURIComponent(id)}`;
