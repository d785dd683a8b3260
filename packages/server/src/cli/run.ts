import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type Answer,
  EventRejected,
  type HistoryEvent,
  type SimulationResult,
  simulate,
} from '@baton/engine';
import { parseAnswers } from './answers.ts';
import { loadDefinition, report } from './definition-file.ts';
import { humanLine, jsonLine } from './timeline.ts';
import { UsageError } from './usage-error.ts';

interface RunOptions {
  file: string;
  params: Record<string, unknown>;
  answersFile: string | undefined;
  json: boolean;
}

/**
 * `baton run FILE [--params JSON] [--answers FILE] [--json]`: runs one instance to its end in memory
 * on a virtual clock. Exit 0 completed, 1 failed, 2 invalid input (definition, params, answers, flags).
 */
export async function run(args: string[]): Promise<number> {
  const options = parseOptions(args);
  const loaded = await loadDefinition(options.file);
  if (!loaded.ok) {
    report(loaded.errors);
    return 2;
  }
  report(loaded.warnings);
  const answers = options.answersFile === undefined ? {} : await readAnswers(options.answersFile);
  if (answers === null) return 2;
  // A misspelt node id would silently leave every task of the real node unanswered.
  for (const nodeId of Object.keys(answers))
    if (!loaded.value.nodes.has(nodeId)) console.error(`warning: answers for "${nodeId}": no such node`);

  quietOnClosedPipe();
  const print = options.json ? jsonLine : humanLine;
  let header = !options.json;
  let result: SimulationResult;
  try {
    result = simulate(loaded.value, {
      params: options.params,
      answers,
      onHistory: (event: HistoryEvent) => {
        if (header) console.log(`${'time (UTC)'.padEnd(19)} ${'event'.padEnd(19)} ${'node'.padEnd(16)} task`);
        header = false;
        console.log(print(event));
      },
    });
  } catch (error) {
    if (!(error instanceof EventRejected)) throw error;
    console.error(`${error.code}: ${error.message}`);
    return 2;
  }
  if (!options.json) printEffects(result);
  return result.state.status === 'completed' ? 0 : 1;
}

let guarded = false;
/** `baton run … | head` closes the pipe early: that is the reader's choice, not an error. */
function quietOnClosedPipe(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

function parseOptions(args: string[]): RunOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('run: missing FILE (.bpmn or .json)');
  if (extra.length > 0) throw new UsageError(`run: unexpected argument ${extra[0]}`);
  return {
    file,
    params: parseParams(parsed.values.params),
    answersFile: parsed.values.answers,
    json: parsed.values.json ?? false,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { params: { type: 'string' }, answers: { type: 'string' }, json: { type: 'boolean' } },
  });
}

function parseParams(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`--params is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('--params must be a JSON object, e.g. {"days": 5}');
  return value as Record<string, unknown>;
}

/** The answers file, checked; null after printing why it is unusable. */
async function readAnswers(path: string): Promise<Record<string, Answer[]> | null> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    console.error(`cannot read answers ${path}: ${(error as Error).message}`);
    return null;
  }
  const parsed = parseAnswers(input);
  if (parsed.ok) return parsed.answers;
  report(parsed.errors.map((e) => `answers ${path}: ${e}`));
  return null;
}

/** What the process would have sent (notifications, e-mails, webhooks …), after the timeline. */
function printEffects({ effects }: SimulationResult): void {
  if (effects.length === 0) return;
  console.log('\neffects (not performed):');
  for (const { type, nodeId, key: _key, ...rest } of effects as Array<Record<string, unknown>>)
    console.log(`  ${String(type).padEnd(16)} ${String(nodeId ?? '').padEnd(16)} ${JSON.stringify(rest)}`);
}
