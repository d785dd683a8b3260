import { type Doc, toDoc } from '../../src/designer/model/doc.ts';

/** The vacation process from docs/MODEL.md, with positions: the fixture most designer tests edit. */
export function vacation(): Doc {
  return toDoc({
    key: 'vacation',
    name: 'Vacation request',
    parameters: [{ id: 'days', type: 'number', required: true }],
    variables: [{ id: 'approved', type: 'boolean' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 100 } },
      {
        id: 'approve',
        type: 'userTask',
        name: 'Head approves',
        config: { kind: 'approve', assignees: ["'head:' + starter"] },
        position: { x: 100, y: 90 },
      },
      {
        id: 'timeout',
        type: 'timerBoundary',
        attachedTo: 'approve',
        config: { duration: 'P3D' },
        position: { x: 150, y: 140 },
      },
      { id: 'decision', type: 'exclusive', position: { x: 300, y: 100 } },
      { id: 'split', type: 'parallel', position: { x: 400, y: 100 } },
      {
        id: 'accounting',
        type: 'userTask',
        role: 'Accountant',
        config: { kind: 'acknowledge' },
        position: { x: 500, y: 0 },
      },
      {
        id: 'hr',
        type: 'userTask',
        role: 'HR',
        config: { kind: 'acknowledge' },
        position: { x: 500, y: 200 },
      },
      { id: 'join', type: 'parallel', position: { x: 700, y: 100 } },
      { id: 'done', type: 'end', position: { x: 800, y: 100 } },
      { id: 'refused', type: 'end', position: { x: 400, y: 300 } },
    ],
    flows: [
      { id: 'f1', source: 'start', target: 'approve' },
      { id: 'f2', source: 'approve', target: 'decision' },
      { id: 'f3', source: 'decision', target: 'split', condition: 'approved' },
      { id: 'f4', source: 'decision', target: 'refused', default: true },
      { id: 'f5', source: 'split', target: 'accounting' },
      { id: 'f6', source: 'split', target: 'hr' },
      { id: 'f7', source: 'accounting', target: 'join' },
      { id: 'f8', source: 'hr', target: 'join' },
      { id: 'f9', source: 'join', target: 'done' },
      { id: 'f10', source: 'timeout', target: 'refused' },
    ],
  });
}
