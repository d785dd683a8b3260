import type { Generated } from 'kysely';

/** The CRM's tables (migrations 016–025), conventions as in schema.ts. */
export interface CrmTables {
  crm_pipelines: CrmPipelinesTable;
  crm_stages: CrmStagesTable;
  crm_companies: CrmCompaniesTable;
  crm_contacts: CrmContactsTable;
  crm_deals: CrmDealsTable;
  crm_deal_stages: CrmDealStagesTable;
  crm_robots: CrmRobotsTable;
  crm_triggers: CrmTriggersTable;
  crm_fields: CrmFieldsTable;
  crm_web_forms: CrmWebFormsTable;
  crm_form_submissions: CrmFormSubmissionsTable;
  crm_price_lists: CrmPriceListsTable;
  crm_products: CrmProductsTable;
  crm_quotes: CrmQuotesTable;
  crm_quote_rows: CrmQuoteRowsTable;
  crm_access_grants: CrmAccessGrantsTable;
  crm_activities: CrmActivitiesTable;
  crm_mailboxes: CrmMailboxesTable;
  crm_emails: CrmEmailsTable;
  crm_email_files: CrmEmailFilesTable;
}

export interface CrmPipelinesTable {
  id: string;
  name: string;
  sort: number;
  /** `deal` or `lead`: which items move along it. */
  entity: Generated<string>;
}

export interface CrmStagesTable {
  id: string;
  pipeline_id: string;
  name: string;
  /** `open`, `won` or `lost`. */
  kind: string;
  color: string;
  sort: number;
}

/** What companies and contacts share: a name, how to reach them, who leads them. */
interface CrmPartyColumns {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  responsible_id: string;
  comment: string | null;
  /** Lower-cased text the list's `q` looks in. */
  search: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  /** JSON object: the company's own fields for it (migration 025). */
  fields: Generated<string>;
}

export interface CrmCompaniesTable extends CrmPartyColumns {
  tax_id: string | null;
  address: string | null;
}

export interface CrmContactsTable extends CrmPartyColumns {
  position: string | null;
  company_id: string | null;
}

export interface CrmDealsTable {
  id: string;
  title: string;
  pipeline_id: string;
  stage_id: string;
  /** In minor units (kopecks, cents). */
  amount_minor: number | null;
  currency: string;
  contact_id: string | null;
  company_id: string | null;
  responsible_id: string;
  comment: string | null;
  /** JSON object: the deal's own fields. */
  fields: string;
  /** Lower-cased title, for the list's `q`. */
  search: string;
  version: number;
  stage_changed_at: number;
  created_by: string;
  created_at: number;
  updated_at: number;
  /** Set while the deal is at a won or lost stage. */
  closed_at: number | null;
  /** `deal`, or `lead` for a request not yet qualified (migration 019). */
  entity: Generated<string>;
  /** A lead's person, company, phone and e-mail as given, until it is converted. */
  lead_name: string | null;
  lead_company: string | null;
  lead_phone: string | null;
  lead_email: string | null;
  /** Where a lead came from (a web form, a call, …). */
  source: string | null;
  /** The deal a lead was converted into. */
  converted_deal_id: string | null;
}

/** A deal's visits to stages, in order (`seq`). */
export interface CrmDealStagesTable {
  deal_id: string;
  seq: number;
  stage_id: string;
  entered_at: number;
  entered_by: string;
}

/** A robot on a pipeline stage (migration 017). */
export interface CrmRobotsTable {
  id: string;
  pipeline_id: string;
  stage_id: string;
  name: string;
  /** `notify`, `startProcess`, `activity` or `moveStage`. */
  action: string;
  /** ISO 8601 duration after entering the stage (the deal still there); null: at once. */
  delay: string | null;
  /** notify: the `{{ }}` template of the notice. */
  message: string | null;
  /** notify: the manager's head is told too (1/0). */
  notify_head: number;
  /** startProcess: the template started about the deal. */
  definition_key: string | null;
  /** activity: what it plans (`call`, `meeting`, `email`, `task`; migration 023). */
  activity_kind: string | null;
  /** activity: ISO 8601 duration from the robot acting to the activity's deadline. */
  activity_due: string | null;
  /** 1: `delay` and `activity_due` count working time in the company's calendar (migration 028). */
  working_time: number;
  /** moveStage: the stage of the pipeline the deal moves to (migration 032). */
  target_stage_id: string | null;
  active: number;
  created_at: number;
  updated_at: number;
}

/** A trigger on a stage: an event moves a deal or lead there (migration 029). */
export interface CrmTriggersTable {
  id: string;
  pipeline_id: string;
  /** Where the item moves. */
  stage_id: string;
  name: string;
  /** `emailReceived`, `activityCompleted`, `quoteAccepted`, `quoteDeclined` or `webhook`. */
  event: string;
  /** activityCompleted: only activities of this kind; null: any. */
  activity_kind: string | null;
  /** 1: it also moves items back from a later stage, or out of a closed one. */
  allow_backward: number;
  active: number;
  created_at: number;
  updated_at: number;
}

/** A field companies add to deals, leads, contacts or companies (migrations 018, 025). */
export interface CrmFieldsTable {
  /** `deal`, `lead`, `contact` or `company`. */
  entity: string;
  key: string;
  label: string;
  /** `string`, `number`, `boolean`, `date` or `select`. */
  type: string;
  /** JSON array: a select's options. */
  options: string;
  /** 1: every deal must have it. */
  required: number;
  /** JSON array of stage ids at which it must be filled. */
  required_stages: string;
  sort: number;
}

/** A web form that makes leads (migration 020). */
export interface CrmWebFormsTable {
  id: string;
  /** The form's public address: `/forms/<token>`. */
  token: string;
  name: string;
  /** The heading visitors see. */
  title: string;
  /** JSON array of `{ field, label, required }`. */
  fields: string;
  success_text: string;
  /** The lead pipeline its leads go to. */
  pipeline_id: string;
  responsible_id: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface CrmFormSubmissionsTable {
  form_id: string;
  address: string;
  at: number;
}

/** A supplier's price list (migration 021). */
export interface CrmPriceListsTable {
  id: string;
  /** The supplier's name. */
  name: string;
  /** Where a request for new prices goes. */
  email: string | null;
  /** Prices older than this many days are stale: the supplier is asked for new ones. */
  stale_after_days: number;
  /** When the supplier's prices last came in; null: never. */
  prices_updated_at: number | null;
  /** When new prices were last asked for (cleared when they come). */
  requested_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface CrmProductsTable {
  id: string;
  name: string;
  /** The article (артикул); unique within a price list. */
  sku: string | null;
  unit: string;
  price_minor: number;
  currency: string;
  price_list_id: string | null;
  description: string | null;
  /** Lower-cased name and article, for the list's `q`. */
  search: string;
  created_at: number;
  updated_at: number;
}

/** A quote (коммерческое предложение) for a deal. */
export interface CrmQuotesTable {
  id: string;
  /** Shown as the quote's number; one sequence for the company. */
  number: number;
  deal_id: string;
  /** `draft`, `sent`, `accepted` or `declined`. */
  status: string;
  currency: string;
  /** What the client pays: the rows' sum, and VAT when it comes on top. */
  total_minor: number;
  /** VAT's rate in hundredths of a per cent; null: the quote shows none (migration 027). */
  vat_bp: number | null;
  /** 1: the rows' prices include VAT; 0: it comes on top. */
  vat_included: number;
  /** The VAT in `total_minor`. */
  vat_minor: number;
  /** `YYYY-MM-DD`. */
  valid_until: string | null;
  /** Terms printed under the rows. */
  comment: string | null;
  /** `ru` or `en`: the language of its PDF and letter. */
  language: string;
  version: number;
  created_by: string;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  /** The addresses it was sent to, comma-separated. */
  sent_to: string | null;
}

export interface CrmQuoteRowsTable {
  quote_id: string;
  position: number;
  product_id: string | null;
  name: string;
  unit: string;
  /** Thousandths: 3.5 is 3500. */
  quantity_milli: number;
  price_minor: number;
  /** Discount in hundredths of a per cent: 5.5 % is 550. */
  discount_bp: number;
  total_minor: number;
}

/** What the holders of a role may read or change beyond their own items (migration 022). */
export interface CrmAccessGrantsTable {
  id: string;
  role: string;
  /** `deal`, `lead`, `contact` or `company`. */
  entity: string;
  /** A deal or lead pipeline; '' for every one. */
  pipeline_id: string;
  /** `read` or `write` (which includes reading). */
  access: string;
  created_at: number;
}

/** An activity (дело) planned on a deal or lead (migration 023). */
export interface CrmActivitiesTable {
  id: string;
  /** The deal or lead. */
  deal_id: string;
  /** `call`, `meeting`, `email` or `task`. */
  kind: string;
  title: string;
  due_at: number;
  /** Who does it. */
  responsible_id: string;
  comment: string | null;
  /** What came of it, said when it is done. */
  result: string | null;
  done_at: number | null;
  done_by: string | null;
  /** The robot that planned it, if one did. */
  robot_id: string | null;
  /** The incoming letter it asks to answer (migration 024). */
  email_id: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A mailbox the CRM reads over IMAP (migration 024): the company's (no owner) or a person's own. */
export interface CrmMailboxesTable {
  id: string;
  name: string;
  /** The address letters written in Baton go out from. */
  address: string;
  owner_id: string | null;
  imap_host: string;
  imap_port: number;
  imap_tls: number;
  imap_user: string;
  /** Sealed with the server's secret key (crm/mail/sealed.ts). */
  imap_password: string;
  imap_folder: string;
  /** The mailbox's own SMTP server; null: Baton's (BATON_SMTP_URL). */
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_tls: number | null;
  smtp_user: string | null;
  smtp_password: string | null;
  /** Where letters from unknown senders become leads; null: they are not taken. */
  lead_pipeline_id: string | null;
  lead_responsible_id: string | null;
  enabled: number;
  check_minutes: number;
  /** Bumped when checks are rescheduled: a check job of an older generation does nothing. */
  generation: number;
  /** The folder's UIDVALIDITY when `last_uid` was read (a big integer, as text). */
  uid_validity: string | null;
  last_uid: number;
  checked_at: number | null;
  last_error: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A letter on a deal or lead: taken from a mailbox (`in`) or written in Baton (`out`). */
export interface CrmEmailsTable {
  id: string;
  deal_id: string;
  mailbox_id: string | null;
  direction: string;
  message_key: string;
  in_reply_to: string | null;
  from_address: string;
  from_name: string | null;
  /** JSON arrays of `{ address, name }`. */
  to_list: string;
  cc_list: string;
  subject: string;
  body: string;
  /** JSON array of `{ filename, contentType, size }`, in the order of `crm_email_files.idx`. */
  files: string;
  sent_at: number;
  /** An outgoing letter's hand-over to SMTP. */
  delivered_at: number | null;
  created_by: string | null;
  created_at: number;
}

export interface CrmEmailFilesTable {
  email_id: string;
  idx: number;
  content: Buffer;
}
