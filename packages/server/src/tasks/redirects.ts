import { UNRESOLVED_REASON } from '@baton/engine';

/** Someone a task went to instead of whom it was meant for, and why (an absence kind, `inactive`, `unresolved`). */
export interface Redirect {
  assignee: string;
  meantFor: string;
  reason: string;
}

/** The redirects kept in a task's form JSON (written at creation and by absence moves). */
export function redirectsOf(form: string): Redirect[] {
  return (JSON.parse(form) as { redirects?: Redirect[] }).redirects ?? [];
}

/**
 * A warning to show on the task when its assignees matched no one and it went to the process
 * administrators instead; null otherwise.
 */
export function warningOf(redirects: readonly Redirect[]): string | null {
  const unresolved = redirects.find((r) => r.reason === UNRESOLVED_REASON);
  return unresolved
    ? `No one matched "${unresolved.meantFor}": the task went to the process administrators`
    : null;
}
