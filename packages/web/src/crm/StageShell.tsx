import { Badge, Group, Paper, Title } from '@mantine/core';
import { type HTMLAttributes, type ReactNode, useId } from 'react';
import type { Stage } from '../api/crm.ts';
import { stageColor } from './board.ts';

/**
 * A stage's column on a board (deals, leads, robots): a section headed by the stage's name in its
 * colour and how many it holds (`countLabel` says it in words), then `children`.
 */
export function StageShell(props: {
  stage: Stage;
  count: number;
  countLabel: string;
  /** Right under the heading (a column's sum) instead of the usual gap. */
  underHeading?: ReactNode;
  /** Extra attributes for the section: what makes it a drop target. */
  section?: HTMLAttributes<HTMLElement> & { 'data-drop-target'?: true | undefined };
  children: ReactNode;
}) {
  const { stage } = props;
  const headingId = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      className="crm-column"
      withBorder
      radius="md"
      p="xs"
      style={{ borderTop: `4px solid ${stageColor(stage)}` }}
      {...props.section}
    >
      <Group
        justify="space-between"
        gap="xs"
        wrap="nowrap"
        align="flex-start"
        mb={props.underHeading ? undefined : 'xs'}
      >
        <Title order={2} size="h5" id={headingId} className="wrap-anywhere">
          {stage.name}
        </Title>
        <Badge variant="light" color="gray" aria-label={props.countLabel}>
          {props.count}
        </Badge>
      </Group>
      {props.underHeading}
      {props.children}
    </Paper>
  );
}
