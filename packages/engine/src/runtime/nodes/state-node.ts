import { activityOf } from '../../activities/registry.ts';
import type { TransitionTrigger } from '../../model/flow.ts';
import { runImmediate } from './activity.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { correlationKeyOf, planTimer, scheduleTimer, subscribe } from './time.ts';

type StateConfig = { entry: { type: string; config: unknown }[] };

/**
 * A state of a state-driven process (статусный): runs its entry actions, then waits for a command,
 * a timer or a message on one of its outgoing flows (see step.ts for commands).
 */
export const state: NodeBehaviour = {
  enter(exec, token, node) {
    for (const action of (node.config as StateConfig).entry) {
      const plugin = activityOf(action.type);
      if (plugin && !runImmediate(exec, token, node, plugin, action.config)) return;
    }
    for (const flow of node.outgoing) {
      const trigger = flow.trigger as TransitionTrigger;
      const via = { kind: 'transition', flowId: flow.id } as const;
      if (trigger.kind === 'timer') {
        const plan = planTimer(exec, trigger, token.scopeId, node.node.id);
        scheduleTimer(exec, token.id, node.node.id, { dueAt: plan.dueAt, repeat: null }, via);
      } else if (trigger.kind === 'message') {
        const key = correlationKeyOf(exec, trigger.correlationKey, token.scopeId, node.node.id);
        subscribe(exec, token.id, node.node.id, trigger.message, key, via);
      }
    }
  },
};
