import { Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

type Naming = { 'aria-label': string } | { 'aria-labelledby': string };

/** A list of bordered cards without bullets, one `CardListItem` each; named by a label or a heading's id. */
export function CardList({ children, ...naming }: Naming & { children: ReactNode }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} {...naming}>
      {children}
    </Stack>
  );
}

/** One card of a `CardList`; `label` names it for screen readers, `className` marks it (`overdue`). */
export function CardListItem({
  label,
  className,
  children,
}: {
  label?: string;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" radius="md" component="li" aria-label={label} className={className}>
      {children}
    </Paper>
  );
}
