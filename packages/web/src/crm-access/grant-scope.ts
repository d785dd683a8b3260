import type { TFunction } from 'i18next';
import type { Grant } from '../api/crm-access.ts';

/** What a grant opens, in words: "Every contact", "Deals · pipeline Contracts". */
export function scopeOf(grant: Pick<Grant, 'entity' | 'pipelineId' | 'pipelineName'>, t: TFunction): string {
  if (grant.pipelineId === null) return t(`crmAccess:every.${grant.entity}`);
  return t('crmAccess:inPipeline', {
    entity: t(`crmAccess:entities.${grant.entity}`),
    pipeline: grant.pipelineName ?? grant.pipelineId,
  });
}
