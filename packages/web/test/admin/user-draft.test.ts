import { describe, expect, it } from 'vitest';
import { changesOf, draftOf, EMPTY_USER, newUserOf } from '../../src/admin/users/user-draft.ts';
import type { User } from '../../src/api/types.ts';

const ivan: User = {
  id: 'ivan',
  login: 'ivan',
  email: null,
  phone: '+7 900 111-22-33',
  name: 'Ivan Petrov',
  position: 'Sales manager',
  departmentId: 'sales',
  managerId: null,
  headId: 'olga',
  active: true,
  locale: null,
  timeZone: null,
  roles: [
    { role: 'buyer', departmentId: 'sales' },
    { role: 'owner', departmentId: null },
  ],
  groups: ['auditors'],
  hasPassword: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the user form draft', () => {
  it('creates a user with only the fields filled in, text trimmed', () => {
    const body = newUserOf({
      ...EMPTY_USER,
      login: ' pavel ',
      name: ' Pavel Orlov ',
      email: '  ',
      phone: ' +7 (900) 123-45-67 ',
      position: 'Buyer',
      departmentId: 'purchasing',
      roles: [{ role: 'buyer', departmentId: null }],
    });
    expect(body).toEqual({
      login: 'pavel',
      name: 'Pavel Orlov',
      phone: '+7 (900) 123-45-67',
      position: 'Buyer',
      departmentId: 'purchasing',
      roles: [{ role: 'buyer', departmentId: null }],
      groups: [],
    });
  });

  it('sends nothing when nothing changed, roles and groups reordered included', () => {
    const draft = draftOf(ivan);
    expect(
      changesOf(ivan, { ...draft, roles: [...draft.roles].reverse(), groups: [...draft.groups] }),
    ).toEqual({});
  });

  it('sends only the changed fields; an emptied optional field is cleared with null', () => {
    const draft = draftOf(ivan);
    expect(
      changesOf(ivan, {
        ...draft,
        position: '',
        email: 'ivan@example.com',
        roles: [{ role: 'buyer', departmentId: null }],
      }),
    ).toEqual({ position: null, email: 'ivan@example.com', roles: [{ role: 'buyer', departmentId: null }] });
  });

  it('sends a retyped phone trimmed, and clears an emptied one with null', () => {
    const draft = draftOf(ivan);
    expect(draft.phone).toBe('+7 900 111-22-33');
    expect(changesOf(ivan, { ...draft, phone: ' +7 900 111-22-33 ' })).toEqual({});
    expect(changesOf(ivan, { ...draft, phone: '8 (900) 555-00-11' })).toEqual({ phone: '8 (900) 555-00-11' });
    expect(changesOf(ivan, { ...draft, phone: '  ' })).toEqual({ phone: null });
  });
});
