import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

/** The page's heading (one h1 per page) and the browser tab's title. */
export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${props.title} · Baton`;
  }, [props.title]);
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm" wrap="wrap">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Title order={1} fz={{ base: '1.35rem', sm: '1.75rem' }} lh={1.3} className="wrap-anywhere">
          {props.title}
        </Title>
        {props.subtitle && (
          <Text c="dimmed" size="sm" component="div">
            {props.subtitle}
          </Text>
        )}
      </Stack>
      {props.actions && <Group gap="xs">{props.actions}</Group>}
    </Group>
  );
}
