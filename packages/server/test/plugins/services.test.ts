import { ACTIVITIES } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/jobs/queue.ts';
import { loadPlugins, pluginPathsFromEnv } from '../../src/plugins/load.ts';
import { Services } from '../../src/plugins/registry.ts';
import { serviceHandler } from '../../src/plugins/service-job.ts';
import type { Runtime } from '../../src/runtime/context.ts';

const activity = (type: string, run: () => Promise<unknown>, extra: Record<string, unknown> = {}) => ({
  type,
  name: { en: type },
  outputs: [{ id: 'number', type: 'string' }],
  run,
  ...extra,
});

const job = (service: string): Job => ({
  key: 'i1:e3',
  kind: 'runService',
  instance_id: 'i1',
  payload: JSON.stringify({ type: 'runService', key: 'e3', nodeId: 'invoice', service, input: {} }),
  status: 'pending',
  due_at: 0,
  locked_by: 'w1',
  locked_until: 1,
  attempts: 1,
  last_error: null,
  created_at: 0,
  updated_at: 0,
});

/** The attempt's failure as the worker records it; the runtime is never reached on these paths. */
async function attempt(services: Services, service: string): Promise<string> {
  const finish = () => Promise.reject(new Error('must not finish'));
  const error = await serviceHandler(services)
    .run({} as Runtime, job(service), finish)
    .catch((e: Error) => e);
  return `${(error as Error).constructor.name}: ${(error as Error).message}`;
}

describe('plugins', () => {
  it('registers the activities with the engine and refuses a type two plugins declare', () => {
    const services = Services.of([
      { plugin: { activities: [activity('acme.one', async () => ({}))] }, source: 'a.ts' },
    ]);
    expect(services.descriptors().map((d) => d.type)).toEqual(['acme.one']);
    expect(Object.hasOwn(ACTIVITIES, 'acme.one')).toBe(true);
    expect(() =>
      Services.of([
        { plugin: { activities: [activity('acme.two', async () => ({}))] }, source: 'a.ts' },
        { plugin: { activities: [activity('acme.two', async () => ({}))] }, source: 'b.ts' },
      ]),
    ).toThrow('b.ts: the activity "acme.two" is already declared by a.ts');
  });

  it('names the plugin and the path of every problem in it', () => {
    expect(() =>
      Services.of([
        {
          plugin: { activities: [{ type: 'acme.x', name: { en: 'X' }, run: 'no', timeoutMs: 60_000 }] },
          source: 'x.ts',
        },
      ]),
    ).toThrow(
      'x.ts: activities[0].timeoutMs Too big: expected number to be <=25000; x.ts: activities[0].run must be an async function',
    );
    expect(() => Services.of([{ plugin: { actions: [] }, source: 'y.ts' }])).toThrow(/^y\.ts: activities /);
  });

  it('reads BATON_PLUGINS as a comma-separated list and names a file that does not load', async () => {
    expect(pluginPathsFromEnv(' a.ts, ,b.js ')).toEqual(['a.ts', 'b.js']);
    expect(pluginPathsFromEnv(undefined)).toEqual([]);
    await expect(loadPlugins(['no/such/plugin.ts'])).rejects.toThrow(
      /^no\/such\/plugin\.ts: cannot be loaded/,
    );
  });

  it('fails the attempt, to be retried, when the code throws or does not answer in time', async () => {
    const services = Services.of([
      {
        plugin: {
          activities: [
            activity('acme.down', () => Promise.reject(new Error('ERP is down'))),
            activity('acme.slow', () => new Promise(() => {}), { timeoutMs: 20 }),
          ],
        },
        source: 'p.ts',
      },
    ]);
    expect(await attempt(services, 'acme.down')).toBe('Error: ERP is down');
    expect(await attempt(services, 'acme.slow')).toBe('Error: acme.slow did not answer in time');
  });

  it('fails for good an answer that is not its outputs, and an activity no plugin here provides', async () => {
    const services = Services.of([
      {
        plugin: {
          activities: [
            activity('acme.list', async () => ['INV-1']),
            activity('acme.typed', async () => ({ number: 7 })),
          ],
        },
        source: 'p.ts',
      },
    ]);
    expect(await attempt(services, 'acme.list')).toBe(
      'PermanentFailure: acme.list answered ["INV-1"], not an object of its outputs',
    );
    expect(await attempt(services, 'acme.typed')).toBe(
      'PermanentFailure: acme.typed answered output.number: expected string, got 7',
    );
    expect(await attempt(services, 'acme.gone')).toBe(
      'PermanentFailure: acme.gone at invoice: no plugin on this server provides this activity',
    );
  });
});
