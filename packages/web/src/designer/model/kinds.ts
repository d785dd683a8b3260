import { ACTIVITIES, BOUNDARY_KINDS, GATEWAY_KINDS } from '@baton/engine';

/** How the designer draws and treats a node type; derived from the engine's kinds and activities. */
export type Shape = 'event' | 'gateway' | 'activity' | 'container';

const EVENTS = new Set(['start', 'end', 'terminate', 'errorEnd', 'timer', 'message', ...BOUNDARY_KINDS]);
const GATEWAYS = new Set<string>(GATEWAY_KINDS);

export function shapeOf(type: string): Shape {
  if (EVENTS.has(type)) return 'event';
  if (GATEWAYS.has(type)) return 'gateway';
  if (type === 'subProcess') return 'container';
  return 'activity';
}

/** Gateways whose outgoing flows carry conditions and one default. */
export const isConditionalGateway = (type: string | undefined) =>
  type === 'exclusive' || type === 'inclusive';

export const isBoundary = (type: string | undefined) =>
  (BOUNDARY_KINDS as readonly string[]).includes(type ?? '');

/** Nodes nothing may leave (flows end there). */
export const isEnd = (type: string | undefined) =>
  type === 'end' || type === 'terminate' || type === 'errorEnd';

/** Default box size by type; a node's stored `position.width/height` (from BPMN) wins. */
export function defaultSize(type: string): { width: number; height: number } {
  const shape = shapeOf(type);
  if (shape === 'event') return { width: 40, height: 40 };
  if (shape === 'gateway') return { width: 48, height: 48 };
  if (shape === 'container') return { width: 360, height: 200 };
  return { width: 150, height: 64 };
}

export function sizeOf(node: { type: string; position?: { width?: number; height?: number } | undefined }) {
  const size = defaultSize(node.type);
  return {
    width: node.position?.width ?? size.width,
    height: node.position?.height ?? size.height,
  };
}

/** True for a registered activity plugin (user task, e-mail, …), false for events, gateways, containers. */
export const isActivity = (type: string) => Object.hasOwn(ACTIVITIES, type);
