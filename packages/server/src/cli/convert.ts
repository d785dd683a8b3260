import { writeFile } from 'node:fs/promises';
import { exportBpmn } from '@baton/engine';
import { formatOf, loadDefinition, report } from './definition-file.ts';
import { UsageError } from './usage-error.ts';

/**
 * `baton convert IN OUT`: .bpmn ⇄ .json, also .json → .json (normalised: defaults filled in) and
 * .bpmn → .bpmn. The input is validated first: errors exit 2 and nothing is written; warnings are
 * printed and the conversion goes on.
 */
export async function run(args: string[]): Promise<number> {
  const flag = args.find((a) => a.startsWith('-'));
  if (flag !== undefined) throw new UsageError(`convert: unknown option ${flag}`);
  const [input, output, ...extra] = args;
  if (input === undefined || output === undefined) throw new UsageError('convert: expected IN and OUT files');
  if (extra.length > 0) throw new UsageError(`convert: unexpected argument ${extra[0]}`);
  const format = formatOf(output);
  if (!format) throw new UsageError(`convert: ${output}: expected a .bpmn or .json file`);

  const loaded = await loadDefinition(input);
  if (!loaded.ok) {
    report(loaded.errors);
    return 2;
  }
  report(loaded.warnings);
  const definition = loaded.value.definition;
  const text = format === 'json' ? `${JSON.stringify(definition, null, 2)}\n` : await exportBpmn(definition);
  try {
    await writeFile(output, text);
  } catch (error) {
    console.error(`cannot write ${output}: ${(error as Error).message}`);
    return 2;
  }
  return 0;
}
