export { type AppOptions, buildApp } from './app.ts';
export { type Baton, type BootOptions, boot } from './runtime/boot.ts';
