import { describe, expect, it } from 'vitest';
import { FIELD_ENTITIES, fieldEntityOf, STAGED } from '../../src/crm-fields/field-entity.ts';

describe('the kind of items the field settings show', () => {
  it('is the one the address names', () => {
    expect(FIELD_ENTITIES.map(fieldEntityOf)).toEqual(['deal', 'lead', 'contact', 'company']);
  });
  it('is deals when the address names none, or one we do not know', () => {
    expect(fieldEntityOf(null)).toBe('deal');
    expect(fieldEntityOf('leads')).toBe('deal');
  });
});

describe('fields required at stages', () => {
  it('are for deals and leads, which move along pipelines; contacts and companies have no stages', () => {
    expect(FIELD_ENTITIES.filter((entity) => STAGED[entity])).toEqual(['deal', 'lead']);
  });
});
