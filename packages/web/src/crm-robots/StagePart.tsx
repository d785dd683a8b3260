import { Button, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * A part of a stage's column — its triggers, its robots — under a small heading, with a button adding
 * one there (`addAt` names it for screen readers: "Add a robot at Won").
 */
export function StagePart(props: {
  title: string;
  add: string;
  addAt: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <Stack gap={6}>
      <Title order={3} size="xs" c="dimmed" tt="uppercase">
        {props.title}
      </Title>
      {props.children}
      <Button
        size="xs"
        variant="subtle"
        fullWidth
        leftSection={<IconPlus size={14} aria-hidden />}
        aria-label={props.addAt}
        onClick={props.onAdd}
      >
        {props.add}
      </Button>
    </Stack>
  );
}
