import { emptyState, type InstanceState } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { parsedState, rememberState } from '../../src/instances/parsed-states.ts';

/** A state as wide as those worth keeping (a project with dozens of open tasks holds 5–12 KB). */
const stateWith = (seq: number): InstanceState => ({
  ...emptyState(),
  status: 'running',
  seq,
  variables: { notes: 'n'.repeat(3000) },
});
/** The same text as another string object, as a row read from the database gives it. */
const copyOf = (text: string) => [...text].join('');

describe('parsed instance states', () => {
  it('hand back the state this process wrote while the row holds its JSON', () => {
    const state = stateWith(3);
    const json = JSON.stringify(state);
    rememberState('i-kept', json, state);

    expect(parsedState('i-kept', copyOf(json))).toBe(state);
  });

  it('parse a row that holds other JSON: a write rolled back, or another process stepped since', () => {
    const mine = stateWith(4);
    rememberState('i-replaced', JSON.stringify(mine), mine);
    const stored = JSON.stringify(stateWith(5));

    const read = parsedState('i-replaced', stored);
    expect(read).not.toBe(mine);
    expect(read).toEqual(stateWith(5));
  });

  it('parse a small state every time: it is not kept', () => {
    const small: InstanceState = { ...emptyState(), status: 'running', seq: 2 };
    const json = JSON.stringify(small);
    rememberState('i-small', json, small);

    const read = parsedState('i-small', json);
    expect(read).not.toBe(small);
    expect(read).toEqual(small);
  });

  it('keep the 256 instances stepped last', () => {
    const states = Array.from({ length: 257 }, (_, i) => stateWith(i));
    states.forEach((s, i) => {
      rememberState(`i-${i}`, JSON.stringify(s), s);
    });

    expect(parsedState('i-0', JSON.stringify(states[0]))).not.toBe(states[0]);
    expect(parsedState('i-1', JSON.stringify(states[1]))).toBe(states[1]);
    expect(parsedState('i-256', JSON.stringify(states[256]))).toBe(states[256]);
  });
});
