import type { CompiledDefinition } from '../compile/compiled.ts';
import type { FieldType } from '../model/fields.ts';

/** What an unfilled field reads as in expressions: typed CEL needs a value of the declared type. */
const EMPTY: Record<FieldType, unknown> = {
  string: '',
  text: '',
  number: 0,
  money: 0,
  boolean: false,
  date: '',
  datetime: '',
  select: '',
  multiselect: [],
  user: '',
  users: [],
  department: '',
  file: '',
  documentLink: '',
  json: null,
};

const cache = new WeakMap<CompiledDefinition, Record<string, unknown>>();

/**
 * The values every expression of a definition starts from: engine names with neutral values, every
 * declared parameter and variable as empty, and the constants. Built once per compiled definition.
 */
export function baseValues(compiled: CompiledDefinition): Record<string, unknown> {
  let values = cache.get(compiled);
  if (values) return values;
  const def = compiled.definition;
  values = {
    document: {},
    starter: '',
    actor: {},
    loopCounter: 0,
    nrOfInstances: 0,
    nrOfCompletedInstances: 0,
    nrOfActiveInstances: 0,
  };
  for (const f of [...def.parameters, ...def.variables]) values[f.id] = EMPTY[f.type];
  for (const node of def.nodes)
    if (node.multiInstance?.elementVariable) values[node.multiInstance.elementVariable] = null;
  for (const c of def.constants) values[c.id] = c.value;
  cache.set(compiled, values);
  return values;
}
