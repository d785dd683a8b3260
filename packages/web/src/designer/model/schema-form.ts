import { ACTIVITIES, configJsonSchema, type JsonSchema, SERVICE_TYPE } from '@baton/engine';

/**
 * Property forms are rendered from each node type's JSON Schema (`configJsonSchema`, generated from the
 * zod schema the engine validates with): this module turns a schema into field descriptions; the React
 * form only draws them. Which strings are CEL expressions and which are `{{ }}` templates is asked of
 * the activity itself (its `expressions()` on a probe config), so the form and `compile` agree.
 */
export type Widget =
  | 'text'
  | 'template'
  | 'expression'
  | 'duration'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'list'
  | 'expressionList'
  | 'assignees'
  | 'record'
  | 'expressionRecord'
  | 'objectList'
  | 'object'
  | 'documentTemplate'
  | 'documentSteps'
  | 'fileFields'
  | 'listKey'
  | 'listValues'
  | 'variable'
  | 'json';

export interface FieldSpec {
  key: string;
  /** Path inside the config, e.g. ['escalation', 'remindBefore']. */
  path: string[];
  widget: Widget;
  /** The schema's own label (a plugin activity's input or output field's name), over the designer's words. */
  title?: string;
  required: boolean;
  default?: unknown;
  options?: string[];
  minimum?: number;
  maximum?: number;
  /** Sub-fields of an object, or of each item of an object list. */
  fields?: FieldSpec[];
}

/** Keys whose strings are ISO 8601 durations, whatever the type. */
const DURATIONS = new Set(['deadline', 'remindBefore', 'duration', 'checkEvery']);
/** Keys whose expression lists name people (a user, `role:…`, `head:…`): the assignee picker. */
const PEOPLE = new Set(['assignees', 'to', 'cc', 'notify', 'reassignTo']);
/** Expressions in the engine's own kinds (mirrors compile's builtin expressions). */
const BUILTIN_MODES: Record<string, Record<string, Mode>> = {
  timer: { date: 'expression' },
  timerBoundary: { date: 'expression' },
  message: { correlationKey: 'expression' },
  messageBoundary: { correlationKey: 'expression' },
  callActivity: { params: 'expression' },
};

type Mode = 'expression' | 'template';
const PROBE = 'probe';

function probeValue(schema: JsonSchema): unknown {
  const type = schema.type;
  if (type === 'string') return Array.isArray(schema.enum) ? schema.enum[0] : PROBE;
  if (type === 'number') return Number(schema.minimum ?? 1);
  if (type === 'boolean') return false;
  if (type === 'array') {
    const items = (schema.items ?? {}) as JsonSchema;
    return items.type === 'string' ? [PROBE] : [];
  }
  if (type === 'object') {
    const props = schema.properties as Record<string, JsonSchema> | undefined;
    if (props) return Object.fromEntries(Object.entries(props).map(([k, s]) => [k, probeValue(s)]));
    const extra = schema.additionalProperties as JsonSchema | undefined;
    return extra?.type === 'string' ? { [PROBE]: PROBE } : {};
  }
  return undefined;
}

/** Config paths (indexes and record keys dropped) → expression or template, as the activity reports them. */
export function expressionModes(type: string): Map<string, Mode> {
  const modes = new Map<string, Mode>(Object.entries(BUILTIN_MODES[type] ?? {}));
  const plugin = Object.hasOwn(ACTIVITIES, type) ? ACTIVITIES[type] : undefined;
  const schema = configJsonSchema(type);
  if (!plugin || !schema) return modes;
  try {
    for (const e of plugin.expressions(probeValue(schema))) {
      const path = e.path.filter((p) => typeof p === 'string' && p !== PROBE).join('.');
      modes.set(path, e.mode);
    }
  } catch {
    // An activity whose expressions() needs a richer config: its strings are shown as plain text.
  }
  return modes;
}

function describe(
  key: string,
  path: string[],
  schema: JsonSchema,
  required: boolean,
  modes: Map<string, Mode>,
): FieldSpec {
  const base = {
    key,
    path,
    required,
    ...(typeof schema.title === 'string' ? { title: schema.title } : {}),
    ...(schema.default === undefined ? {} : { default: schema.default }),
  };
  const mode = modes.get(path.join('.'));
  const type = schema.type;
  if (type === 'string') {
    if (Array.isArray(schema.enum)) return { ...base, widget: 'enum', options: schema.enum.map(String) };
    if (DURATIONS.has(key)) return { ...base, widget: 'duration' };
    return { ...base, widget: mode ?? 'text' };
  }
  if (type === 'number' || type === 'integer')
    return {
      ...base,
      widget: 'number',
      ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}),
      ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}),
    };
  if (type === 'boolean') return { ...base, widget: 'boolean' };
  if (type === 'array') {
    const items = (schema.items ?? {}) as JsonSchema;
    if (items.type === 'string')
      return {
        ...base,
        widget: mode === 'expression' ? (PEOPLE.has(key) ? 'assignees' : 'expressionList') : 'list',
      };
    if (items.type === 'object' && items.properties)
      return { ...base, widget: 'objectList', fields: objectFields(items, [], modes) };
    return { ...base, widget: 'json' };
  }
  if (type === 'object') {
    if (schema.properties) return { ...base, widget: 'object', fields: objectFields(schema, path, modes) };
    const extra = schema.additionalProperties as JsonSchema | undefined;
    if (extra?.type === 'string')
      return { ...base, widget: mode === 'expression' ? 'expressionRecord' : 'record' };
  }
  return { ...base, widget: 'json' };
}

function objectFields(schema: JsonSchema, path: string[], modes: Map<string, Mode>): FieldSpec[] {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([key, s]) => describe(key, [...path, key], s, required.has(key), modes));
}

/** Top-level fields naming something the server keeps: picked from its list, not typed blind. */
const PICKED: Record<string, Record<string, Widget>> = {
  createDocument: { template: 'documentTemplate' },
  email: { attachments: 'documentSteps', files: 'fileFields' },
  addListRecord: { list: 'listKey', values: 'listValues' },
};

/** A plugin activity's `output` names the variable each answer goes into: picked from the template's. */
function withVariables(type: string, spec: FieldSpec[]): FieldSpec[] {
  if (!SERVICE_TYPE.test(type)) return spec;
  return spec.map((f) =>
    f.key === 'output' ? { ...f, fields: f.fields?.map((o) => ({ ...o, widget: 'variable' as const })) } : f,
  );
}

/** Per type, with the activity it was made from: a plugin's activity registered again gets a fresh form. */
const cache = new Map<string, { activity: unknown; spec: FieldSpec[] | null }>();

/** The form of a node type's config, or null for a type without one (unknown types). Cached per type. */
export function formSpec(type: string): FieldSpec[] | null {
  const activity = Object.hasOwn(ACTIVITIES, type) ? ACTIVITIES[type] : undefined;
  const cached = cache.get(type);
  if (cached && cached.activity === activity) return cached.spec;
  const schema = configJsonSchema(type);
  const picked = PICKED[type] ?? {};
  const spec = schema
    ? withVariables(
        type,
        objectFields(schema, [], expressionModes(type)).map((f) => ({
          ...f,
          widget: picked[f.key] ?? f.widget,
        })),
      )
    : null;
  cache.set(type, { activity, spec });
  return spec;
}

/** Reads a value at a config path. */
export function getAt(config: Record<string, unknown> | undefined, path: readonly string[]): unknown {
  let v: unknown = config;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * A config with the value at `path` replaced; `undefined` removes the key, and an object left empty by
 * that is removed too, so clearing a field never leaves `{ escalation: {} }` behind.
 */
export function setAt(
  config: Record<string, unknown> | undefined,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  const out = { ...(config ?? {}) };
  if (head === undefined) return out;
  const next =
    rest.length === 0 ? value : setAt(out[head] as Record<string, unknown> | undefined, rest, value);
  const empty = rest.length > 0 && next !== undefined && Object.keys(next as object).length === 0;
  if (next === undefined || empty) delete out[head];
  else out[head] = next;
  return out;
}

type Config = Record<string, unknown>;

/**
 * Fields that only matter given other values (presentation, not validation: `compile` still checks
 * everything). A field not listed is always shown.
 */
const RELEVANT: Record<string, Record<string, (c: Config) => boolean>> = {
  userTask: {
    percent: (c) => c.mode === 'percent',
    workingTime: (c) => c.deadline !== undefined,
    escalation: (c) => c.deadline !== undefined || c.escalation !== undefined,
    resultVariable: (c) =>
      (c.kind ?? 'form') === 'approve' || (c.kind === 'requestInfo' && c.allowReject === true),
    requireCommentOnReject: (c) => c.kind === 'approve',
    allowReject: (c) => c.kind === 'requestInfo',
  },
  wait: {
    checkEvery: (c) => c.condition !== undefined,
    workingTime: (c) => c.duration !== undefined,
  },
};

/** Whether a top-level field is worth showing for this config. */
export function isRelevant(type: string, key: string, config: Config | undefined): boolean {
  const rule = RELEVANT[type]?.[key];
  return rule ? rule(config ?? {}) : true;
}

/** Fields shown under "More" (rarely changed): the form stays short for the common case. */
const ADVANCED: Record<string, ReadonlySet<string>> = {
  userTask: new Set(['outcomes', 'fields', 'resultVariable', 'delegation', 'description']),
  webhook: new Set(['headers']),
  email: new Set(['cc']),
};

export const isAdvanced = (type: string, key: string) => ADVANCED[type]?.has(key) ?? false;
