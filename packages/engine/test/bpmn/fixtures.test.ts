import { describe, expect, it } from 'vitest';
import { exportBpmn, importBpmn } from '../../src/bpmn/index.ts';
import type { DefinitionInput } from '../../src/model/index.ts';
import { countElements, fixture, fixtureJson, withoutStored } from './helpers.ts';

const inferred = (elementId: string, name: string) => ({
  severity: 'warning',
  code: 'BPMN_INFERRED_VARIABLE',
  message: `variable "${name}" is used in an expression but not declared; declared with type json`,
  elementId,
});

describe('importing our own fixtures', () => {
  it('maps a Baton approval process (user tasks, exclusive, parallel split/join, loop back, lanes) exactly', async () => {
    const { definition, problems } = await importBpmn(fixture('approval.bpmn'));
    expect(problems).toEqual([]);
    expect(withoutStored(definition)).toEqual(fixtureJson('approval.json'));
    // Written by another modeler (ids, exporter, an annotation): the document is kept for export.
    expect(definition?.bpmn).toMatchObject({
      format: 'bpmn-xml',
      version: 1,
      processId: 'purchase-approval',
    });
  });

  it('maps timer boundary events, a timer catch, an error end and a default flow exactly', async () => {
    const { definition, problems } = await importBpmn(fixture('timer-boundary.bpmn'));
    expect(problems).toEqual([inferred('ok', 'approved')]);
    expect(withoutStored(definition)).toEqual(fixtureJson('timer-boundary.json'));
  });

  it('maps multi-instance (Camunda attributes), a sub-process, call activity, receive task and messages exactly', async () => {
    const { definition, problems } = await importBpmn(fixture('multi-instance.bpmn'));
    expect(problems).toEqual([
      inferred('vote', 'board'),
      inferred('vote', 'nrOfCompletedInstances'),
      inferred('vote', 'quorum'),
    ]);
    expect(withoutStored(definition)).toEqual(fixtureJson('multi-instance.json'));
  });
});

describe('JSON → BPMN → JSON', () => {
  it.each(['approval.json', 'timer-boundary.json', 'multi-instance.json'])(
    'is lossless for %s',
    async (name) => {
      const definition = fixtureJson(name);
      const { definition: again, problems } = await importBpmn(await exportBpmn(definition));
      expect(problems).toEqual([]);
      // deep equality includes `bpmn`: a file Baton wrote needs nothing kept besides the definition.
      expect(again).toEqual(definition);
    },
  );

  it('is lossless for every node kind, activity type, trigger and role, once laid out', async () => {
    const definition = fixtureJson('all-kinds.json');
    const first = await importBpmn(await exportBpmn(definition));
    expect(first.problems).toEqual([]);
    const laidOut = first.definition as DefinitionInput;
    expect(laidOut.nodes.every((n) => n.position?.width && n.position.height)).toBe(true);
    expect(laidOut.flows?.every((f) => (f.waypoints?.length ?? 0) >= 2)).toBe(true);
    const strip = (d: DefinitionInput) => ({
      ...d,
      nodes: d.nodes.map(({ position: _p, ...n }) => n),
      flows: d.flows?.map(({ waypoints: _w, ...f }) => f),
    });
    expect(strip(laidOut)).toEqual(definition);

    const second = await importBpmn(await exportBpmn(laidOut));
    expect(second.definition).toEqual(laidOut);
  });

  it('writes the Baton extension as documented', async () => {
    const xml = await exportBpmn(fixtureJson('approval.json'));
    expect(xml).toContain('xmlns:baton="http://baton.dev/schema/bpmn"');
    expect(xml).toContain(
      '<baton:config>{"kind":"approve","assignees":["head(starter)"],"outcomes":["approve","reject"],"deadline":"P2D"}</baton:config>',
    );
    expect(xml).toContain('<bpmn:sendTask id="notify" name="Tell the requester" baton:type="email">');
    expect(xml).toContain('<bpmn:exclusiveGateway id="decided" name="Approved?" default="no">');
    expect(xml).toMatch(/<baton:definition>\{"key":"purchase-approval","version":3,/);
    // Lanes need a pool to be drawn by other modelers.
    expect(countElements(xml, 'participant')).toBe(1);
    expect(countElements(xml, 'lane')).toBe(2);
  });

  it('writes back what another modeler added, such as an annotation', async () => {
    const { definition } = await importBpmn(fixture('approval.bpmn'));
    const xml = await exportBpmn(definition as DefinitionInput);
    expect(xml).toContain('<bpmn:text>Amounts above the limit always go back for rework.</bpmn:text>');
    expect(xml).toContain('<bpmn:association id="note_link" sourceRef="decided" targetRef="note" />');
    expect(xml).toContain('exporter="Camunda Modeler"');
  });
});

describe('ids that are not XML names', () => {
  it('are escaped on export and restored on import', async () => {
    const definition: DefinitionInput = {
      key: '2024.orders',
      name: 'Orders',
      nodes: [
        { id: '1', type: 'start', role: 'Manager', position: { x: 100, y: 100, width: 36, height: 36 } },
        {
          id: 'узел 2',
          type: 'userTask',
          config: {},
          role: 'Manager',
          position: { x: 200, y: 80, width: 100, height: 80 },
        },
        { id: 'baton--x', type: 'end', role: 'Manager', position: { x: 400, y: 100, width: 36, height: 36 } },
      ],
      flows: [
        {
          id: 'a-1',
          source: '1',
          target: 'узел 2',
          waypoints: [
            { x: 136, y: 118 },
            { x: 200, y: 118 },
          ],
        },
        {
          id: '-',
          source: 'узел 2',
          target: 'baton--x',
          waypoints: [
            { x: 300, y: 118 },
            { x: 400, y: 118 },
          ],
        },
      ],
      lanes: [{ id: '#managers', name: 'Manager', nodeIds: ['1', 'узел 2', 'baton--x'] }],
    };
    const xml = await exportBpmn(definition);
    expect(xml).toContain('<bpmn:userTask id="baton---443--437--435--43b--20-2">');
    expect(xml).toContain('<bpmn:startEvent id="baton--1">');
    const { definition: again, problems } = await importBpmn(xml);
    expect(problems).toEqual([]);
    expect(again).toEqual(definition);
  });
});
