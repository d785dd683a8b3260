import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { ENGINES, type EngineName } from './engines.ts';
import { measure, planFor, type Result } from './measure.ts';
import { PROCESSES } from './processes.ts';

/**
 * `npm run bench [-- --quick] [-- --bench NAME]`: Baton against bpmn-engine on the same processes.
 * Each engine × process is measured in a fresh child process (its own heap, JIT and peak RSS), one
 * JSON line each, then a summary line per process comparing them with its target.
 */
const TARGETS: Record<string, { target: string; met: (baton: Result, peer: Result) => boolean }> = {
  linear10: { target: 'ratio >= 200', met: (b, p) => ratio(b, p) >= 200 },
  approval: { target: 'ratio >= 200', met: (b, p) => ratio(b, p) >= 200 },
  construction1800: { target: 'baton p50Ms < 50', met: (b) => b.p50Ms < 50 },
};

const ratio = (baton: Result, peer: Result) =>
  Math.round((baton.instancesPerSec / peer.instancesPerSec) * 10) / 10;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    bench: { type: 'string' },
    /** Internal: measure one engine in this process and print its result line. */
    engine: { type: 'string' },
  },
});
const names = values.bench === undefined ? Object.keys(PROCESSES) : [values.bench];
for (const name of names)
  if (!Object.hasOwn(PROCESSES, name))
    throw new Error(`unknown --bench ${name}; one of ${Object.keys(PROCESSES).join(', ')}`);

if (values.engine !== undefined) {
  const engine = ENGINES.find((e) => e === values.engine);
  const build = PROCESSES[names[0] as string];
  if (!engine || !build || names.length !== 1) throw new Error('--engine needs --bench NAME and an engine');
  console.log(
    JSON.stringify(await measure(build(), engine, planFor(names[0] as string, engine, values.quick))),
  );
} else {
  for (const name of names) {
    const [baton, peer] = [await inChild(name, 'baton'), await inChild(name, 'bpmn-engine')];
    console.log(JSON.stringify(baton));
    console.log(JSON.stringify(peer));
    const { target, met } = TARGETS[name] as (typeof TARGETS)[string];
    console.log(
      JSON.stringify({
        bench: name,
        summary: true,
        ratio: ratio(baton, peer),
        target,
        met: met(baton, peer),
      }),
    );
  }
}

async function inChild(bench: string, engine: EngineName): Promise<Result> {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--bench', bench, '--engine', engine];
  const { stdout } = await promisify(execFile)(process.execPath, values.quick ? [...args, '--quick'] : args, {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as Result;
}
