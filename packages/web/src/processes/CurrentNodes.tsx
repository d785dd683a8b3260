import { Badge, Group, Text } from '@mantine/core';
import { LoadMore } from '../app/feedback.tsx';
import { useInParts } from '../app/in-parts.ts';

/** Active steps named at first, and more at a time (a fan-out can hold thousands at once). */
const NODES_STEP = 20;

/** Where a running process is now: a badge per active step. */
export function CurrentNodes({
  nodes,
  nodeName,
}: {
  nodes: readonly string[];
  nodeName: (id: string) => string;
}) {
  const { shown, hasMore, showMore } = useInParts(nodes, NODES_STEP);
  return (
    <>
      <Group gap={6} mt={4} data-testid="current-nodes">
        {nodes.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          shown.map((nodeId) => (
            <Badge key={nodeId} variant="dot" size="lg" tt="none">
              {nodeName(nodeId)}
            </Badge>
          ))
        )}
      </Group>
      <LoadMore hasMore={hasMore} loading={false} onLoad={showMore} />
    </>
  );
}
