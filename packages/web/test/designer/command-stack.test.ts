import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/designer/model/commands.ts';
import type { Doc } from '../../src/designer/model/doc.ts';
import { createEditor, execute, redo, revision, seal, undo } from '../../src/designer/model/stack.ts';
import { vacation } from './fixtures.ts';

const node = (doc: Doc, id: string) => doc.nodes.find((n) => n.id === id);
const flow = (doc: Doc, id: string) => doc.flows.find((f) => f.id === id);

describe('the command stack', () => {
  it('undoes and redoes several edits in order', () => {
    let e = createEditor(vacation());
    e = execute(e, { do: 'renameNode', nodeId: 'hr', name: 'A' });
    e = execute(e, { do: 'moveNodes', moves: [{ id: 'hr', x: 0, y: 0 }] });
    e = execute(e, { do: 'removeElements', nodeIds: ['hr'], flowIds: [] });
    expect(e.past.map((x) => x.name)).toEqual(['renameNode', 'moveNodes', 'removeElements']);
    e = undo(undo(e));
    expect(node(e.doc, 'hr')).toMatchObject({ name: 'A', position: { x: 500, y: 200 } });
    expect(e.future.map((x) => x.name)).toEqual(['moveNodes', 'removeElements']);
    e = redo(e);
    expect(node(e.doc, 'hr')?.position).toEqual({ x: 0, y: 0 });
    e = undo(undo(e));
    expect(e.doc).toEqual(vacation());
    expect(undo(e)).toBe(e);
  });

  it('a new edit clears what could be redone', () => {
    let e = execute(createEditor(vacation()), { do: 'renameNode', nodeId: 'hr', name: 'A' });
    e = execute(undo(e), { do: 'renameNode', nodeId: 'hr', name: 'B' });
    expect(e.future).toEqual([]);
    expect(redo(e)).toBe(e);
  });

  it('edits with the same merge key fold into one undo step until sealed', () => {
    let e = createEditor(vacation());
    for (const name of ['H', 'HR', 'HR r'])
      e = execute(e, { do: 'renameNode', nodeId: 'hr', name }, { mergeKey: 'hr.name' });
    expect(e.past).toHaveLength(1);
    expect(node(e.doc, 'hr')?.name).toBe('HR r');
    e = seal(e);
    e = execute(e, { do: 'renameNode', nodeId: 'hr', name: 'HR registers' }, { mergeKey: 'hr.name' });
    expect(e.past).toHaveLength(2);
    expect(node(undo(e).doc, 'hr')?.name).toBe('HR r');
    expect(undo(undo(e)).doc).toEqual(vacation());
  });

  it('revision tells whether the definition is the one saved', () => {
    let e = createEditor(vacation());
    const saved = revision(e);
    e = execute(e, { do: 'renameNode', nodeId: 'hr', name: 'A' });
    expect(revision(e)).not.toBe(saved);
    const edited = revision(e);
    expect(revision(seal(e))).toBe(edited);
    expect(revision(undo(e))).toBe(saved);
  });

  it('leaves unchanged nodes and flows the same objects (the canvas re-renders only what changed)', () => {
    const before = vacation();
    const after = execute(createEditor(before), { do: 'renameNode', nodeId: 'hr', name: 'A' }).doc;
    expect(after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id)).toEqual(['hr']);
    expect(after.flows).toBe(before.flows);
  });
});

describe('adding from the palette', () => {
  it('a drop centres the new node on the point; undo removes it', async () => {
    const { addAtCommand } = await import('../../src/designer/model/add.ts');
    const doc = vacation();
    const cmd = addAtCommand(doc, 'userTask', { x: 1000, y: 500 });
    expect(cmd).toEqual({
      do: 'addNodes',
      nodes: [
        { id: 'userTask1', type: 'userTask', config: { kind: 'approve' }, position: { x: 925, y: 468 } },
      ],
    });
    const e = execute(createEditor(doc), cmd as Command);
    expect(undo(e).doc).toEqual(vacation());
  });

  it('a boundary event dropped on an activity attaches to it; elsewhere it adds nothing', async () => {
    const { addAtCommand } = await import('../../src/designer/model/add.ts');
    const cmd = addAtCommand(vacation(), 'messageBoundary', { x: 520, y: 210 });
    expect(cmd).toEqual({
      do: 'addNodes',
      nodes: [
        { id: 'messageBoundary1', type: 'messageBoundary', attachedTo: 'hr', position: { x: 500, y: 244 } },
      ],
    });
    expect(addAtCommand(vacation(), 'timerBoundary', { x: -500, y: -500 })).toBeNull();
  });

  it('a click with one node selected adds the new node after it, connected', async () => {
    const { addAfterCommand } = await import('../../src/designer/model/add.ts');
    const doc = vacation();
    const cmd = addAfterCommand(doc, 'notify', 'done');
    expect(cmd).toBeNull();
    const after = addAfterCommand(doc, 'notify', 'hr');
    expect(after).toEqual({
      do: 'addNodes',
      nodes: [{ id: 'notify1', type: 'notify', position: { x: 706, y: 200 } }],
      flows: [{ id: 'flow1', source: 'hr', target: 'notify1' }],
    });
    const e = execute(createEditor(doc), after as Command);
    expect(flow(e.doc, 'flow1')).toEqual({ id: 'flow1', source: 'hr', target: 'notify1' });
    expect(undo(e).doc).toEqual(vacation());
  });
});

describe('behaviours', () => {
  it('an approve task declares the boolean it decides into, once; undo takes the declaration back', () => {
    const doc = vacation();
    doc.variables = [];
    const before = structuredClone(doc);
    let e = execute(createEditor(doc), {
      do: 'addNodes',
      nodes: [{ id: 'ok', type: 'userTask', config: { kind: 'approve' } }],
    });
    expect(e.doc.variables).toEqual([{ id: 'approved', type: 'boolean' }]);
    e = execute(e, {
      do: 'setNodeConfig',
      nodeId: 'ok',
      config: { kind: 'approve', resultVariable: 'agreed' },
    });
    expect(e.doc.variables.map((v) => v.id)).toEqual(['approved', 'agreed']);
    e = execute(e, { do: 'setNodeConfig', nodeId: 'hr', config: { kind: 'approve' } });
    expect(e.doc.variables.map((v) => v.id)).toEqual(['approved', 'agreed']);
    expect(undo(undo(undo(e))).doc).toEqual(before);
  });

  it('a name declared as a parameter is not declared again', () => {
    const doc = vacation();
    doc.variables = [];
    doc.parameters = [{ id: 'approved', type: 'boolean' }];
    const e = execute(createEditor(doc), { do: 'setNodeConfig', nodeId: 'hr', config: { kind: 'approve' } });
    expect(e.doc.variables).toEqual([]);
  });
});
