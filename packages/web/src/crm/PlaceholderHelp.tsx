import { Button, Group, Stack, Text } from '@mantine/core';
import { placeholder } from './placeholders.ts';

/** A name a template may use inside `{{ }}`, with what it stands for in words. */
export interface PlaceholderName {
  name: string;
  about: string;
}

/**
 * Under a template's text: the names it may use, each with what it stands for; a click puts the name in
 * at the caret (typing braces on a phone is a chore).
 */
export function PlaceholderHelp(props: {
  label: string;
  intro: string;
  names: readonly PlaceholderName[];
  onInsert: (snippet: string) => void;
}) {
  return (
    <Stack gap={4} aria-label={props.label} role="group">
      <Text size="xs" c="dimmed">
        {props.intro}
      </Text>
      {props.names.map(({ name, about }) => (
        <Group key={name} gap="xs" wrap="wrap" align="center">
          <Button
            size="compact-xs"
            variant="light"
            ff="monospace"
            tt="none"
            onClick={() => props.onInsert(placeholder(name))}
            maw="100%"
          >
            {placeholder(name)}
          </Button>
          <Text size="xs" c="dimmed" className="wrap-anywhere">
            {about}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
