import { Text } from '@mantine/core';

/** One figure of a report's summary: its name small and dimmed above the value in bold. */
export function Figure({ label, value, size = 'xl' }: { label: string; value: string; size?: 'md' | 'xl' }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size={size} fw={700} className="wrap-anywhere">
        {value}
      </Text>
    </div>
  );
}
