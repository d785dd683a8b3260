export { type AppOptions, buildApp } from './app.ts';
export {
  type BatonPlugin,
  definePlugin,
  type ServiceActivityDefinition,
  type ServiceContext,
} from './plugins/plugin.ts';
export { type Baton, type BootOptions, boot } from './runtime/boot.ts';
