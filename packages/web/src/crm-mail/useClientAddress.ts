import type { Deal } from '../api/crm-deals.ts';
import { useParty } from '../api/crm-parties.ts';
import { clientAddress } from './letter-draft.ts';

/** What of a deal or lead tells where a letter to its client goes; a lead has an address of its own. */
export type MailClient = Pick<Deal, 'contactId' | 'companyId'> & { email?: string | null | undefined };

/**
 * The client's address for a new letter (see clientAddress), with the contact and company read only
 * when the item has no address of its own; `pending` while they are being read. One the reader may not
 * see counts as having none.
 */
export function useClientAddress(client: MailClient): { address: string | null; pending: boolean } {
  const own = client.email?.trim() || null;
  const contact = useParty('contacts', own ? '' : (client.contactId ?? ''));
  const company = useParty('companies', own ? '' : (client.companyId ?? ''));
  return {
    address: clientAddress({ own, contact: contact.data?.email, company: company.data?.email }),
    pending: contact.isLoading || company.isLoading,
  };
}
