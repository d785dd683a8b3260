import { type InstanceState, stateJson } from '@baton/engine';

/** Instances remembered; a wide one (a 1,800-task project mid-stage) holds ~20 KB of JSON. */
const LIMIT = 256;

/**
 * A smaller state is parsed again instead: that takes microseconds, while keeping it costs the garbage
 * collector more whenever it is not stepped again soon — hundreds of small instances taking turns (a
 * thousand approvals over HTTP) never hit, and their kept states made every young-generation
 * collection copy and promote megabytes, doubling its pause.
 */
const MIN_JSON_LENGTH = 2048;

interface Written {
  json: string;
  state: InstanceState;
}

/** By instance id, least recently written first (a step that reads one writes it again). */
const written = new Map<string, Written>();

/**
 * The state stored as `json` in an instance row, parsed. A state this process wrote last is handed back
 * as it was (no parse) when the row still holds that very JSON: a step reads the row anyway, and
 * parsing a wide instance's state (10–20 KB with 30 open tasks) was a fifth of a task completion.
 * Sharing the object is safe because `step` never changes its input state and a state is what JSON
 * gives back (both checked on every step of the engine's tests). A state that was rolled back or
 * replaced since — by this process or another — no longer matches the row, and is parsed afresh.
 */
export function parsedState(instanceId: string, json: string): InstanceState {
  const kept = written.get(instanceId);
  return kept !== undefined && kept.json === json ? kept.state : (JSON.parse(json) as InstanceState);
}

/**
 * The JSON a step writes to the instance row for `state` (replacing `replaced`, or none at a start),
 * remembered if it is wide. A wide instance's state is written by `stateJson`, which keeps the JSON of
 * its list items for the next step (it gets the same objects back from here); a small one by
 * `JSON.stringify`, twice as fast when nothing is reused. Its width is judged by the JSON it replaces,
 * as its own is not written yet.
 */
export function storedJson(instanceId: string, replaced: string | null, state: InstanceState): string {
  const wide = replaced !== null && replaced.length >= MIN_JSON_LENGTH;
  const json = wide ? stateJson(state) : JSON.stringify(state);
  rememberState(instanceId, json, state);
  return json;
}

/** Remembers the state a step is writing to the instance row as `json`, if it is a wide one. */
function rememberState(instanceId: string, json: string, state: InstanceState): void {
  written.delete(instanceId);
  if (json.length < MIN_JSON_LENGTH) return;
  if (written.size >= LIMIT) written.delete(written.keys().next().value as string);
  written.set(instanceId, { json, state });
}
