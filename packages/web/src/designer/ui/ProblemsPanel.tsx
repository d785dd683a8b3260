import type { Problem } from '@baton/engine';
import { Badge, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Doc } from '../model/doc.ts';
import { type Target, targetOf } from '../model/problems.ts';

export interface ProblemsPanelProps {
  doc: Doc;
  problems: readonly Problem[];
  /** Select what the problem points at (and bring it into view). */
  onPick: (target: Target) => void;
}

/** Everything `compile` says about the definition; a click selects the node or flow it is about. */
export function ProblemsPanel({ doc, problems, onPick }: ProblemsPanelProps) {
  const { t } = useTranslation('designer');
  if (problems.length === 0)
    return (
      <Group gap="xs" p="xs" data-testid="problems-none">
        <IconCircleCheck size={18} color="var(--mantine-color-green-6)" />
        <Text size="sm">{t('problems.none')}</Text>
      </Group>
    );
  const label = (target: Target) => {
    if (target.kind === 'settings') return t('problems.settings');
    if (target.kind === 'flow') return t('problems.flow', { id: target.id });
    const n = doc.nodes.find((x) => x.id === target.id);
    return n?.name ?? n?.id ?? target.id;
  };
  return (
    <ScrollArea.Autosize mah={180}>
      <ul className="bn-problems" data-testid="problems">
        {problems.map((p, i) => {
          const target = targetOf(p, doc);
          const Icon = p.severity === 'error' ? IconAlertCircle : IconAlertTriangle;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; the list is replaced whole
            <li key={i}>
              <UnstyledButton
                className="bn-problem"
                onClick={() => onPick(target)}
                data-severity={p.severity}
              >
                <Icon
                  size={16}
                  color={
                    p.severity === 'error' ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-yellow-6)'
                  }
                />
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {label(target)}
                </Badge>
                <Text size="sm" span>
                  {p.message}
                </Text>
              </UnstyledButton>
            </li>
          );
        })}
      </ul>
    </ScrollArea.Autosize>
  );
}
