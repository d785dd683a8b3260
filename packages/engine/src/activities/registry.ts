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

/** Every built-in activity, by type id. A custom activity is one more entry of the same interface. */
export const ACTIVITIES: Readonly<Record<string, ActivityPlugin<unknown>>> = Object.fromEntries(
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

/** The activity with this type id; own entries only, so `toString` or `constructor` is not an activity. */
export function activityOf(type: string): ActivityPlugin<unknown> | undefined {
  return Object.hasOwn(ACTIVITIES, type) ? ACTIVITIES[type] : undefined;
}
