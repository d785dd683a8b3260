import { type Icon, IconChecklist, IconMail, IconPhone, IconUsers } from '@tabler/icons-react';
import type { ActivityKind } from '../api/crm-activities.ts';

/** The kinds in the order the pickers offer them; their words are activities.json `kinds.*`. */
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['call', 'meeting', 'email', 'task'];

/** Each kind's icon, beside its title in lists and on its button in the pickers. */
export const KIND_ICONS: Record<ActivityKind, Icon> = {
  call: IconPhone,
  meeting: IconUsers,
  email: IconMail,
  task: IconChecklist,
};
