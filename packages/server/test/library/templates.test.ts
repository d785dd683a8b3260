import { compile, type HistoryEvent, simulate } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { LIBRARY, rolesOf } from '../../src/library/catalogue.ts';
import { LIBRARY_ROLES } from '../../src/library/roles.ts';
import { LANGUAGES, type LibraryTemplate, localize } from '../../src/library/texts.ts';
import { RUNS } from './runs.ts';

const compiled = (template: LibraryTemplate, language: (typeof LANGUAGES)[number]) => {
  const out = compile(localize(template, language));
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.compiled;
};

/**
 * Every id the words of a template name: nodes (parallel gateways go without), user tasks, fields
 * (parameters, variables, constants, task fields), options, and the flows leaving decisions.
 */
function namesIn(template: LibraryTemplate) {
  const fields = [
    ...(template.parameters ?? []),
    ...(template.variables ?? []),
    ...(template.constants ?? []),
    ...template.nodes.flatMap((n) => (n.config?.fields as { id: string }[] | undefined) ?? []),
  ];
  return {
    nodes: template.nodes.filter((n) => n.type !== 'start' && n.type !== 'parallel').map((n) => n.id),
    tasks: template.nodes.filter((n) => n.type === 'userTask').map((n) => n.id),
    fields: [...new Set(fields.map((f) => f.id))],
    options: fields.flatMap(
      (f) => (f as { options?: { value: string }[] }).options?.map((o) => o.value) ?? [],
    ),
    flows: (template.flows ?? []).filter((f) => f.condition !== undefined || f.default).map((f) => f.id),
  };
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe.each(LIBRARY.map((t) => [t.key, t] as const))('the library template %s', (key, template) => {
  it.each(LANGUAGES)('compiles in %s without a problem or a warning', (language) => {
    const out = compile(localize(template, language));
    expect(out.ok ? out.warnings : out.problems).toEqual([]);
  });

  it.each(LANGUAGES)(
    'names in %s every node, task, field, option and decision, and nothing else',
    (language) => {
      const texts = template.texts[language];
      const names = namesIn(template);
      expect(sorted(Object.keys(texts.nodes))).toEqual(sorted(names.nodes));
      expect(sorted(Object.keys(texts.tasks))).toEqual(sorted(names.tasks));
      expect(sorted(Object.keys(texts.fields))).toEqual(sorted(names.fields));
      expect(sorted(Object.keys(texts.options))).toEqual(sorted(new Set(names.options)));
      expect(sorted(Object.keys(texts.flows))).toEqual(sorted(names.flows));
    },
  );

  it('installs in Russian and English with only the words differing', () => {
    const [ru, en] = LANGUAGES.map((l) => localize(template, l));
    const structure = (d: typeof ru) =>
      JSON.stringify(d, (k, v) =>
        ['name', 'description', 'title', 'label', 'labels'].includes(k) ? undefined : v,
      );
    expect(structure(ru)).toEqual(structure(en));
    expect(ru?.name).not.toEqual(en?.name);
  });

  it('has a Russian and an English title for every role it gives tasks to', () => {
    for (const role of rolesOf(template)) expect(Object.keys(LIBRARY_ROLES)).toContain(role);
  });

  describe.each(RUNS[key]?.map((run) => [run.name, run] as const) ?? [])('run: %s', (_name, run) => {
    it.each(LANGUAGES)('reaches its end in %s', (language) => {
      const history: HistoryEvent[] = [];
      const { state } = simulate(compiled(template, language), {
        params: run.params,
        document: run.document ?? null,
        starter: 'ivan',
        answers: run.answers,
        onHistory: (h) => history.push(h),
      });
      expect(state.error).toBeNull();
      expect(state.status).toBe('completed');
      expect(history.filter((h) => h.type === 'task.created').map((h) => h.nodeId)).toEqual(run.tasks);
      const ends = history.filter((h) => h.type === 'node.entered' && h.nodeId === run.end);
      expect(ends).toHaveLength(1);
    });
  });
});

it('has a run for every template and a title for every role only the library uses', () => {
  expect(sorted(Object.keys(RUNS))).toEqual(sorted(LIBRARY.map((t) => t.key)));
  expect(sorted(new Set(LIBRARY.flatMap(rolesOf)))).toEqual(sorted(Object.keys(LIBRARY_ROLES)));
});
