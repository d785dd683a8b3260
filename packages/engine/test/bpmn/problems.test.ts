import { describe, expect, it } from 'vitest';
import { exportBpmn, importBpmn } from '../../src/bpmn/index.ts';
import type { DefinitionInput } from '../../src/model/index.ts';

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="http://baton.dev/schema/bpmn" id="d" targetNamespace="t"';
const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NS}>\n${body}\n</bpmn:definitions>`;

describe('bad input', () => {
  it('reports malformed XML with its line and gives no definition', async () => {
    const xml = doc(
      '  <bpmn:process id="p">\n    <bpmn:task id="t" name="a"></bpmn:process>\n  </bpmn:process>',
    );
    expect(await importBpmn(xml)).toEqual({
      definition: null,
      problems: [
        {
          severity: 'error',
          code: 'BPMN_MALFORMED_XML',
          message: 'not well-formed XML at line 4, column 32: closing tag mismatch (near </bpmn:process>)',
          line: 4,
        },
      ],
    });
  });

  it('reports a document that is not BPMN', async () => {
    const { definition, problems } = await importBpmn('<html><body/></html>');
    expect(definition).toBeNull();
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'BPMN_MALFORMED_XML',
        message: 'not a BPMN 2.0 document: the root element must be bpmn:definitions',
      },
    ]);
  });

  it('reports a file with no process', async () => {
    const xml = doc(`  <bpmn:message id="m" name="hello" />
  <bpmn:collaboration id="c"><bpmn:participant id="black_box" name="Customer" /></bpmn:collaboration>
  <bpmn:process id="empty" />`);
    expect(await importBpmn(xml)).toEqual({
      definition: null,
      problems: [
        { severity: 'error', code: 'BPMN_NO_PROCESS', message: 'the file holds no process with flow nodes' },
      ],
    });
  });

  it('reports a Baton extension that is not JSON, and still imports the rest', async () => {
    const xml = doc(`  <bpmn:process id="p">
    <bpmn:userTask id="t"><bpmn:extensionElements><baton:config>{kind: approve}</baton:config></bpmn:extensionElements></bpmn:userTask>
  </bpmn:process>`);
    const { definition, problems } = await importBpmn(xml);
    expect(definition?.nodes).toEqual([{ id: 't', type: 'userTask', config: {} }]);
    expect(problems).toMatchObject([
      { severity: 'error', code: 'BPMN_INVALID_EXTENSION', elementId: 't', elementType: 'bpmn:UserTask' },
    ]);
    expect(problems[0]?.message).toMatch(/^<baton:config> is not valid JSON/);
  });
});

describe('elements Baton cannot execute', () => {
  const xml = doc(`  <bpmn:collaboration id="c">
    <bpmn:participant id="pool_a" name="Sales" processRef="sales" />
    <bpmn:participant id="pool_b" name="Billing" processRef="billing" />
  </bpmn:collaboration>
  <bpmn:process id="sales">
    <bpmn:startEvent id="start" />
    <bpmn:complexGateway id="cx" name="Two of three" />
    <bpmn:task id="a" />
    <bpmn:intermediateThrowEvent id="goto"><bpmn:linkEventDefinition id="l" name="x" /></bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="cx" />
    <bpmn:sequenceFlow id="f2" sourceRef="cx" targetRef="a" />
    <bpmn:sequenceFlow id="f3" sourceRef="a" targetRef="end" />
  </bpmn:process>
  <bpmn:process id="billing">
    <bpmn:task id="bill" />
    <bpmn:adHocSubProcess id="adhoc" />
  </bpmn:process>`);

  it('are errors on the executable path, warnings off it and in other pools', async () => {
    const { definition, problems } = await importBpmn(xml);
    expect(definition?.key).toBe('sales');
    expect(definition?.name).toBe('Sales');
    expect(definition?.nodes.map((n) => [n.id, n.type])).toEqual([
      ['start', 'start'],
      ['a', 'automatic'],
      ['end', 'end'],
    ]);
    // Flows touching the complex gateway are kept in the document, not in the graph.
    expect(definition?.flows).toEqual([{ id: 'f3', source: 'a', target: 'end' }]);
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'BPMN_UNSUPPORTED_ELEMENT',
        message: 'A complex gateway cannot be executed; it is kept for export',
        elementId: 'cx',
        elementType: 'bpmn:ComplexGateway',
      },
      {
        severity: 'warning',
        code: 'BPMN_UNSUPPORTED_ELEMENT',
        message:
          'A link intermediate throw event cannot be executed (it is off the executable path); it is kept for export',
        elementId: 'goto',
        elementType: 'bpmn:IntermediateThrowEvent',
      },
      {
        severity: 'warning',
        code: 'BPMN_PROCESS_NOT_EXECUTED',
        message: 'Process "billing" is kept for export but not executed: a definition runs one process',
        elementId: 'billing',
        elementType: 'bpmn:Process',
      },
      {
        severity: 'warning',
        code: 'BPMN_UNSUPPORTED_ELEMENT',
        message: 'An ad-hoc sub-process in process "billing", which is not executed; it is kept for export',
        elementId: 'adhoc',
        elementType: 'bpmn:AdHocSubProcess',
      },
    ]);
  });

  it('are written back on export, with their flows', async () => {
    const { definition } = await importBpmn(xml);
    const out = await exportBpmn(definition as DefinitionInput);
    expect(out).toContain('<bpmn:complexGateway id="cx" name="Two of three">');
    expect(out).toContain('<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="cx" />');
    expect(out).toContain('<bpmn:linkEventDefinition id="l" name="x" />');
    expect(out).toContain('<bpmn:adHocSubProcess id="adhoc" />');
    expect(out).toContain('<bpmn:participant id="pool_b" name="Billing" processRef="billing" />');
  });
});

describe('choosing the process and naming the definition', () => {
  it('takes the first pool with a start event, its name, and a key made of the allowed characters', async () => {
    const xml = doc(`  <bpmn:collaboration id="c">
    <bpmn:participant id="pool_a" name="Archive" processRef="archive" />
    <bpmn:participant id="pool_b" name="Заявка на отпуск" processRef="hr:vacation_v2" />
  </bpmn:collaboration>
  <bpmn:process id="archive"><bpmn:task id="store" /></bpmn:process>
  <bpmn:process id="hr:vacation_v2">
    <bpmn:startEvent id="s"><bpmn:messageEventDefinition id="md" /></bpmn:startEvent>
  </bpmn:process>`);
    const { definition, problems } = await importBpmn(xml);
    expect(definition).toMatchObject({
      key: 'hr_vacation_v2',
      name: 'Заявка на отпуск',
      nodes: [{ id: 's', type: 'start' }],
    });
    expect(problems.map((p) => [p.severity, p.code, p.elementId])).toEqual([
      ['warning', 'BPMN_START_TRIGGER_IGNORED', 's'],
      ['warning', 'BPMN_PROCESS_NOT_EXECUTED', 'archive'],
    ]);
  });
});
