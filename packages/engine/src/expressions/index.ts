/**
 * The expression layer: CEL conditions and `{{ }}` templates over declared names, the business
 * functions they may call, ISO durations and the working-time calendar.
 */
export {
  type ConfiguredWorkCalendar,
  calendarOfDays,
  createWorkCalendar,
  type SpecialDay,
  type WorkCalendarOptions,
} from './calendar.ts';
export { addDuration, durationToMs, parseDuration, parseWait } from './duration.ts';
export { createExpressionEnvironment } from './environment.ts';
export { BUSINESS_FUNCTIONS, type BusinessFunction } from './functions.ts';
export * from './types.ts';
