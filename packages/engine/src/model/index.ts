export * from './definition.ts';
export * from './fields.ts';
export * from './flow.ts';
export * from './icons.ts';
export * from './kinds.ts';
export * from './nesting.ts';
export * from './node.ts';
