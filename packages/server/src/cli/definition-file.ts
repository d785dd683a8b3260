import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  type BpmnProblem,
  type CompiledDefinition,
  compile,
  type DefinitionInput,
  formatProblem,
  importBpmn,
  type Problem,
} from '@baton/engine';
import { servicesFromEnv } from '../plugins/load.ts';
import { PluginError } from '../plugins/plugin.ts';

/** What reading or checking a definition file gave: the result, or the errors to print (exit 2). */
export type Outcome<T> = { ok: true; value: T; warnings: string[] } | { ok: false; errors: string[] };

/** `.bpmn` or `.json`, from the file name; anything else is refused. */
export function formatOf(path: string): 'bpmn' | 'json' | null {
  const ext = extname(path).toLowerCase();
  return ext === '.bpmn' || ext === '.json' ? (ext.slice(1) as 'bpmn' | 'json') : null;
}

/** Reads a definition from `.json` or imports it from `.bpmn`; import errors name the element. */
export async function readDefinition(path: string): Promise<Outcome<DefinitionInput>> {
  const format = formatOf(path);
  if (!format) return fail(`${path}: expected a .bpmn or .json file`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return fail(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (format === 'json') {
    try {
      return { ok: true, value: JSON.parse(text) as DefinitionInput, warnings: [] };
    } catch (error) {
      return fail(`${path} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const { definition, problems } = await importBpmn(text);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!definition || errors.length > 0) return { ok: false, errors: errors.map(formatBpmnProblem) };
  return { ok: true, value: definition, warnings: problems.map(formatBpmnProblem) };
}

/**
 * Reads and compiles, knowing the activities of the plugins `BATON_PLUGINS` names; every problem is
 * returned, errors and warnings, each naming its element.
 */
export async function loadDefinition(path: string): Promise<Outcome<CompiledDefinition>> {
  const read = await readDefinition(path);
  if (!read.ok) return read;
  try {
    await servicesFromEnv();
  } catch (error) {
    if (error instanceof PluginError) return fail(error.message);
    throw error;
  }
  const out = compile(read.value);
  const format = (p: Problem) => formatProblem(locate(p, read.value));
  if (!out.ok) return { ok: false, errors: out.problems.map(format) };
  return { ok: true, value: out.compiled, warnings: [...read.warnings, ...out.warnings.map(format)] };
}

export function formatBpmnProblem(p: BpmnProblem): string {
  const element = [p.elementType, p.elementId && `"${p.elementId}"`].filter(Boolean).join(' ');
  const where = [element, p.line !== undefined && `line ${p.line}`].filter(Boolean).join(', ');
  return `${p.severity} ${p.code}${where ? ` at ${where}` : ''}: ${p.message}`;
}

/** Schema problems carry only a path (`nodes[3].type`): name the node or flow it points into. */
function locate(p: Problem, input: DefinitionInput): Problem {
  if (p.nodeId || p.flowId || !p.path) return p;
  const match = /^(nodes|flows)\[(\d+)\]/.exec(p.path);
  const list = match && typeof input === 'object' && input !== null ? input[match[1] as 'nodes'] : undefined;
  const item: unknown = Array.isArray(list) ? list[Number(match?.[2])] : undefined;
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || id === '') return p;
  return match?.[1] === 'nodes' ? { ...p, nodeId: id } : { ...p, flowId: id };
}

function fail<T>(message: string): Outcome<T> {
  return { ok: false, errors: [message] };
}

/** Prints problems and warnings to stderr, one per line. */
export function report(lines: string[]): void {
  for (const line of lines) console.error(line);
}
