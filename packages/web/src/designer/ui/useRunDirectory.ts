import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orgApi } from '../api.ts';
import { type RunDirectory, runDirectory } from '../model/run-directory.ts';

/**
 * The organisation for a test run, so tasks go to the people the server would give them to (heads,
 * role holders, deputies of those away); undefined until it is loaded, or when the server refuses it
 * (a run then shows assignee references as written).
 */
export function useRunDirectory(): RunDirectory | undefined {
  // Under 'org': the organisation editors' refresh(client, 'org') reloads it.
  const snapshot = useQuery({
    queryKey: ['org', 'directory'],
    queryFn: ({ signal }) => orgApi.directory(signal),
  }).data;
  return useMemo(() => (snapshot ? runDirectory(snapshot) : undefined), [snapshot]);
}
