import { describe, expect, it } from 'vitest';
import { camelKey, FIELD_KEY, keyProblem, suggestKey } from '../../src/crm-fields/field-key.ts';

describe('a deal field key suggested from its label', () => {
  it.each([
    ['Дата подписания', 'dataPodpisaniya'],
    ['Signed on', 'signedOn'],
    ['Источник сделки', 'istochnikSdelki'],
    ['Объём, м³', 'obemM'],
    ['ИНН', 'inn'],
    ['Щётка / Ёж', 'shchetkaEzh'],
    ['VAT number', 'vatNumber'],
    ['1C code', '_1cCode'],
  ])('%s → %s', (label, key) => {
    expect(camelKey(label)).toBe(key);
    expect(suggestKey(label, [])).toBe(key);
  });

  it('is "field" for a label without letters or digits', () => {
    expect(suggestKey('—', [])).toBe('field');
  });

  it('is not a key another field has, nor a name a deal has of its own', () => {
    expect(suggestKey('Source', ['source', 'source2'])).toBe('source3');
    expect(suggestKey('Amount', [])).toBe('amount2');
    expect(suggestKey('Title', [])).toBe('title2');
  });

  it('is always one the server takes, however long the label', () => {
    for (const label of ['Очень длинное название поля '.repeat(10), '№ 5', 'x'.repeat(200)]) {
      const key = suggestKey(label, [camelKey(label).slice(0, 60)]);
      expect(key).toMatch(FIELD_KEY);
      expect(keyProblem(key)).toBeNull();
    }
  });
});

describe('a key the server would refuse', () => {
  it.each([
    ['', 'empty'],
    ['1st', 'pattern'],
    ['with space', 'pattern'],
    ['дата', 'pattern'],
    ['a-b', 'pattern'],
    ['x'.repeat(65), 'pattern'],
    ['title', 'builtIn'],
    ['companyId', 'builtIn'],
  ])('%j: %s', (key, problem) => {
    expect(keyProblem(key)).toBe(problem);
  });

  it.each(['source', '_1c', 'signedOn', 'A', 'x'.repeat(64), 'Title'])('%j is none', (key) => {
    expect(keyProblem(key)).toBeNull();
  });
});
