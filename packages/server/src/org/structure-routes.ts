import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../http/schemas.ts';
import type { Runtime } from '../runtime/context.ts';
import {
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  updateDepartment,
} from './departments.ts';
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './groups.ts';
import { createRole, deleteRole, listRoles, updateRole } from './roles.ts';
import {
  departmentFields,
  departmentSchema,
  describedFields,
  groupSchema,
  idField,
  nameField,
  roleSchema,
} from './schemas.ts';

const idParam = z.object({ id: z.string() });
const nameParam = z.object({ name: z.string() });
const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  z.object(
    Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof T]: z.ZodOptional<T[K]>;
    },
  );
const tags = ['organisation'];

/** Departments (a tree with heads), roles and groups. */
export const structureRoutes: FastifyPluginAsyncZod<{ rt: Runtime }> = async (app, { rt }) => {
  app.get(
    '/departments',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'Every department (build the tree from parentId)',
        response: { 200: z.object({ items: z.array(departmentSchema) }) },
      },
    },
    async () => ({ items: await listDepartments(rt) }),
  );

  app.get(
    '/departments/:id',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'Get a department',
        params: idParam,
        response: { 200: departmentSchema, ...problems(404) },
      },
    },
    async (request) => getDepartment(rt.db.kysely, request.params.id),
  );

  app.post(
    '/departments',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Create a department',
        body: z.object({
          id: idField.optional().describe('Chosen by the client (e.g. sales); default a generated UUID'),
          name: departmentFields.name,
          parentId: departmentFields.parentId.optional(),
          headId: departmentFields.headId.optional(),
        }),
        response: { 201: departmentSchema, ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createDepartment(rt, request.caller, request.body)),
  );

  app.patch(
    '/departments/:id',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Rename, move or set the head of a department (never under itself: 422 DEPARTMENT_CYCLE)',
        params: idParam,
        body: optional(departmentFields),
        response: { 200: departmentSchema, ...problems(400, 403, 404, 409, 422) },
      },
    },
    async (request) => updateDepartment(rt, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/departments/:id',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Remove an empty department (409 DEPARTMENT_NOT_EMPTY otherwise)',
        params: idParam,
        response: { 204: z.null(), ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteDepartment(rt, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/roles',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'Every role, built-in ones included',
        response: { 200: z.object({ items: z.array(roleSchema) }) },
      },
    },
    async () => ({ items: await listRoles(rt) }),
  );

  app.post(
    '/roles',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Create a role (processes refer to it as role:<name>; a BPMN lane by its name)',
        body: z.object({ name: nameField, ...optional(describedFields).shape }),
        response: { 201: roleSchema, ...problems(400, 403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await createRole(rt, request.caller, request.body)),
  );

  app.patch(
    '/roles/:name',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: "Change a role's title or description (the name stays)",
        params: nameParam,
        body: optional(describedFields),
        response: { 200: roleSchema, ...problems(400, 403, 404) },
      },
    },
    async (request) => updateRole(rt, request.caller, request.params.name, request.body),
  );

  app.delete(
    '/roles/:name',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Remove a role and every holding of it (not a built-in one: 409 BUILTIN_ROLE)',
        params: nameParam,
        response: { 204: z.null(), ...problems(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteRole(rt, request.caller, request.params.name);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/groups',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'Every group with its members',
        response: { 200: z.object({ items: z.array(groupSchema) }) },
      },
    },
    async () => ({ items: await listGroups(rt) }),
  );

  app.get(
    '/groups/:name',
    {
      config: { access: 'org:read' },
      schema: {
        tags,
        summary: 'Get a group',
        params: nameParam,
        response: { 200: groupSchema, ...problems(404) },
      },
    },
    async (request) => getGroup(rt.db.kysely, request.params.name),
  );

  const members = z.array(z.string().min(1)).max(10_000).describe('User ids; replaces the members');
  app.post(
    '/groups',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Create a group (processes refer to it as group:<name>)',
        body: z.object({ name: nameField, ...optional(describedFields).shape, members: members.optional() }),
        response: { 201: groupSchema, ...problems(400, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createGroup(rt, request.caller, request.body)),
  );

  app.patch(
    '/groups/:name',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: "Change a group's title, description or members",
        params: nameParam,
        body: z.object({ ...optional(describedFields).shape, members: members.optional() }),
        response: { 200: groupSchema, ...problems(400, 403, 404, 422) },
      },
    },
    async (request) => updateGroup(rt, request.caller, request.params.name, request.body),
  );

  app.delete(
    '/groups/:name',
    {
      config: { access: 'org:admin' },
      schema: {
        tags,
        summary: 'Remove a group',
        params: nameParam,
        response: { 204: z.null(), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      await deleteGroup(rt, request.caller, request.params.name);
      return reply.code(204).send(null);
    },
  );
};
