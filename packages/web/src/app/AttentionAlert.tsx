import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** A count of things that need the administrator, with the button that lists them. */
export function AttentionAlert(props: {
  color: string;
  title: string;
  text: string;
  action: string;
  onAction: () => void;
}) {
  return (
    <Alert color={props.color} icon={<IconAlertTriangle aria-hidden />} mb="md" title={props.title}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{props.text}</Text>
        <Button size="xs" color={props.color} variant="light" onClick={props.onAction}>
          {props.action}
        </Button>
      </Group>
    </Alert>
  );
}

/** How many a list's first page holds and `+` when more follow, for an alert's text: "100+ failed". */
export function firstPageCount(
  data: { pages: { items: unknown[]; nextCursor: string | null }[] } | undefined,
): { count: number; more: string } {
  const first = data?.pages[0];
  return { count: first?.items.length ?? 0, more: first?.nextCursor ? '+' : '' };
}
