import { EventEmitter } from 'node:events';
import type { BenchProcess } from './processes.ts';

export type EngineName = 'baton' | 'bpmn-engine';
export const ENGINES: EngineName[] = ['baton', 'bpmn-engine'];

/** Runs one instance to its end; resolves to the number of user tasks it visited. */
export type RunInstance = () => Promise<number>;

/** Where bpmn-engine's durable baseline keeps `getState()`: called at every wait and at the end. */
export type SaveState = (instanceId: string, state: unknown) => void;

/** Prepares what an engine reuses between instances (compiled / parsed once), then runs instances. */
export const PREPARE: Record<EngineName, (p: BenchProcess) => Promise<RunInstance>> = {
  baton: prepareBaton,
  'bpmn-engine': (p) => prepareBpmnEngine(p),
};

// Each engine is imported only when used, so a measuring process holds one engine's code (RSS).

/** Compiled once; each instance is `simulate` (step() on the virtual clock) with the answers. */
async function prepareBaton(p: BenchProcess): Promise<RunInstance> {
  const { compile, simulate } = await import('@baton/engine');
  const out = compile(p.baton);
  if (!out.ok) throw new Error(`${p.name}: ${JSON.stringify(out.problems)}`);
  const compiled = out.compiled;
  return async () => {
    let tasks = 0;
    const { state } = simulate(compiled, {
      answers: p.answers,
      onHistory: (h) => {
        if (h.type === 'task.created') tasks++;
      },
    });
    if (state.status !== 'completed') throw new Error(`baton ${p.name}: ${JSON.stringify(state.error)}`);
    return tasks;
  };
}

/**
 * Parsed once: the serialized moddle context of the first load is handed to every new Engine as
 * `sourceContext`, so no instance parses XML. User tasks are signalled as soon as they wait, with the
 * answer stored where the gateway condition `${environment.output.approved}` reads it. With `save`,
 * the engine's `getState()` is saved at every wait before the task is signalled, and once at the end.
 */
export async function prepareBpmnEngine(p: BenchProcess, save?: SaveState): Promise<RunInstance> {
  const { Engine } = await import('bpmn-engine');
  const [definition] = await new Engine({ source: p.bpmn }).getDefinitions();
  if (!definition) throw new Error(`bpmn-engine ${p.name}: no definition`);
  const sourceContext = definition.context.definitionContext;
  let count = 0;
  return () =>
    new Promise<number>((resolve, reject) => {
      const id = `${p.name}-${++count}`;
      const engine = new Engine({ name: id, sourceContext });
      const listener = new EventEmitter();
      const used = new Map<string, number>();
      let tasks = 0;
      const persist = save ? async () => save(id, await engine.getState()) : async () => undefined;
      listener.on('wait', (api) => {
        tasks++;
        const n = used.get(api.id) ?? 0;
        used.set(api.id, n + 1);
        const answer = p.answers[api.id]?.[n] ?? {};
        Object.assign(api.environment.output, answer);
        persist().then(() => api.signal(answer), reject);
      });
      engine.once('end', () => persist().then(() => resolve(tasks), reject));
      engine.once('error', reject);
      engine.execute({ listener }).catch(reject);
    });
}
