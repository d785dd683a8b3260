import { Badge, Group } from '@mantine/core';

/** A template's catalogue labels as small grey badges; nothing when it has none. */
export function LabelBadges({ labels }: { labels: readonly string[] }) {
  if (labels.length === 0) return null;
  return (
    <Group gap={4} mt={4}>
      {labels.map((label) => (
        <Badge key={label} size="xs" variant="light" color="gray" tt="none">
          {label}
        </Badge>
      ))}
    </Group>
  );
}
