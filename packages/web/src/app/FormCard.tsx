import { Paper } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

type Naming = { 'aria-label': string } | { 'aria-labelledby': string };

/** A form standing on a page (not in a dialog), in a bordered card; named by a label or a heading's id. */
export function FormCard({
  onSubmit,
  children,
  ...naming
}: Naming & { onSubmit: (event: FormEvent) => void; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={onSubmit} {...naming}>
      {children}
    </Paper>
  );
}
