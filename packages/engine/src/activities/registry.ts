import { addListRecord } from './add-list-record.ts';
import { automatic } from './automatic.ts';
import { checkFields } from './check-fields.ts';
import { createDocument } from './create-document.ts';
import { email } from './email.ts';
import { log } from './log.ts';
import { notify } from './notify.ts';
import type { ActivityPlugin } from './plugin.ts';
import { publishFeed } from './publish-feed.ts';
import { receiveTask } from './receive-task.ts';
import { setFields } from './set-fields.ts';
import { setVariables } from './set-variables.ts';
import { sms } from './sms.ts';
import { startProcess } from './start-process.ts';
import { userTask } from './user-task/index.ts';
import { wait } from './wait.ts';
import { webhook } from './webhook.ts';

const activities: Record<string, ActivityPlugin<unknown>> = Object.fromEntries(
  [
    userTask,
    receiveTask,
    automatic,
    setVariables,
    setFields,
    checkFields,
    notify,
    email,
    sms,
    webhook,
    createDocument,
    publishFeed,
    addListRecord,
    startProcess,
    wait,
    log,
  ].map((p) => [p.type, p as unknown as ActivityPlugin<unknown>]),
);
const BUILT_IN = new Set(Object.keys(activities));

/** Every activity by type id: the built-in ones, then the custom ones registered at start. */
export const ACTIVITIES: Readonly<Record<string, ActivityPlugin<unknown>>> = activities;

/**
 * Adds a custom activity, or replaces the custom one of its type (the designer registers what the server
 * lists each time it asks). A built-in type is never replaced.
 */
export function registerActivity(plugin: ActivityPlugin<unknown>): void {
  if (BUILT_IN.has(plugin.type)) throw new Error(`"${plugin.type}" is a built-in activity`);
  activities[plugin.type] = plugin;
}

/** The activity with this type id; own entries only, so `toString` or `constructor` is not an activity. */
export function activityOf(type: string): ActivityPlugin<unknown> | undefined {
  return Object.hasOwn(ACTIVITIES, type) ? ACTIVITIES[type] : undefined;
}
