import { emptyState, type InstanceState } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { parsedState, storedJson } from '../../src/instances/parsed-states.ts';

/** A state as wide as those worth keeping (a project with dozens of open tasks holds 5–12 KB). */
const stateWith = (seq: number): InstanceState => ({
  ...emptyState(),
  status: 'running',
  seq,
  variables: { notes: 'n'.repeat(3000) },
});
const smallState = (seq: number): InstanceState => ({ ...emptyState(), status: 'running', seq });
/** The same text as another string object, as a row read from the database gives it. */
const copyOf = (text: string) => [...text].join('');

describe('parsed instance states', () => {
  it('write the JSON of the state, whether the instance was wide or small before', () => {
    const wide = stateWith(2);
    const small = smallState(2);

    expect(storedJson('i-json-1', null, wide)).toBe(JSON.stringify(wide));
    expect(storedJson('i-json-2', JSON.stringify(stateWith(1)), wide)).toBe(JSON.stringify(wide));
    expect(storedJson('i-json-3', JSON.stringify(stateWith(1)), small)).toBe(JSON.stringify(small));
  });

  it('hand back the state this process wrote while the row holds its JSON', () => {
    const state = stateWith(3);
    const json = storedJson('i-kept', JSON.stringify(stateWith(2)), state);

    expect(parsedState('i-kept', copyOf(json))).toBe(state);
  });

  it('remember a wide state from the start of its instance', () => {
    const state = stateWith(1);
    const json = storedJson('i-started', null, state);

    expect(parsedState('i-started', copyOf(json))).toBe(state);
  });

  it('parse a row that holds other JSON: a write rolled back, or another process stepped since', () => {
    const mine = stateWith(4);
    storedJson('i-replaced', null, mine);
    const stored = JSON.stringify(stateWith(5));

    const read = parsedState('i-replaced', stored);
    expect(read).not.toBe(mine);
    expect(read).toEqual(stateWith(5));
  });

  it('parse a small state every time: it is not kept', () => {
    const small = smallState(2);
    const json = storedJson('i-small', null, small);

    const read = parsedState('i-small', json);
    expect(read).not.toBe(small);
    expect(read).toEqual(small);
  });

  it('keep the 256 instances stepped last', () => {
    const states = Array.from({ length: 257 }, (_, i) => stateWith(i));
    states.forEach((s, i) => {
      storedJson(`i-${i}`, null, s);
    });

    expect(parsedState('i-0', JSON.stringify(states[0]))).not.toBe(states[0]);
    expect(parsedState('i-1', JSON.stringify(states[1]))).toBe(states[1]);
    expect(parsedState('i-256', JSON.stringify(states[256]))).toBe(states[256]);
  });
});
