import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  delayFromIso,
  delayToIso,
  describeDelay,
  describeDue,
  describeDuration,
  durationParts,
} from '../../src/crm-robots/delay.ts';

const robots = (language: string) =>
  JSON.parse(
    readFileSync(new URL(`../../src/i18n/locales/${language}/robots.json`, import.meta.url), 'utf8'),
  );

let en: TFunction;
let ru: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { robots: robots('en') }, ru: { robots: robots('ru') } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  en = i18n.getFixedT('en');
  ru = i18n.getFixedT('ru');
});

describe('a robot delay as the form edits it', () => {
  it.each([
    [{ kind: 'now' } as const, null],
    [{ kind: 'after', amount: 3, unit: 'days' } as const, 'P3D'],
    [{ kind: 'after', amount: 4, unit: 'hours' } as const, 'PT4H'],
    [{ kind: 'after', amount: 2, unit: 'weeks' } as const, 'P2W'],
  ])('%j is stored as %s', (delay, iso) => {
    expect(delayToIso(delay)).toBe(iso);
    expect(delayFromIso(iso)).toEqual(delay);
  });

  it('reads whole weeks, days and hours together as hours', () => {
    expect(delayFromIso('P1DT12H')).toEqual({ kind: 'after', amount: 36, unit: 'hours' });
    expect(delayFromIso('p1w1d')).toEqual({ kind: 'after', amount: 192, unit: 'hours' });
  });

  it('leaves what it cannot show as a number and a unit to be kept as stored', () => {
    for (const iso of ['P1M', 'PT30M', 'P1Y', 'PT1.5H', 'soon']) expect(delayFromIso(iso)).toBeNull();
  });
});

describe('the parts of an ISO 8601 duration', () => {
  it('are the non-zero ones, largest first', () => {
    expect(durationParts('P1Y2M3W4DT5H6M7S')).toEqual([
      { unit: 'years', count: 1 },
      { unit: 'months', count: 2 },
      { unit: 'weeks', count: 3 },
      { unit: 'days', count: 4 },
      { unit: 'hours', count: 5 },
      { unit: 'minutes', count: 6 },
      { unit: 'seconds', count: 7 },
    ]);
    expect(durationParts('P0D')).toEqual([]);
  });

  it('are none for text that is not a duration', () => {
    for (const text of ['', 'P', 'PT', 'P1DT', '7 days', 'P-1D']) expect(durationParts(text)).toBeNull();
  });
});

describe('when a robot acts, in words', () => {
  it.each([
    [null, 'At once', 'Сразу'],
    ['P0D', 'At once', 'Сразу'],
    ['P7D', 'After 7 days at the stage', 'Через 7 дней на стадии'],
    ['P1D', 'After 1 day at the stage', 'Через 1 день на стадии'],
    ['P3D', 'After 3 days at the stage', 'Через 3 дня на стадии'],
    ['PT4H', 'After 4 hours at the stage', 'Через 4 часа на стадии'],
    ['PT21H', 'After 21 hours at the stage', 'Через 21 час на стадии'],
    ['P1W', 'After 1 week at the stage', 'Через 1 неделю на стадии'],
    ['P2W', 'After 2 weeks at the stage', 'Через 2 недели на стадии'],
    ['P5W', 'After 5 weeks at the stage', 'Через 5 недель на стадии'],
    ['P1DT12H', 'After 1 day 12 hours at the stage', 'Через 1 день 12 часов на стадии'],
    ['PT30M', 'After 30 minutes at the stage', 'Через 30 минут на стадии'],
  ])('%s: %s / %s', (iso, english, russian) => {
    expect(describeDelay(iso, en)).toBe(english);
    expect(describeDelay(iso, ru)).toBe(russian);
  });

  it('shows a stored text that is not a duration as it is', () => {
    expect(describeDuration('soon', en)).toBe('soon');
  });
});

describe('when what an activity robot plans is due, in words', () => {
  it.each([
    [null, 'due at once', 'срок — сразу'],
    ['P1D', 'due in 1 day', 'срок — через 1 день'],
    ['PT2H', 'due in 2 hours', 'срок — через 2 часа'],
    ['P1W', 'due in 1 week', 'срок — через 1 неделю'],
  ])('%s: %s / %s', (iso, english, russian) => {
    expect(describeDue(iso, en)).toBe(english);
    expect(describeDue(iso, ru)).toBe(russian);
  });
});
