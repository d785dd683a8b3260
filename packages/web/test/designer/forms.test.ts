import { describe, expect, it } from 'vitest';
import { complete, documentFields, namesOf, wordAt } from '../../src/designer/model/names.ts';
import { PALETTE_GROUPS, paletteItems } from '../../src/designer/model/palette.ts';
import {
  conditionProblems,
  fieldProblems,
  marksOf,
  nodeProblems,
  targetOf,
} from '../../src/designer/model/problems.ts';
import { formSpec, getAt, setAt } from '../../src/designer/model/schema-form.ts';
import { search } from '../../src/designer/model/search.ts';
import { vacation } from './fixtures.ts';

describe('property forms from the JSON Schema', () => {
  it('a user task: enums, templates, the assignee picker, durations, an escalation object', () => {
    const spec = formSpec('userTask') ?? [];
    const widgets = Object.fromEntries(spec.map((f) => [f.key, f.widget]));
    expect(widgets).toMatchObject({
      kind: 'enum',
      title: 'template',
      assignees: 'assignees',
      mode: 'enum',
      percent: 'number',
      deadline: 'duration',
      workingTime: 'boolean',
      escalation: 'object',
      outcomes: 'objectList',
      fields: 'objectList',
    });
    expect(spec.find((f) => f.key === 'kind')).toMatchObject({
      default: 'form',
      options: ['approve', 'review', 'requestInfo', 'acknowledge', 'form'],
    });
    const escalation = spec.find((f) => f.key === 'escalation')?.fields ?? [];
    expect(escalation.map((f) => `${f.path.join('.')}:${f.widget}`)).toEqual([
      'escalation.remindBefore:duration',
      'escalation.notifyHeads:boolean',
      'escalation.notify:assignees',
      'escalation.reassignTo:assignees',
      'escalation.closeAtDeadline:boolean',
      'escalation.text:template',
    ]);
  });

  it('expressions and templates as the activity declares them', () => {
    const widgets = (type: string) =>
      Object.fromEntries((formSpec(type) ?? []).map((f) => [f.key, f.widget]));
    expect(widgets('notify')).toEqual({ to: 'assignees', text: 'template' });
    expect(widgets('setVariables')).toEqual({ values: 'expressionRecord' });
    expect(widgets('webhook')).toEqual({
      url: 'template',
      method: 'enum',
      headers: 'record',
      body: 'expressionRecord',
    });
    expect(widgets('checkFields')).toEqual({ fields: 'list', errorCode: 'text' });
    expect(widgets('timer')).toEqual({
      duration: 'duration',
      date: 'expression',
      cycle: 'text',
      workingTime: 'boolean',
    });
    expect(widgets('wait')).toMatchObject({
      until: 'expression',
      condition: 'expression',
      checkEvery: 'duration',
    });
    expect(formSpec('exclusive')).toEqual([]);
    expect(formSpec('nonsense')).toBeNull();
  });

  it("a document template's key picked from the server's templates, the rest as the activity declares", () => {
    const widgets = Object.fromEntries((formSpec('createDocument') ?? []).map((f) => [f.key, f.widget]));
    expect(widgets).toEqual({
      template: 'documentTemplate',
      fileName: 'template',
      format: 'enum',
      data: 'expressionRecord',
    });
  });

  it("a list record's list picked from the server's lists, its values keyed by the list's fields", () => {
    const widgets = Object.fromEntries((formSpec('addListRecord') ?? []).map((f) => [f.key, f.widget]));
    expect(widgets).toEqual({ list: 'listKey', title: 'template', values: 'listValues' });
  });

  it("an e-mail's attachments picked from the template's Create document steps and its file fields", () => {
    const widgets = Object.fromEntries((formSpec('email') ?? []).map((f) => [f.key, f.widget]));
    expect(widgets).toMatchObject({ to: 'assignees', attachments: 'documentSteps', files: 'fileFields' });
  });

  it('required fields are marked', () => {
    expect((formSpec('email') ?? []).filter((f) => f.required).map((f) => f.key)).toEqual([
      'to',
      'subject',
      'body',
    ]);
  });

  it('setAt writes nested values and removes emptied ones; getAt reads them', () => {
    const c = setAt({ kind: 'approve' }, ['escalation', 'remindBefore'], 'PT2H');
    expect(c).toEqual({ kind: 'approve', escalation: { remindBefore: 'PT2H' } });
    expect(getAt(c, ['escalation', 'remindBefore'])).toBe('PT2H');
    expect(setAt(c, ['escalation', 'remindBefore'], undefined)).toEqual({ kind: 'approve' });
    expect(setAt(c, ['kind'], undefined)).toEqual({ escalation: { remindBefore: 'PT2H' } });
  });
});

describe('the palette', () => {
  it('groups every activity and the flow elements', () => {
    const items = paletteItems();
    expect([...new Set(items.map((i) => i.group))]).toEqual([...PALETTE_GROUPS]);
    const of = (g: string) => items.filter((i) => i.group === g).map((i) => i.type);
    expect(of('people')).toEqual(['userTask']);
    expect(of('messages')).toEqual(['notify', 'email', 'sms', 'publishFeed']);
    expect(of('documents')).toEqual(['createDocument']);
    expect(of('crm')).toEqual(['setFields', 'checkFields']);
    expect(of('flow')).toEqual(
      expect.arrayContaining(['start', 'end', 'exclusive', 'parallel', 'timer', 'setVariables', 'wait']),
    );
  });
});

describe('names for autocomplete', () => {
  it('declared names, engine names and the document fields the template uses', () => {
    const doc = vacation();
    doc.nodes.push({ id: 'sf', type: 'setFields', config: { fields: { stage: '"won"' } } });
    doc.flows[2] = {
      ...doc.flows[2],
      id: 'f3',
      source: 'decision',
      target: 'split',
      condition: 'approved && document.amount > 5',
    };
    expect(documentFields(doc)).toEqual(['document.amount', 'document.stage']);
    expect(namesOf(doc).map((n) => `${n.source}:${n.name}`)).toEqual([
      'parameter:days',
      'variable:approved',
      'engine:starter',
      'engine:document',
      'document:document.amount',
      'document:document.stage',
    ]);
  });

  it('completes the word at the caret', () => {
    const names = namesOf(vacation());
    expect(wordAt('days > 1 && appr', 16)).toEqual({ start: 12, word: 'appr' });
    expect(wordAt('document.am', 11)).toEqual({ start: 0, word: 'document.am' });
    expect(complete(names, 'appr').map((n) => n.name)).toEqual(['approved']);
    expect(complete(names, 'a').map((n) => n.name)).toEqual(['approved', 'days', 'starter']);
  });
});

describe('problems', () => {
  const doc = vacation();
  const problems = [
    {
      severity: 'error' as const,
      code: 'EXPRESSION_UNKNOWN_NAME' as const,
      message: 'x',
      nodeId: 'approve',
      path: 'nodes[1].config.assignees[0]',
    },
    {
      severity: 'warning' as const,
      code: 'GATEWAY_NO_DEFAULT' as const,
      message: 'y',
      nodeId: 'decision',
      path: 'nodes[3]',
    },
    {
      severity: 'error' as const,
      code: 'EXPRESSION_SYNTAX' as const,
      message: 'z',
      flowId: 'f3',
      path: 'flows[2].condition',
    },
    { severity: 'error' as const, code: 'SCHEMA' as const, message: 'w', path: 'nodes[5].config' },
    { severity: 'error' as const, code: 'SCHEMA' as const, message: 'v', path: 'parameters[0].id' },
  ];

  it('point at their element: node, flow, a node found by its path, else the settings', () => {
    expect(problems.map((p) => targetOf(p, doc))).toEqual([
      { kind: 'node', id: 'approve' },
      { kind: 'node', id: 'decision' },
      { kind: 'flow', id: 'f3' },
      { kind: 'node', id: 'accounting' },
      { kind: 'settings' },
    ]);
    expect(Object.fromEntries(marksOf(problems, doc))).toEqual({
      approve: 'error',
      decision: 'warning',
      f3: 'error',
      accounting: 'error',
    });
  });

  it('are shown at their field, condition or node', () => {
    expect(fieldProblems(problems, doc, 'approve', ['assignees']).map((p) => p.message)).toEqual(['x']);
    expect(fieldProblems(problems, doc, 'approve', ['assign'])).toEqual([]);
    expect(conditionProblems(problems, 'f3').map((p) => p.message)).toEqual(['z']);
    expect(nodeProblems(problems, 'decision').map((p) => p.message)).toEqual(['y']);
    expect(nodeProblems(problems, 'approve')).toEqual([]);
  });
});

describe('search', () => {
  it('finds nodes by name, id or type, every word', () => {
    expect(search(vacation().nodes, 'head appr').map((n) => n.id)).toEqual(['approve']);
    expect(search(vacation().nodes, 'parallel').map((n) => n.id)).toEqual(['split', 'join']);
    expect(search(vacation().nodes, ' ')).toEqual([]);
  });
});
