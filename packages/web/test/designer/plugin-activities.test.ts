import { compile } from '@baton/engine';
import { IconBox, IconPuzzle } from '@tabler/icons-react';
import { describe, expect, it } from 'vitest';
import { registerServiceActivities } from '../../src/api/activities.ts';
import { addAfterCommand } from '../../src/designer/model/add.ts';
import { toDoc } from '../../src/designer/model/doc.ts';
import { paletteItems } from '../../src/designer/model/palette.ts';
import { formSpec } from '../../src/designer/model/schema-form.ts';
import { type Translate, typeNames } from '../../src/designer/model/type-names.ts';
import { iconOf } from '../../src/designer/ui/icons.ts';
import { createInvoice, invoiceProcess, ping } from './plugin-fixtures.ts';

const registered = registerServiceActivities([createInvoice, ping, { type: 'no-dot', name: { en: 'x' } }]);
/** The designer's words for Baton's own types, as i18next would answer them. */
const t: Translate = (key, { defaultValue }) => (key === 'types.email' ? 'E-mail' : defaultValue);

describe("the plugins' activities in the designer", () => {
  it('registers what the server lists, leaving out what this build cannot read', () => {
    expect(registered.map((d) => d.type)).toEqual(['acme.createInvoice', 'acme.ping']);
    expect(registered[1]?.category).toBe('data');
  });

  it("puts each in its category's palette group, with the extension icon", () => {
    const items = paletteItems();
    expect(items.find((i) => i.type === 'acme.createInvoice')?.group).toBe('crm');
    expect(items.find((i) => i.type === 'acme.ping')?.group).toBe('flow');
    expect(iconOf('acme.createInvoice')).toBe(IconPuzzle);
    expect(iconOf('nonsense')).toBe(IconBox);
  });

  it('names it in the interface language, Russian when the plugin gives it, its description as the hint', () => {
    const ru = typeNames(t, registered, 'ru');
    const en = typeNames(t, registered, 'en');
    expect([ru.name('acme.createInvoice'), en.name('acme.createInvoice')]).toEqual([
      'Создать счёт',
      'Create an invoice',
    ]);
    expect(ru.name('acme.ping')).toBe('Ping');
    expect(ru.hint('acme.createInvoice')).toBe('Создаёт счёт в ERP');
    expect(ru.hint('acme.ping')).toBe('Ping');
    expect([ru.name('email'), ru.hint('email')]).toEqual(['E-mail', 'E-mail']);
  });

  it('gives one expression per input (named, required marked) and a variable picker per output', () => {
    const spec = formSpec('acme.createInvoice') ?? [];
    const rows = (key: string) =>
      spec.find((f) => f.key === key)?.fields?.map((f) => [f.path.join('.'), f.widget, f.title, f.required]);
    expect(spec.map((f) => [f.key, f.widget, f.default])).toEqual([
      ['input', 'object', {}],
      ['output', 'object', {}],
    ]);
    expect(rows('input')).toEqual([
      ['input.amount', 'expression', 'Amount', true],
      ['input.client', 'expression', 'client', false],
    ]);
    expect(rows('output')).toEqual([['output.number', 'variable', 'Invoice number', false]]);
  });

  it('compiles a template that uses it', () => {
    const out = compile(invoiceProcess());
    expect(out.ok ? out.warnings : out.problems).toEqual([]);
  });

  it('adds a new one named by its type, its input present so compile asks for the required ones', () => {
    const doc = toDoc({
      key: 'k',
      name: 'K',
      nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 } }],
    });
    const cmd = addAfterCommand(doc, 'acme.createInvoice', 'start');
    const added = cmd?.do === 'addNodes' ? cmd.nodes[0] : undefined;
    expect(added).toMatchObject({ id: 'createInvoice1', type: 'acme.createInvoice', config: { input: {} } });
    const def = invoiceProcess();
    def.nodes[1] = { id: 'erp', type: 'acme.createInvoice', config: added?.config ?? {} };
    const out = compile(def);
    expect(out.ok ? [] : out.problems.filter((p) => p.nodeId === 'erp').map((p) => p.path)).toEqual([
      'nodes[1].config.input.amount',
    ]);
  });

  it('gives a plugin activity registered again its new form', () => {
    const before = formSpec('acme.ping');
    registerServiceActivities([{ ...ping, inputs: [{ id: 'host', type: 'string' }] }]);
    const after = formSpec('acme.ping');
    expect(before?.find((f) => f.key === 'input')?.fields).toEqual([]);
    expect(after?.find((f) => f.key === 'input')?.fields?.map((f) => f.key)).toEqual(['host']);
  });
});
