import { describe, expect, it } from 'vitest';
import { copy, parseFragment, pasteCommand } from '../../src/designer/model/clipboard.ts';
import { createEditor, execute, undo } from '../../src/designer/model/stack.ts';
import { vacation } from './fixtures.ts';

describe('copy and paste', () => {
  it('copies the chosen nodes, their boundary events and the flows between them', () => {
    const fragment = copy(vacation(), ['approve', 'decision', 'refused']);
    expect(fragment.nodes.map((n) => n.id)).toEqual(['approve', 'timeout', 'decision', 'refused']);
    expect(fragment.flows.map((f) => f.id)).toEqual(['f2', 'f4', 'f10']);
  });

  it('pastes with fresh ids, references remapped, positions offset; undo removes it all', () => {
    const doc = vacation();
    const cmd = pasteCommand(doc, copy(doc, ['approve', 'decision']), { x: 10, y: 20 });
    expect(cmd).toEqual({
      do: 'paste',
      nodes: [
        {
          id: 'approve1',
          type: 'userTask',
          name: 'Head approves',
          config: { kind: 'approve', assignees: ["'head:' + starter"] },
          position: { x: 110, y: 110 },
        },
        {
          id: 'timeout1',
          type: 'timerBoundary',
          attachedTo: 'approve1',
          config: { duration: 'P3D' },
          position: { x: 160, y: 160 },
        },
        { id: 'decision1', type: 'exclusive', position: { x: 310, y: 120 } },
      ],
      flows: [{ id: 'flow1', source: 'approve1', target: 'decision1' }],
    });
    const e = execute(createEditor(doc), cmd);
    expect(e.doc.nodes).toHaveLength(doc.nodes.length + 3);
    expect(undo(e).doc).toEqual(vacation());
  });

  it('pasting twice gives new ids again', () => {
    const doc = vacation();
    const fragment = copy(doc, ['hr']);
    const once = execute(createEditor(doc), pasteCommand(doc, fragment));
    const twice = execute(once, pasteCommand(once.doc, fragment));
    expect(twice.doc.nodes.slice(-2).map((n) => n.id)).toEqual(['hr1', 'hr2']);
  });

  it('leaves out a boundary event copied without its activity', () => {
    const doc = vacation();
    const cmd = pasteCommand(doc, copy(doc, ['timeout', 'refused']));
    expect(cmd.do === 'paste' && cmd.nodes.map((n) => n.id)).toEqual(['refused1']);
    expect(cmd.do === 'paste' && cmd.flows).toEqual([]);
  });

  it('reads a fragment back from clipboard text, and nothing else', () => {
    const fragment = copy(vacation(), ['hr']);
    expect(parseFragment(JSON.stringify(fragment))).toEqual(fragment);
    expect(parseFragment('hello')).toBeNull();
    expect(parseFragment('{"kind":"other"}')).toBeNull();
  });
});
