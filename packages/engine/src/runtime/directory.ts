/**
 * One person a task goes to. When the organisation redirected it (an absence, an empty seat),
 * `meantFor` names who it was meant for and `reason` says why it went elsewhere.
 */
export interface Assignment {
  assignee: string;
  meantFor?: string;
  reason?: string;
}

/**
 * The organisation as the engine sees it, passed in the step context by the runtime (a snapshot,
 * so stepping stays pure). `expand` turns assignee references — a user, `role:Name`, `role:Name@dept`,
 * `group:Name`, `head:user` … — into the people who each get a task, applying absences and deputies.
 * Without a directory every reference is taken as one assignee.
 */
export interface Directory {
  expand(refs: readonly string[], at: number): Assignment[];
}

/** What the engine does without a directory: each reference is one assignee. */
export const literalDirectory: Directory = {
  expand: (refs) => refs.map((assignee) => ({ assignee })),
};
