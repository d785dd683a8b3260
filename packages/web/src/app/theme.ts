import { createTheme } from '@mantine/core';

/** One theme for every page: calm colours, comfortable touch targets, a focus ring for keyboard users. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '650' },
});
