import { ACTIVITIES, type ActivityCategory, SERVICE_TYPE } from '@baton/engine';

/** Palette groups, in order. Activity categories map onto them; "data" activities sit with flow control. */
export const PALETTE_GROUPS = ['people', 'messages', 'documents', 'crm', 'flow'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

const GROUP_OF: Record<ActivityCategory, PaletteGroup> = {
  people: 'people',
  messages: 'messages',
  documents: 'documents',
  crm: 'crm',
  data: 'flow',
  flow: 'flow',
};

/** Events, gateways and containers: the engine's own kinds a person draws with. */
const FLOW_KINDS = [
  'start',
  'end',
  'terminate',
  'exclusive',
  'parallel',
  'inclusive',
  'eventBased',
  'timer',
  'message',
  'timerBoundary',
  'messageBoundary',
  'errorBoundary',
  'errorEnd',
  'subProcess',
  'callActivity',
  'state',
] as const;

export interface PaletteItem {
  type: string;
  group: PaletteGroup;
}

/** Every node type a person can add, grouped: activities from the engine's registry, then its own kinds. */
export function paletteItems(): PaletteItem[] {
  const activities = Object.values(ACTIVITIES).map((a) => ({ type: a.type, group: GROUP_OF[a.category] }));
  const kinds = FLOW_KINDS.map((type) => ({ type, group: 'flow' as const }));
  const all = [...activities, ...kinds];
  return PALETTE_GROUPS.flatMap((g) => all.filter((i) => i.group === g));
}

/**
 * What a new node of a type starts with, besides the schema's defaults: only what the schema cannot say
 * (a timer needs one of duration, date or cycle — an hour is a harmless start).
 */
export function initialConfig(type: string): Record<string, unknown> | undefined {
  if (type === 'timer' || type === 'timerBoundary') return { duration: 'PT1H' };
  if (type === 'userTask') return { kind: 'approve' };
  // A plugin's activity: an absent `input` takes its default `{}` unchecked, so compile would not ask for
  // the required inputs until the process ran. Present, it is checked.
  if (SERVICE_TYPE.test(type)) return { input: {} };
  return undefined;
}

/** Boundary events are dropped onto an activity: they need one to attach to. */
export const needsHost = (type: string) => type.endsWith('Boundary');
