import { Select, type SelectProps } from '@mantine/core';

/** A list filter: clearable, the full width on a phone and `width` pixels from the xs breakpoint up. */
export function FilterSelect({ width = 200, ...props }: SelectProps & { width?: number }) {
  return <Select clearable w={{ base: '100%', xs: width }} {...props} />;
}
