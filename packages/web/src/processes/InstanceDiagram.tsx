import { Group, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstanceDetail } from '../api/types.ts';
import { Loading } from '../app/feedback.tsx';
import { SectionCard } from '../app/SectionCard.tsx';

// React Flow and the designer's node views load only when a card shows its diagram.
const DiagramView = lazy(() => import('../designer/ui/DiagramView.tsx'));

export interface InstanceDiagramProps {
  /** The definition JSON of the instance's version. */
  definition: Record<string, unknown>;
  progress: InstanceDetail['progress'];
}

/** The process card's diagram: where the instance is now, what it has done and the flows it took. */
export function InstanceDiagram({ definition, progress }: InstanceDiagramProps) {
  const { t } = useTranslation('processes');
  return (
    <SectionCard
      id="card-diagram"
      title={t('card.diagram')}
      aside={
        <Group gap="md">
          <Legend color="var(--mantine-color-orange-5)" label={t('card.diagramNow')} />
          <Legend color="var(--mantine-color-green-6)" label={t('card.diagramDone')} />
        </Group>
      }
    >
      <Suspense fallback={<Loading />}>
        <DiagramView definition={definition} progress={progress} />
      </Suspense>
    </SectionCard>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span aria-hidden style={{ width: 10, height: 10, borderRadius: 3, border: `2px solid ${color}` }} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
