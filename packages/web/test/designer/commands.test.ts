import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/designer/model/commands.ts';
import type { Doc } from '../../src/designer/model/doc.ts';
import { createEditor, execute, redo, undo } from '../../src/designer/model/stack.ts';
import { vacation } from './fixtures.ts';

const node = (doc: Doc, id: string) => doc.nodes.find((n) => n.id === id);
const flow = (doc: Doc, id: string) => doc.flows.find((f) => f.id === id);
const ids = (list: { id: string }[]) => list.map((x) => x.id);

/** Given the vacation fixture, when `cmd` runs, then `check` holds; undo restores it exactly, redo re-applies. */
function roundTrip(cmd: Command, check: (after: Doc, before: Doc) => void) {
  const before = vacation();
  const done = execute(createEditor(before), cmd);
  expect(done.past.map((e) => e.name)).toEqual([cmd.do]);
  check(done.doc, before);
  const undone = undo(done);
  expect(undone.doc).toEqual(vacation());
  expect(undone.past).toHaveLength(0);
  const redone = redo(undone);
  expect(redone.doc).toEqual(done.doc);
}

describe('commands, each undone and redone', () => {
  it('addNodes appends the nodes and flows', () =>
    roundTrip(
      {
        do: 'addNodes',
        nodes: [{ id: 'notify1', type: 'notify', position: { x: 10, y: 20 } }],
        flows: [{ id: 'flow1', source: 'hr', target: 'notify1' }],
      },
      (after) => {
        expect(node(after, 'notify1')).toEqual({ id: 'notify1', type: 'notify', position: { x: 10, y: 20 } });
        expect(flow(after, 'flow1')).toEqual({ id: 'flow1', source: 'hr', target: 'notify1' });
      },
    ));

  it('addNodes refuses an id that is taken', () => {
    expect(() =>
      execute(createEditor(vacation()), { do: 'addNodes', nodes: [{ id: 'hr', type: 'notify' }] }),
    ).toThrow(/already used/);
  });

  it('paste adds copied elements', () =>
    roundTrip(
      {
        do: 'paste',
        nodes: [
          { id: 'hr2', type: 'userTask', role: 'HR', position: { x: 540, y: 240 } },
          { id: 'end2', type: 'end', position: { x: 700, y: 240 } },
        ],
        flows: [{ id: 'flow1', source: 'hr2', target: 'end2' }],
      },
      (after) => {
        expect(ids(after.nodes).slice(-2)).toEqual(['hr2', 'end2']);
        expect(ids(after.flows).at(-1)).toBe('flow1');
      },
    ));

  it('removeElements takes a node with its flows and its boundary events (and their flows)', () =>
    roundTrip({ do: 'removeElements', nodeIds: ['approve'], flowIds: [] }, (after) => {
      expect(node(after, 'approve')).toBeUndefined();
      expect(node(after, 'timeout')).toBeUndefined();
      expect(ids(after.flows)).toEqual(['f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9']);
    }));

  it('removeElements takes several nodes and flows at once, in any order', () =>
    roundTrip({ do: 'removeElements', nodeIds: ['hr', 'start', 'join'], flowIds: ['f4', 'f2'] }, (after) => {
      expect(ids(after.nodes)).toEqual([
        'approve',
        'timeout',
        'decision',
        'split',
        'accounting',
        'done',
        'refused',
      ]);
      expect(ids(after.flows)).toEqual(['f3', 'f5', 'f10']);
    }));

  it('removeElements takes a sub-process with its children', () => {
    const before = vacation();
    before.nodes.push(
      { id: 'sub', type: 'subProcess', position: { x: 0, y: 400 } },
      { id: 'subStart', type: 'start', parent: 'sub', position: { x: 10, y: 410 } },
      { id: 'subEnd', type: 'end', parent: 'sub', position: { x: 100, y: 410 } },
    );
    before.flows.push({ id: 'sf', source: 'subStart', target: 'subEnd' });
    const copy = structuredClone(before);
    const done = execute(createEditor(before), { do: 'removeElements', nodeIds: ['sub'], flowIds: [] });
    expect(ids(done.doc.nodes)).toEqual(ids(vacation().nodes));
    expect(flow(done.doc, 'sf')).toBeUndefined();
    expect(undo(done).doc).toEqual(copy);
  });

  it('connect draws a valid flow', () =>
    roundTrip({ do: 'connect', flow: { id: 'flow1', source: 'accounting', target: 'done' } }, (after) => {
      expect(flow(after, 'flow1')).toEqual({ id: 'flow1', source: 'accounting', target: 'done' });
    }));

  it.each([
    ['from an end event', 'done', 'hr'],
    ['into a start event', 'hr', 'start'],
    ['into a boundary event', 'hr', 'timeout'],
    ['from a node to itself', 'hr', 'hr'],
    ['twice between the same nodes', 'split', 'hr'],
    ['to a missing node', 'hr', 'nowhere'],
  ])('connect changes nothing %s', (_why, source, target) => {
    const editor = createEditor(vacation());
    const after = execute(editor, { do: 'connect', flow: { id: 'x', source, target } });
    expect(after).toBe(editor);
  });

  it('reconnect moves a flow end', () =>
    roundTrip({ do: 'reconnect', flowId: 'f9', source: 'join', target: 'refused' }, (after) => {
      expect(flow(after, 'f9')).toEqual({ id: 'f9', source: 'join', target: 'refused' });
    }));

  it('reconnect of a default flow away from its gateway drops the default (UnsetDefaultFlow)', () =>
    roundTrip({ do: 'reconnect', flowId: 'f4', source: 'hr', target: 'refused' }, (after) => {
      expect(flow(after, 'f4')).toEqual({ id: 'f4', source: 'hr', target: 'refused' });
    }));

  it('moveNodes moves nodes, rounding to whole pixels; boundary events follow their host', () =>
    roundTrip(
      {
        do: 'moveNodes',
        moves: [
          { id: 'approve', x: 110.4, y: 60 },
          { id: 'hr', x: 1, y: 2 },
        ],
      },
      (after) => {
        expect(node(after, 'approve')?.position).toEqual({ x: 110, y: 60 });
        expect(node(after, 'timeout')?.position).toEqual({ x: 160, y: 110 });
        expect(node(after, 'hr')?.position).toEqual({ x: 1, y: 2 });
      },
    ));

  it('moveNodes keeps a boundary event that was moved itself where it was put', () =>
    roundTrip(
      {
        do: 'moveNodes',
        moves: [
          { id: 'approve', x: 100, y: 0 },
          { id: 'timeout', x: 190, y: 50 },
        ],
      },
      (after) => expect(node(after, 'timeout')?.position).toEqual({ x: 190, y: 50 }),
    ));

  it('moveNodes to where a node already is changes nothing', () => {
    const editor = createEditor(vacation());
    expect(execute(editor, { do: 'moveNodes', moves: [{ id: 'hr', x: 500, y: 200 }] })).toBe(editor);
  });

  it('layout moves every node as one step', () =>
    roundTrip(
      { do: 'layout', moves: vacation().nodes.map((n, i) => ({ id: n.id, x: i * 10, y: 0 })) },
      (after) => expect(after.nodes.map((n) => n.position?.x)).toEqual(after.nodes.map((_, i) => i * 10)),
    ));

  it('renameNode sets the name; an empty name removes it', () => {
    roundTrip({ do: 'renameNode', nodeId: 'hr', name: 'HR registers' }, (after) =>
      expect(node(after, 'hr')?.name).toBe('HR registers'),
    );
    roundTrip({ do: 'renameNode', nodeId: 'approve', name: '  ' }, (after) =>
      expect(node(after, 'approve')).not.toHaveProperty('name'),
    );
  });

  it('setNodeConfig replaces the config; an empty one removes it', () => {
    roundTrip({ do: 'setNodeConfig', nodeId: 'hr', config: { kind: 'review', deadline: 'P1D' } }, (after) =>
      expect(node(after, 'hr')?.config).toEqual({ kind: 'review', deadline: 'P1D' }),
    );
    roundTrip({ do: 'setNodeConfig', nodeId: 'hr', config: {} }, (after) =>
      expect(node(after, 'hr')).not.toHaveProperty('config'),
    );
  });

  it('updateNode sets and removes role, description, multi-instance', () =>
    roundTrip(
      {
        do: 'updateNode',
        nodeId: 'hr',
        patch: {
          role: undefined,
          description: 'Registers the leave',
          multiInstance: { sequential: true, cardinality: '2' },
        },
      },
      (after) =>
        expect(node(after, 'hr')).toEqual({
          id: 'hr',
          type: 'userTask',
          config: { kind: 'acknowledge' },
          position: { x: 500, y: 200 },
          description: 'Registers the leave',
          multiInstance: { sequential: true, cardinality: '2' },
        }),
    ));

  it('setFlowCondition sets a condition; blank removes it', () => {
    roundTrip({ do: 'setFlowCondition', flowId: 'f3', condition: 'approved && days < 14' }, (after) =>
      expect(flow(after, 'f3')?.condition).toBe('approved && days < 14'),
    );
    roundTrip({ do: 'setFlowCondition', flowId: 'f3', condition: '' }, (after) =>
      expect(flow(after, 'f3')).not.toHaveProperty('condition'),
    );
  });

  it('setFlowCondition on the default flow makes it an ordinary conditional flow', () =>
    roundTrip({ do: 'setFlowCondition', flowId: 'f4', condition: '!approved' }, (after) =>
      expect(flow(after, 'f4')).toEqual({
        id: 'f4',
        source: 'decision',
        target: 'refused',
        condition: '!approved',
      }),
    ));

  it('setDefaultFlow makes a flow the default: the old default is unset, its condition dropped', () =>
    roundTrip({ do: 'setDefaultFlow', flowId: 'f3', value: true }, (after) => {
      expect(flow(after, 'f3')).toEqual({ id: 'f3', source: 'decision', target: 'split', default: true });
      expect(flow(after, 'f4')).toEqual({ id: 'f4', source: 'decision', target: 'refused' });
    }));

  it('setDefaultFlow false unsets it', () =>
    roundTrip({ do: 'setDefaultFlow', flowId: 'f4', value: false }, (after) =>
      expect(flow(after, 'f4')).not.toHaveProperty('default'),
    ));

  it('setDefaultFlow on a flow that does not leave a gateway changes nothing', () => {
    const editor = createEditor(vacation());
    expect(execute(editor, { do: 'setDefaultFlow', flowId: 'f9', value: true }).doc).toEqual(vacation());
  });

  it('updateFlow sets a name and a trigger', () =>
    roundTrip(
      {
        do: 'updateFlow',
        flowId: 'f9',
        patch: { name: 'Done', trigger: { kind: 'command', command: 'close' } },
      },
      (after) =>
        expect(flow(after, 'f9')).toEqual({
          id: 'f9',
          source: 'join',
          target: 'done',
          name: 'Done',
          trigger: { kind: 'command', command: 'close' },
        }),
    ));

  it('setSettings changes template fields; undefined removes one', () =>
    roundTrip(
      {
        do: 'setSettings',
        settings: {
          name: 'Leave',
          description: 'Paid leave',
          documentType: undefined,
          constants: [{ id: 'maxDays', type: 'number', value: 28 }],
        },
      },
      (after) => {
        expect(after.name).toBe('Leave');
        expect(after.description).toBe('Paid leave');
        expect(after).not.toHaveProperty('documentType');
        expect(after.constants).toEqual([{ id: 'maxDays', type: 'number', value: 28 }]);
      },
    ));

  it('setSettings sets the catalogue order and icon', () =>
    roundTrip({ do: 'setSettings', settings: { sort: 20, icon: 'beach' } }, (after, before) => {
      expect(after).toMatchObject({ sort: 20, icon: 'beach' });
      expect(before).not.toHaveProperty('sort');
      expect(before).not.toHaveProperty('icon');
    }));
});
