/**
 * Renders the server's OpenAPI 3.1 description as TypeScript: one named type per component schema and
 * an `Operations` map keyed by `"METHOD /path"` with each operation's path parameters, query, body and
 * successful answer. Handles the JSON Schema subset zod emits (objects, arrays, unions, enums, consts,
 * nullable type lists, $refs); anything else becomes `unknown`, never a guess.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  description?: string;
}

interface Parameter {
  in: 'query' | 'path' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
  description?: string;
}

interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<string, Operation>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
const literal = (value: unknown) =>
  typeof value === 'string' ? `'${value.replace(/['\\]/g, '\\$&')}'` : JSON.stringify(value);
const union = (parts: string[]) => {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
};
const refName = (ref: string) => {
  const name = ref.replace(/^#\/components\/schemas\//, '');
  if (!IDENTIFIER.test(name)) throw new Error(`unsupported $ref ${ref}`);
  return name;
};

/** The TypeScript type of one schema, indented for nesting at `depth`. */
export function typeOf(schema: JsonSchema | boolean | undefined, depth = 0): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum) return union(schema.enum.map(literal));
  if (schema.anyOf) return union(schema.anyOf.map((s) => wrap(typeOf(s, depth))));
  if (schema.oneOf) return union(schema.oneOf.map((s) => wrap(typeOf(s, depth))));
  if (schema.allOf) return schema.allOf.map((s) => wrap(typeOf(s, depth))).join(' & ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return schema.properties ? objectType(schema, depth) : 'unknown';
  return union(types.map((t) => primitive(t, schema, depth)));
}

const wrap = (type: string) => (type.includes(' | ') || type.includes(' & ') ? `(${type})` : type);

function primitive(type: string, schema: JsonSchema, depth: number): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      if (schema.prefixItems) return `[${schema.prefixItems.map((s) => typeOf(s, depth)).join(', ')}]`;
      return `${wrap(typeOf(schema.items, depth))}[]`;
    case 'object':
      return objectType(schema, depth);
    default:
      return 'unknown';
  }
}

function objectType(schema: JsonSchema, depth: number): string {
  const properties = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  const rest = extra === undefined || extra === false ? null : typeOf(extra, depth + 1);
  if (properties.length === 0) return rest === null ? 'Record<string, never>' : `Record<string, ${rest}>`;
  const required = new Set(schema.required ?? []);
  const pad = '  '.repeat(depth + 1);
  const lines = properties.map(([name, property]) => {
    const doc = property.description ? `${pad}/** ${property.description.replace(/\*\//g, '* /')} */\n` : '';
    return `${doc}${pad}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(property, depth + 1)};`;
  });
  if (rest !== null)
    lines.push(`${pad}[key: string]: ${rest === 'unknown' ? 'unknown' : `${rest} | undefined`};`);
  return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
}

function parametersType(parameters: Parameter[], where: 'query' | 'path', depth: number): string {
  const list = parameters.filter((p) => p.in === where);
  if (list.length === 0) return 'never';
  return objectType(
    {
      properties: Object.fromEntries(
        list.map((p) => [p.name, { ...p.schema, ...(p.description ? { description: p.description } : {}) }]),
      ),
      required: list.filter((p) => p.required).map((p) => p.name),
    },
    depth,
  );
}

function bodyType(operation: Operation, depth: number): string {
  const content = operation.requestBody?.content;
  if (!content) return 'never';
  const json = content['application/json'];
  if (json) return typeOf(json.schema, depth);
  return Object.keys(content).some((type) => type.includes('xml') || type.startsWith('text/'))
    ? 'string'
    : 'unknown';
}

function responseType(operation: Operation, depth: number): string {
  const ok = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  return union(
    ok.map(([, response]) => {
      const json = response.content?.['application/json'];
      if (json) return typeOf(json.schema, depth);
      return response.content ? 'string' : 'null';
    }),
  );
}

/** The whole generated module. */
export function renderApiTypes(doc: OpenApiDocument): string {
  const out = [
    "// Generated by packages/web/scripts/api-types.ts from the server's OpenAPI description: do not edit.",
    '// `npm run api-types -w @baton/web` regenerates it; packages/web/test/api-types.test.ts fails when stale.',
    '',
  ];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    out.push(`export type ${name} = ${typeOf(schema)};`, '');
  }
  out.push('export interface Operations {');
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      if (operation.summary) out.push(`  /** ${operation.summary.replace(/\*\//g, '* /')} */`);
      out.push(
        `  ${literal(`${method.toUpperCase()} ${path}`)}: {`,
        `    path: ${parametersType(parameters, 'path', 2)};`,
        `    query: ${parametersType(parameters, 'query', 2)};`,
        `    body: ${bodyType(operation, 2)};`,
        `    response: ${responseType(operation, 2)};`,
        '  };',
      );
    }
  }
  out.push('}', '');
  return out.join('\n');
}
