import type { Grant, GrantAccess, GrantEntity, NewGrant } from '../api/crm-access.ts';

export const GRANT_ENTITIES: readonly GrantEntity[] = ['deal', 'lead', 'contact', 'company'];
export const GRANT_ACCESS: readonly GrantAccess[] = ['read', 'write'];

/** Deals and leads move along pipelines, so a grant may open one pipeline's only; contacts and companies have none. */
export const onPipelines = (entity: GrantEntity): entity is 'deal' | 'lead' =>
  entity === 'deal' || entity === 'lead';

export interface RoleGrants {
  role: string;
  roleTitle: string;
  grants: Grant[];
}

/** The grants of each role together, roles and grants in the order the server lists them. */
export function grantsByRole(grants: readonly Grant[]): RoleGrants[] {
  const byRole = new Map<string, RoleGrants>();
  for (const grant of grants) {
    const group = byRole.get(grant.role) ?? { role: grant.role, roleTitle: grant.roleTitle, grants: [] };
    group.grants.push(grant);
    byRole.set(grant.role, group);
  }
  return [...byRole.values()];
}

/** The "Add access" form as filled in: no role yet, every pipeline (`null`). */
export interface GrantDraft {
  role: string | null;
  entity: GrantEntity;
  pipelineId: string | null;
  access: GrantAccess;
}

export const newGrantDraft = (): GrantDraft => ({
  role: null,
  entity: 'deal',
  pipelineId: null,
  access: 'read',
});

/** The draft with another kind: a pipeline chosen for deals is not one of leads', so it is dropped. */
export const withEntity = (draft: GrantDraft, entity: GrantEntity): GrantDraft => ({
  ...draft,
  entity,
  pipelineId: null,
});

/** What POST /crm/access takes; null until a role is chosen. */
export function grantBody(draft: GrantDraft): NewGrant | null {
  if (!draft.role) return null;
  return {
    role: draft.role,
    entity: draft.entity,
    access: draft.access,
    ...(draft.pipelineId && onPipelines(draft.entity) ? { pipelineId: draft.pipelineId } : {}),
  };
}
