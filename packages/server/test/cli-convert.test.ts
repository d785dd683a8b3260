import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as convertCommand from '../src/cli/convert.ts';
import { UsageError } from '../src/cli/usage-error.ts';
import { baton, fixture, inProcess } from './fixtures/cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-convert-'));
});

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
/**
 * The graph as it runs: export lays out nodes that have no position (geometry is not what the round
 * trip checks), and an empty config means the same as none.
 */
const graph = (definition: { nodes: Record<string, unknown>[]; flows: Record<string, unknown>[] }) => ({
  nodes: definition.nodes.map(({ position: _p, config, ...node }) =>
    config && Object.keys(config).length > 0 ? { ...node, config } : node,
  ),
  flows: definition.flows.map(({ waypoints: _w, ...flow }) => flow),
});

describe('baton convert', () => {
  for (const name of ['vacation', 'escalation']) {
    it(`round-trips ${name}.json → .bpmn → .json with the same nodes and flows`, async () => {
      const bpmn = join(dir, `${name}.bpmn`);
      const back = join(dir, `${name}.json`);

      const there = await baton('convert', fixture(`${name}.json`), bpmn);
      const again = await baton('convert', bpmn, back);

      expect([there.code, again.code, there.stderr, again.stderr]).toEqual([0, 0, '', '']);
      expect(await readFile(bpmn, 'utf8')).toContain('<bpmn:process id="');
      expect(graph(await readJson(back))).toEqual(graph(await readJson(fixture(`${name}.json`))));
    });
  }

  it('normalises json → json, filling in defaults', async () => {
    const out = join(dir, 'normalised.json');

    const result = await inProcess(convertCommand, fixture('escalation.json'), out);

    expect(result.code).toBe(0);
    expect(await readJson(out)).toMatchObject({
      key: 'escalation',
      version: 1,
      parameters: [],
      variables: [],
    });
  });

  it('converts bpmn → bpmn', async () => {
    const out = join(dir, 'again.bpmn');

    const result = await inProcess(convertCommand, fixture('vacation.bpmn'), out);

    expect(result.code).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/<bpmn:userTask id="approve" name="Head approves"/);
  });

  it('exits 2 on BPMN it cannot execute, naming the element, and writes nothing', async () => {
    const out = join(dir, 'unsupported.json');

    const result = await baton('convert', fixture('unsupported.bpmn'), out);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error BPMN_UNSUPPORTED_ELEMENT at bpmn:ComplexGateway "weigh"');
    await expect(readFile(out)).rejects.toThrow('ENOENT');
  });

  it('exits 2 on a definition that does not compile', async () => {
    const result = await inProcess(convertCommand, fixture('invalid.json'), join(dir, 'invalid.bpmn'));

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error FLOW_TARGET_MISSING at flow f2');
  });

  it('refuses files that are neither .bpmn nor .json', async () => {
    await expect(inProcess(convertCommand, fixture('vacation.json'), join(dir, 'out.xml'))).rejects.toThrow(
      UsageError,
    );
    const result = await inProcess(convertCommand, fixture('cli.ts'), join(dir, 'out.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a .bpmn or .json file');
  });
});
