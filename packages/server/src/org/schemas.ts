import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { isoTime } from '../http/schemas.ts';
import { ID_PATTERN, LOGIN_PATTERN, NAME_PATTERN, PHONE_PATTERN } from './checks.ts';

export const idField = z.string().regex(ID_PATTERN, 'letters, digits, ".", "_", "-" (1–64)');
export const nameField = z.string().regex(NAME_PATTERN, 'up to 100 characters, none of : , ; @ |');
export const loginField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(LOGIN_PATTERN, 'letters, digits and ._@+- only, starting with a letter or digit');
export const passwordField = z.string().min(MIN_PASSWORD_LENGTH).max(1000);
const text = (max: number) => z.string().trim().min(1).max(max);

export const roleHolding = z.object({
  role: z.string().min(1).describe('A role name'),
  departmentId: z
    .string()
    .nullable()
    .optional()
    .describe('Held in this department only; absent: company-wide'),
});

export const userSchema = z
  .object({
    id: z.string(),
    login: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable().describe("A mobile number, where a process's SMS goes"),
    name: z.string(),
    position: z.string().nullable(),
    departmentId: z.string().nullable(),
    managerId: z.string().nullable().describe("Overrides the department's head"),
    headId: z
      .string()
      .nullable()
      .describe('The head as it stands: the manager, else the department head walking up'),
    active: z.boolean(),
    locale: z.string().nullable(),
    timeZone: z.string().nullable(),
    roles: z.array(z.object({ role: z.string(), departmentId: z.string().nullable() })),
    groups: z.array(z.string()),
    hasPassword: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'User' });

/** Fields of a user that can change; `null` clears an optional one. */
export const userFields = {
  login: loginField,
  name: text(200),
  email: z.email().nullable(),
  phone: z.string().trim().regex(PHONE_PATTERN, 'a phone number such as +7 900 123-45-67').nullable(),
  position: text(200).nullable(),
  departmentId: z.string().min(1).nullable(),
  managerId: z.string().min(1).nullable(),
  active: z.boolean(),
  locale: z.string().min(2).max(35).nullable().describe('BCP 47, e.g. ru-RU'),
  timeZone: z.string().min(1).max(64).nullable().describe('IANA, e.g. Europe/Moscow'),
  roles: z.array(roleHolding).max(200).describe('Replaces every role held'),
  groups: z.array(z.string().min(1)).max(200).describe('Replaces every group membership (names)'),
};

export const newUserBody = z.object({
  id: idField.optional().describe('Chosen by the client; default a generated UUID'),
  login: userFields.login,
  name: userFields.name,
  password: passwordField
    .optional()
    .describe(`At least ${MIN_PASSWORD_LENGTH} characters; absent: cannot sign in yet`),
  email: userFields.email.optional(),
  phone: userFields.phone.optional(),
  position: userFields.position.optional(),
  departmentId: userFields.departmentId.optional(),
  managerId: userFields.managerId.optional(),
  active: userFields.active.optional(),
  locale: userFields.locale.optional(),
  timeZone: userFields.timeZone.optional(),
  roles: userFields.roles.optional(),
  groups: userFields.groups.optional(),
});

export const userChangesBody = z.object(
  Object.fromEntries(Object.entries(userFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof userFields]: z.ZodOptional<(typeof userFields)[K]>;
  },
);

export const departmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    parentId: z.string().nullable(),
    headId: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'Department' });

export const departmentFields = {
  name: text(200),
  parentId: z.string().min(1).nullable().describe('The department above; null: a top-level department'),
  headId: z.string().min(1).nullable().describe('The user who heads it'),
};

export const roleSchema = z
  .object({ name: z.string(), title: z.string(), description: z.string().nullable(), builtin: z.boolean() })
  .meta({ id: 'Role' });

export const groupSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    members: z.array(z.string()),
  })
  .meta({ id: 'Group' });

export const describedFields = {
  title: text(200),
  description: z.string().max(2000).nullable(),
};
