import { describe, expect, it } from 'vitest';
import { exportBpmn, importBpmn } from '../../src/bpmn/index.ts';
import type { DefinitionInput } from '../../src/model/index.ts';
import { countElements, readMiwg } from './helpers.ts';

async function imported(file: string): Promise<{ xml: string; definition: DefinitionInput }> {
  const xml = readMiwg(file);
  const { definition } = await importBpmn(xml);
  if (!definition) throw new Error(`${file} did not import`);
  return { xml, definition };
}

/** The ids a message flow of the XML joins. */
function messageFlowEnds(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?messageFlow\s[^>]*>/g)].flatMap((m) =>
    [...m[0].matchAll(/(?:source|target)Ref="([^"]+)"/g)].map((r) => r[1] as string),
  );
}

describe('exporting an imported definition after edits', () => {
  it('drops a deleted node with its flows, shapes and the message flows that reached it', async () => {
    const { xml, definition } = await imported('A.4.0.bpmn');
    const victim = definition.nodes.find((n) => messageFlowEnds(xml).includes(n.id));
    if (!victim) throw new Error('A.4.0 has a message flow to the executable pool');
    const edited: DefinitionInput = {
      ...definition,
      nodes: definition.nodes.filter((n) => n !== victim),
      flows: definition.flows?.filter((f) => f.source !== victim.id && f.target !== victim.id),
    };
    const out = await exportBpmn(edited);
    expect(out).not.toContain(`"${victim.id}"`);
    const reaching = messageFlowEnds(xml).filter((id) => id === victim.id).length;
    expect(countElements(out, 'messageFlow')).toBe(countElements(xml, 'messageFlow') - reaching);
    expect(countElements(out, 'participant')).toBe(countElements(xml, 'participant'));
    const again = await importBpmn(out);
    expect(again.definition?.nodes.map((n) => n.id)).toEqual(edited.nodes.map((n) => n.id));
    expect(again.definition?.flows).toEqual(edited.flows);
  });

  it('renames, retypes and moves nodes in place, keeping the element and its diagram shape', async () => {
    const { definition } = await imported('A.4.0.bpmn');
    const task = definition.nodes.find((n) => n.type === 'automatic') as DefinitionInput['nodes'][number];
    const moved = { x: 1000, y: 900, width: 120, height: 90 };
    const edited: DefinitionInput = {
      ...definition,
      nodes: definition.nodes.map((n) =>
        n === task
          ? { ...n, name: 'Send the offer', type: 'email', config: { to: ['starter'] }, position: moved }
          : n,
      ),
    };
    const out = await exportBpmn(edited);
    expect(out).toMatch(
      new RegExp(`<semantic:task id="${task.id}" name="Send the offer" baton:type="email">`),
    );
    expect(out).toContain(`<baton:config>{"to":["starter"]}</baton:config>`);
    const again = await importBpmn(out);
    expect(again.definition?.nodes.find((n) => n.id === task.id)).toEqual({
      ...task,
      name: 'Send the offer',
      type: 'email',
      config: { to: ['starter'] },
      position: moved,
    });
  });

  it('adds a node without a position below the drawn diagram', async () => {
    const { definition } = await imported('A.4.0.bpmn');
    const last = definition.nodes.find(
      (n) => n.type === 'end' && n.parent === undefined,
    ) as DefinitionInput['nodes'][number];
    const edited: DefinitionInput = {
      ...definition,
      nodes: [...definition.nodes, { id: 'audit', type: 'log', config: { message: 'done' } }],
      flows: [...(definition.flows ?? []), { id: 'to_audit', source: last.id, target: 'audit' }],
    };
    const again = await importBpmn(await exportBpmn(edited));
    const audit = again.definition?.nodes.find((n) => n.id === 'audit');
    const lowest = Math.max(...definition.nodes.map((n) => (n.position?.y ?? 0) + (n.position?.height ?? 0)));
    expect(audit?.position).toMatchObject({ width: 100, height: 80 });
    expect(audit?.position?.y).toBeGreaterThan(lowest);
    expect(
      again.definition?.flows?.find((f) => f.id === 'to_audit')?.waypoints?.length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('exporting a definition without a diagram', () => {
  it('lays out every node left to right and routes every flow', async () => {
    const definition: DefinitionInput = {
      key: 'simple',
      name: 'Simple',
      nodes: [
        { id: 's', type: 'start' },
        { id: 'a', type: 'userTask', config: {} },
        { id: 'g', type: 'exclusive' },
        { id: 'e', type: 'end' },
      ],
      flows: [
        { id: 'f1', source: 's', target: 'a' },
        { id: 'f2', source: 'a', target: 'g' },
        { id: 'f3', source: 'g', target: 'e', condition: 'true' },
        { id: 'f4', source: 'g', target: 'a', default: true },
      ],
    };
    const { definition: again } = await importBpmn(await exportBpmn(definition));
    const xs = again?.nodes.map((n) => n.position?.x ?? Number.NaN) ?? [];
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(new Set(xs).size).toBe(4);
    expect(again?.flows?.every((f) => (f.waypoints?.length ?? 0) >= 2)).toBe(true);
  });
});
