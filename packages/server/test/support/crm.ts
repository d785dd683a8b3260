import { expect } from 'vitest';
import type { Api } from '../api-harness.ts';

type Call = Api['call'];

/** A sales pipeline as a process administrator would set it up. */
export const SALES_STAGES = [
  { name: 'New', kind: 'open' },
  { name: 'Quote sent', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
] as const;

export interface PipelineBody {
  id: string;
  name: string;
  entity: 'deal' | 'lead';
  stages: { id: string; name: string; kind: string; color: string }[];
}

/** Creates a pipeline through the API (201 expected). */
export async function createPipeline(
  call: Call,
  name = 'Sales',
  stages: readonly { name: string; kind: string }[] = SALES_STAGES,
): Promise<PipelineBody> {
  const res = await call('POST', '/api/v1/crm/pipelines', { name, stages });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A lead pipeline's stages as the tests use them. */
export const LEAD_STAGES = [
  { name: 'New', kind: 'open' },
  { name: 'In progress', kind: 'open' },
  { name: 'Converted', kind: 'won' },
  { name: 'Junk', kind: 'lost' },
] as const;

/** Creates a pipeline of leads through the API (201 expected). */
export async function createLeadPipeline(call: Call, name = 'Leads'): Promise<PipelineBody> {
  const res = await call('POST', '/api/v1/crm/pipelines', { name, entity: 'lead', stages: LEAD_STAGES });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Creates something under `/api/v1/crm/<path>` (201 expected) and returns its body. */
export async function created<T = Record<string, unknown> & { id: string }>(
  call: Call,
  path: 'deals' | 'leads' | 'contacts' | 'companies' | 'activities' | 'quotes',
  body: Record<string, unknown>,
): Promise<T> {
  const res = await call('POST', `/api/v1/crm/${path}`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The titles (or names) of a CRM list, in order. */
export async function namesOf(call: Call, url: string): Promise<string[]> {
  const res = await call('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { title?: string; name?: string }[]).map((i) => i.title ?? i.name ?? '');
}

/** A process about a CRM item (`documentType`) that runs `steps` one after the other, start to end. */
export function itemProcess(
  key: string,
  documentType: string,
  steps: { id: string; type: string; config: Record<string, unknown> }[],
) {
  const nodes = [{ id: 'start', type: 'start' }, ...steps, { id: 'end', type: 'end' }];
  return {
    key,
    name: key,
    documentType,
    nodes,
    flows: nodes.slice(1).map((n, i) => ({ id: `f${i + 1}`, source: nodes[i]?.id, target: n.id })),
  };
}
