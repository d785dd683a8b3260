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

  it('refuses a DOCTYPE where it stands, expanding none of its entities', async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<bpmn:definitions ${NS}>
  <bpmn:process id="p" name="&lol1;" />
</bpmn:definitions>`;
    expect(await importBpmn(laughs)).toEqual({
      definition: null,
      problems: [
        {
          severity: 'error',
          code: 'BPMN_MALFORMED_XML',
          message:
            'not a BPMN 2.0 document: a DOCTYPE declaration (line 2) is not allowed; its entities are never expanded',
          line: 2,
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

  it('reports a Baton extension nested too deeply, naming where', async () => {
    const deep = `{"fields":[{"x":${'['.repeat(5_000)}${']'.repeat(5_000)}}]}`;
    const xml = doc(`  <bpmn:process id="p">
    <bpmn:userTask id="t"><bpmn:extensionElements><baton:config>${deep}</baton:config></bpmn:extensionElements></bpmn:userTask>
  </bpmn:process>`);
    const { problems } = await importBpmn(xml);
    expect(problems).toMatchObject([{ severity: 'error', code: 'BPMN_INVALID_EXTENSION', elementId: 't' }]);
    expect(problems[0]?.message).toBe(
      `<baton:config> nests deeper than 64 levels at fields[0].x${'[0]'.repeat(61)}`,
    );
  });

  it('imports sub-processes nested 32 levels deep and reports the 33rd, however deep the file goes', async () => {
    /** `levels` sub-processes inside one another, each `s<k>` holding start → s<k+1> → end. */
    const nested = (levels: number) => {
      const opens: string[] = [];
      const closes: string[] = [];
      for (let k = 1; k <= levels; k++) {
        opens.push(`<bpmn:subProcess id="s${k}"><bpmn:startEvent id="b${k}" />`);
        const flows =
          k === levels
            ? `<bpmn:sequenceFlow id="f${k}" sourceRef="b${k}" targetRef="e${k}" />`
            : `<bpmn:sequenceFlow id="f${k}" sourceRef="b${k}" targetRef="s${k + 1}" /><bpmn:sequenceFlow id="g${k}" sourceRef="s${k + 1}" targetRef="e${k}" />`;
        closes.push(`<bpmn:endEvent id="e${k}" />${flows}</bpmn:subProcess>`);
      }
      const inner = opens.join('') + closes.reverse().join('');
      return doc(`<bpmn:process id="p"><bpmn:startEvent id="start" />${inner}<bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="s1" /><bpmn:sequenceFlow id="out" sourceRef="s1" targetRef="end" /></bpmn:process>`);
    };
    const fits = await importBpmn(nested(32));
    expect(fits.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(fits.definition?.nodes.find((n) => n.id === 's32')?.parent).toBe('s31');
    const over = await importBpmn(nested(33));
    expect(over.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'BPMN_UNSUPPORTED_ELEMENT', elementId: 's33' }),
    );
    expect(over.definition?.nodes.some((n) => n.id === 's33' || n.id === 'b33')).toBe(false);
    const far = await importBpmn(nested(20_000));
    expect(far.problems).toContainEqual(
      expect.objectContaining({ code: 'BPMN_UNSUPPORTED_ELEMENT', elementId: 's33' }),
    );
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
