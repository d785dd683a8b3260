import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { postgresUnreachable } from './durable/databases.ts';
import { ENGINES, type EngineName, PREPARE } from './engines.ts';
import { MODES, type Mode, measure, planFor } from './measure.ts';
import { PROCESSES } from './processes.ts';
import { defaultClients, summaries } from './targets.ts';
import { measureDesigner } from './web/measure-designer.ts';

/**
 * `npm run bench [-- --mode memory|sqlite|postgres|http|web|all] [-- --bench NAME] [-- --quick] [-- --full]
 * [-- --clients N]`:
 * Baton against bpmn-engine on the same processes, in memory and durably. Each engine × process × mode
 * is measured in a fresh child process (its own heap, JIT and peak RSS) and prints JSON lines; the
 * parent passes them on and adds a summary line per process and mode, comparing with the targets.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    /** bpmn-engine's durable construction1800 too (~a minute for its one instance). */
    full: { type: 'boolean', default: false },
    bench: { type: 'string' },
    mode: { type: 'string', default: 'all' },
    /** Durable and HTTP modes: instances (requests) in flight at a time; targets.ts has the defaults. */
    clients: { type: 'string' },
    /** Internal: measure one engine in one mode in this process and print its lines. */
    engine: { type: 'string' },
  },
});
const names = values.bench === undefined ? Object.keys(PROCESSES) : [values.bench];
for (const name of names)
  if (!Object.hasOwn(PROCESSES, name))
    throw new Error(`unknown --bench ${name}; one of ${Object.keys(PROCESSES).join(', ')}`);
const modes = values.mode === 'all' ? MODES : MODES.filter((m) => m === values.mode);
if (modes.length === 0) throw new Error(`unknown --mode ${values.mode}; one of ${MODES.join(', ')}, all`);
const clients = values.clients === undefined ? undefined : Number(values.clients);
if (clients !== undefined && (!Number.isInteger(clients) || clients < 1))
  throw new Error(`--clients must be a whole number ≥ 1 (got ${values.clients})`);

/** One JSON line: a Result, a Skipped, a StepCost or a summary. */
type Line = object;

if (values.engine !== undefined) {
  const engine = ENGINES.find((e) => e === values.engine);
  const name = names[0] as string;
  if (!engine || names.length !== 1 || modes.length !== 1)
    throw new Error('--engine needs --bench NAME, --mode MODE and an engine');
  for (const line of await measureHere(name, engine, modes[0] as Mode)) console.log(JSON.stringify(line));
} else {
  const unreachable = modes.includes('postgres') ? await postgresUnreachable() : null;
  for (const name of names) {
    const lines: Line[] = [];
    const emit = (more: Line[]) => {
      for (const line of more) console.log(JSON.stringify(line));
      lines.push(...more);
    };
    if (modes.includes('memory'))
      emit([...(await inChild(name, 'baton', 'memory')), ...(await inChild(name, 'bpmn-engine', 'memory'))]);
    if (modes.some((m) => m !== 'memory' && m !== 'web')) emit(await durablePeer(name));
    for (const mode of modes) {
      if (mode === 'memory') continue;
      if (mode === 'web') {
        if (name === 'construction1800') emit([await measureDesigner()]);
      } else if (mode === 'postgres' && unreachable) emit([{ bench: name, mode, skipped: unreachable }]);
      else emit(await inChild(name, 'baton', mode));
    }
    for (const line of summaries(name, modes, lines)) console.log(JSON.stringify(line));
  }
}

/** bpmn-engine saving its state to SQLite: the durable baseline of every durable mode. */
async function durablePeer(name: string): Promise<Line[]> {
  if (name === 'construction1800' && !values.full)
    return [
      {
        bench: name,
        engine: 'bpmn-engine',
        mode: 'sqlite',
        skipped:
          'bpmn-engine rewrites its whole state (~2.3 MB) at each of 1,800 waits: ~60 s for one instance; run with --full',
      },
    ];
  return inChild(name, 'bpmn-engine', 'sqlite');
}

/** The lines of one engine × process × mode, measured in this process. */
async function measureHere(name: string, engine: EngineName, mode: Mode): Promise<Line[]> {
  const p = (PROCESSES[name] as () => ReturnType<(typeof PROCESSES)[string]>)();
  const plan = planFor(name, engine, mode, values.quick);
  if (mode === 'memory') return [await measure(p, engine, mode, await PREPARE[engine](p), plan)];
  if (mode === 'web') return name === 'construction1800' ? [await measureDesigner()] : [];
  const inFlight = clients ?? defaultClients(name, mode);
  if (mode === 'http') {
    const { measureHttp } = await import('./http/measure-http.ts');
    return [await measureHttp(p, values.quick, inFlight)];
  }
  const durable = await import('./durable/measure-durable.ts');
  if (engine === 'bpmn-engine') return [await durable.measureDurableBpmnEngine(p, plan)];
  const { result, stepCost } = await durable.measureDurableBaton(p, mode, plan, inFlight);
  return stepCost ? [result, stepCost] : [result];
}

async function inChild(bench: string, engine: EngineName, mode: Mode): Promise<Line[]> {
  const args = [
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    ...['--bench', bench, '--engine', engine, '--mode', mode],
    ...(values.quick ? ['--quick'] : []),
    ...(clients === undefined ? [] : ['--clients', String(clients)]),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);
}
