import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { meKey } from '../api/auth.ts';
import { handleUnauthorized } from '../api/client.ts';
import { queryClient } from '../api/query-client.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';

// A 401 anywhere means the session ended: forget the user, and RequireSession sends them to sign in.
handleUnauthorized(() => queryClient.setQueryData(meKey, null));

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
