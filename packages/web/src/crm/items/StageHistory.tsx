import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pipeline } from '../../api/crm.ts';
import type { Deal } from '../../api/crm-deals.ts';
import { useUserNames } from '../../api/org.ts';
import { SectionCard } from '../../app/SectionCard.tsx';
import { RuleMover } from '../../crm-robots/RuleMover.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { findStage, stageColor } from '../board.ts';

const PROCESS = 'process:';
/** Moved by a robot or a trigger: `robot:<id>`, `trigger:<id>`. */
const RULE = /^(robot|trigger):(.+)$/;

/**
 * Who moved the deal: a colleague by name, a process (`process:<id>`) as a link to its card, or a robot or
 * trigger of the pipeline the deal entered (`pipelineId`, '' when its stage is gone) by its name.
 */
function Mover({ by, pipelineId }: { by: string; pipelineId: string }) {
  const { t } = useTranslation('crm');
  const name = useUserNames();
  const rule = by.match(RULE);
  if (rule)
    return <RuleMover kind={rule[1] as 'robot' | 'trigger'} id={rule[2] ?? ''} pipelineId={pipelineId} />;
  if (!by.startsWith(PROCESS)) return <>{name(by)}</>;
  return (
    <Anchor component={Link} to={`/processes/${encodeURIComponent(by.slice(PROCESS.length))}`} size="sm">
      {t('deal.byProcess')}
    </Anchor>
  );
}

/** The stages a deal has been at, oldest first: which, when it entered, who moved it. */
export function StageHistory({
  deal,
  pipelines,
}: {
  deal: Pick<Deal, 'stages'>;
  pipelines: readonly Pipeline[];
}) {
  const { t, i18n } = useTranslation('crm');
  return (
    <SectionCard id="deal-stages" title={t('deal.history')}>
      <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {deal.stages.map((entry) => {
          const found = findStage(pipelines, entry.stageId);
          return (
            <Group key={`${entry.stageId}-${entry.enteredAt}`} component="li" gap="xs" wrap="wrap">
              <Badge variant="dot" color={found ? stageColor(found.stage) : 'gray'} tt="none" size="lg">
                {found?.stage.name ?? entry.stageName ?? t('deal.removedStage')}
              </Badge>
              <Text size="sm" c="dimmed">
                {formatDateTime(entry.enteredAt, i18n.language)} ·{' '}
                <Mover by={entry.by} pipelineId={found?.pipeline.id ?? ''} />
              </Text>
            </Group>
          );
        })}
      </Stack>
    </SectionCard>
  );
}
