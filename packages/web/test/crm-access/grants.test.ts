import { describe, expect, it } from 'vitest';
import type { Grant } from '../../src/api/crm-access.ts';
import { grantBody, grantsByRole, newGrantDraft, withEntity } from '../../src/crm-access/grants.ts';

const grant = (
  id: string,
  role: string,
  entity: Grant['entity'],
  pipelineId: string | null = null,
): Grant => ({
  id,
  role,
  roleTitle: role.toUpperCase(),
  entity,
  pipelineId,
  pipelineName: pipelineId && `Pipeline ${pipelineId}`,
  access: 'read',
  createdAt: '2026-05-01T10:00:00.000Z',
});

describe('grants by role', () => {
  it('puts each role’s grants together, in the order the server lists them', () => {
    const grants = [
      grant('g1', 'lawyer', 'deal', 'p1'),
      grant('g2', 'lawyer', 'company'),
      grant('g3', 'support', 'contact'),
    ];
    expect(grantsByRole(grants)).toEqual([
      { role: 'lawyer', roleTitle: 'LAWYER', grants: [grants[0], grants[1]] },
      { role: 'support', roleTitle: 'SUPPORT', grants: [grants[2]] },
    ]);
  });

  it('is nothing for no grants', () => {
    expect(grantsByRole([])).toEqual([]);
  });
});

describe('a new grant as the request', () => {
  it('waits for a role', () => {
    expect(grantBody(newGrantDraft())).toBeNull();
  });

  it('reads every deal unless a pipeline is chosen', () => {
    expect(grantBody({ ...newGrantDraft(), role: 'lawyer' })).toEqual({
      role: 'lawyer',
      entity: 'deal',
      access: 'read',
    });
  });

  it('names the pipeline of deals or leads', () => {
    const draft = {
      ...newGrantDraft(),
      role: 'lawyer',
      entity: 'lead' as const,
      pipelineId: 'p2',
      access: 'write' as const,
    };
    expect(grantBody(draft)).toEqual({ role: 'lawyer', entity: 'lead', pipelineId: 'p2', access: 'write' });
  });

  it('drops the pipeline when the kind changes, and never sends one for contacts or companies', () => {
    const draft = { ...newGrantDraft(), role: 'lawyer', pipelineId: 'p1' };
    expect(withEntity(draft, 'lead').pipelineId).toBeNull();
    expect(grantBody({ ...draft, entity: 'company' })).toEqual({
      role: 'lawyer',
      entity: 'company',
      access: 'read',
    });
  });
});
