import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SectionCardProps {
  /** The heading's id: the section is named by it. */
  id: string;
  title: string;
  /** Beside the heading, on the right (a legend). */
  aside?: ReactNode;
  children: ReactNode;
}

/** A bordered part of a page under its own heading (h2), which names it for screen readers. */
export function SectionCard({ id, title, aside, children }: SectionCardProps) {
  const heading = (
    <Title order={2} size="h4" id={id} mb={aside ? undefined : 'xs'}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" component="section" aria-labelledby={id}>
      {aside ? (
        <Group justify="space-between" align="baseline" mb="xs" gap="xs">
          {heading}
          {aside}
        </Group>
      ) : (
        heading
      )}
      {children}
    </Paper>
  );
}
