/**
 * API setup for the CRM's browser tests: pipelines, companies, contacts and deals made through the API
 * (as the administrator, naming who is responsible), and a template made for deals.
 */
import type { Page } from 'playwright-core';
import type { TestServer } from './support.ts';

export interface StageBody {
  id: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  color: string;
}

export interface PipelineBody {
  id: string;
  name: string;
  stages: StageBody[];
}

export interface DealBody {
  id: string;
  title: string;
  stageId: string;
  version: number;
}

/** The stages a sales department starts with. */
export const SALES_STAGES = [
  { name: 'New', kind: 'open' },
  { name: 'In progress', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
] as const;

export function createPipeline(
  server: TestServer,
  name = 'Sales',
  stages: readonly Pick<StageBody, 'name' | 'kind'>[] = SALES_STAGES,
): Promise<PipelineBody> {
  return server.api('POST', '/api/v1/crm/pipelines', { name, stages });
}

/** A field the company adds to deals, leads, contacts or companies, as the API answers it. */
export interface FieldBody {
  key: string;
  label: string;
  type: string;
  options: string[];
  required: boolean;
  requiredAtStages: string[];
}

/** The company's fields of one kind of item, in order. */
export const fieldsOf = async (
  server: TestServer,
  entity: 'deal' | 'lead' | 'contact' | 'company' = 'deal',
) => (await server.api<{ items: FieldBody[] }>('GET', `/api/v1/crm/fields/${entity}`)).items;

/** A stage of a pipeline by name; throws when there is none, so a typo fails where it is made. */
export function stageNamed(pipeline: PipelineBody, name: string): StageBody {
  const stage = pipeline.stages.find((s) => s.name === name);
  if (!stage) throw new Error(`${pipeline.name} has no stage ${name}`);
  return stage;
}

export function createDeal(
  server: TestServer,
  body: { title: string; pipelineId: string; responsibleId: string } & Record<string, unknown>,
): Promise<DealBody> {
  return server.api('POST', '/api/v1/crm/deals', body);
}

export function changeDeal(
  server: TestServer,
  id: string,
  changes: Record<string, unknown>,
): Promise<DealBody> {
  return server.api('PATCH', `/api/v1/crm/deals/${id}`, changes);
}

export function createParty(
  server: TestServer,
  kind: 'contacts' | 'companies',
  body: { name: string } & Record<string, unknown>,
): Promise<{ id: string; name: string }> {
  return server.api('POST', `/api/v1/crm/${kind}`, body);
}

/** A template made for deals: the deal's responsible one confirms it, and it ends. */
export const confirmDeal = {
  key: 'confirm-deal',
  name: 'Confirm the deal',
  documentType: 'deal',
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'confirm',
      type: 'userTask',
      name: 'Confirm',
      config: {
        kind: 'acknowledge',
        assignees: ['document.responsible'],
        title: 'Confirm {{ document.title }}',
      },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'confirm' },
    { id: 'f2', source: 'confirm', target: 'end' },
  ],
};

/** A template made for deals that asks something first: its start form carries the deal along. */
export const discountDeal = {
  ...confirmDeal,
  key: 'discount-deal',
  name: 'Approve a discount',
  parameters: [{ id: 'percent', name: 'Discount, %', type: 'number', required: true }],
  nodes: confirmDeal.nodes.map((n) =>
    n.id === 'confirm'
      ? { ...n, config: { ...n.config, title: '{{ percent }}% off {{ document.title }}' } }
      : n,
  ),
};

/** A board column (a stage), named by its heading. */
export const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });

/** A deal's card on the board or in a list, named by its title. */
export const dealCard = (page: Page, title: string) =>
  page.getByRole('article', { name: title, exact: true });

/** Picks an option of a Mantine select by its label, optionally typing to search first. */
export async function choose(page: Page, label: string, option: string, typed?: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (typed !== undefined) await box.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}
