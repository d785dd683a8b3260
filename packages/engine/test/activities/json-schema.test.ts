import { describe, expect, it } from 'vitest';
import { ACTIVITIES } from '../../src/activities/registry.ts';
import { configJsonSchema } from '../../src/index.ts';
import { BUILTIN_KINDS } from '../../src/model/kinds.ts';

describe('config JSON Schemas', () => {
  it('exist for every activity and built-in node kind', () => {
    for (const type of [...Object.keys(ACTIVITIES), ...BUILTIN_KINDS]) {
      expect(configJsonSchema(type), type).toMatchObject({ type: expect.any(String) });
    }
  });

  it('carry the fields, required names and defaults of the zod schema', () => {
    const email = configJsonSchema('email');
    expect(email).toMatchObject({
      type: 'object',
      required: ['to', 'subject', 'body'],
      additionalProperties: false,
      properties: { cc: { type: 'array', default: [] }, to: { type: 'array', minItems: 1 } },
    });
    const userTask = configJsonSchema('userTask') as { properties: Record<string, { enum?: string[] }> };
    expect(userTask.properties.mode?.enum).toEqual(['any', 'all', 'percent', 'sequential']);
    expect(userTask.properties.kind?.enum).toEqual([
      'approve',
      'review',
      'requestInfo',
      'acknowledge',
      'form',
    ]);
  });

  it('are null for an unknown type, including names on Object.prototype', () => {
    expect(configJsonSchema('teleport')).toBeNull();
    expect(configJsonSchema('toString')).toBeNull();
  });
});
