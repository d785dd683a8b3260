import { describe, expect, it } from 'vitest';
import * as runCommand from '../src/cli/run.ts';
import { UsageError } from '../src/cli/usage-error.ts';
import { baton, fixture, inProcess, lines } from './fixtures/cli.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const time = (event: Record<string, unknown> | undefined) => Date.parse(String(event?.at));
const taskEvents = (events: Record<string, unknown>[]) =>
  events.filter((e) => String(e.type).startsWith('task.') || String(e.type).startsWith('timer.fired'));

describe('baton run', () => {
  for (const file of ['vacation.json', 'vacation.bpmn']) {
    it(`runs ${file}: the head rejects, the employee revises, the head approves 3 days later`, async () => {
      const result = await baton(
        'run',
        fixture(file),
        '--params',
        '{"days": 5}',
        '--answers',
        fixture('vacation-answers.json'),
        '--json',
      );

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const events = lines(result.stdout);
      expect(Object.keys(events[0] ?? {})[0]).toBe('type');
      expect(events[0]?.type).toBe('instance.started');
      expect(events.at(-1)?.type).toBe('instance.completed');
      const tasks = taskEvents(events);
      expect(tasks.map((e) => `${e.type} ${e.nodeId}`)).toEqual([
        'task.created approve',
        'task.completed approve',
        'task.created revise',
        'task.completed revise',
        'task.created approve',
        'task.completed approve',
      ]);
      expect(tasks.every((e) => typeof e.taskId === 'string')).toBe(true);
      expect(time(tasks[5]) - time(tasks[4])).toBe(3 * DAY);
      expect(time(tasks[4]) - time(events[0])).toBe(0);
    });
  }

  it('exits 1 when the instance fails, ending with instance.failed and the error', async () => {
    const result = await baton(
      'run',
      fixture('gateway-fails.json'),
      '--params',
      '{"amount": 3000}',
      '--json',
    );

    expect(result.code).toBe(1);
    const last = lines(result.stdout).at(-1);
    expect(last?.type).toBe('instance.failed');
    expect(last?.error).toMatchObject({ code: 'NO_FLOW', nodeId: 'route' });
  });

  it('exits 2 on an invalid definition, naming the elements on stderr', async () => {
    const result = await baton('run', fixture('invalid.json'), '--json');

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/node sign.*mode/);
    expect(result.stderr).toMatch(/flow f2.*finish/);
  });

  it('names the node of a schema error that only has a path', async () => {
    const result = await inProcess(runCommand, fixture('schema-invalid.json'));

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error SCHEMA at node ghost, nodes[1].type:');
  });

  it('fires a non-interrupting timer boundary before the late task completes', async () => {
    const answers = fixture('escalation-answers.json');
    const result = await inProcess(runCommand, fixture('escalation.json'), '--answers', answers, '--json');

    expect(result.code).toBe(0);
    const events = lines(result.stdout);
    const sequence = events.filter((e) =>
      ['task.created', 'timer.fired', 'task.completed'].includes(String(e.type)),
    );
    expect(sequence.map((e) => `${e.type} ${e.nodeId}`)).toEqual([
      'task.created review',
      'timer.fired overdue',
      'task.completed review',
    ]);
    const [created, fired, completed] = sequence;
    expect(time(fired) - time(created)).toBe(HOUR);
    expect(time(completed) - time(created)).toBe(3 * HOUR);
    expect(events.some((e) => e.type === 'node.completed' && e.nodeId === 'remind')).toBe(true);
  });

  it('prints a readable timeline without --json', async () => {
    const answers = fixture('vacation-answers.json');
    const result = await inProcess(runCommand, fixture('vacation.json'), '--answers', answers);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-01-08 09:00    task.completed      approve');
    expect(result.stdout).toMatch(/effects \(not performed\):\n\s+notify\s+notify/);
  });

  it('completes a task with no answer left without variables', async () => {
    const result = await inProcess(
      runCommand,
      fixture('vacation.json'),
      '--answers',
      fixture('one-answer.json'),
      '--json',
    );

    // The second approval has no answer: completed at once with no variables, an approve task approves.
    expect(result.code).toBe(0);
    const tasks = taskEvents(lines(result.stdout));
    expect(tasks.map((e) => `${e.type} ${e.nodeId} ${e.at}`)).toEqual([
      'task.created approve 2026-01-05T09:00:00.000Z',
      'task.completed approve 2026-01-05T09:00:00.000Z',
      'task.created revise 2026-01-05T09:00:00.000Z',
      'task.completed revise 2026-01-05T09:00:00.000Z',
      'task.created approve 2026-01-05T09:00:00.000Z',
      'task.completed approve 2026-01-05T09:00:00.000Z',
    ]);
  });
});

describe('baton run input errors', () => {
  it('refuses unknown flags with exit 2', async () => {
    const result = await baton('run', fixture('vacation.json'), '--fast');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--fast'");
  });

  it('refuses --params that are not a JSON object', async () => {
    await expect(inProcess(runCommand, fixture('vacation.json'), '--params', '{days: 5}')).rejects.toThrow(
      UsageError,
    );
    await expect(inProcess(runCommand, fixture('vacation.json'), '--params', '[1]')).rejects.toThrow(
      '--params must be a JSON object',
    );
  });

  it('exits 2 when the params do not fit the declaration', async () => {
    const result = await inProcess(
      runCommand,
      fixture('gateway-fails.json'),
      '--params',
      '{"amount": "lots"}',
    );

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('params.amount: expected number');
  });

  it('warns about answers for a node that does not exist', async () => {
    const result = await inProcess(
      runCommand,
      fixture('escalation.json'),
      '--answers',
      fixture('one-answer.json'),
    );

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('warning: answers for "approve": no such node\n');
  });

  it('knows the activities of BATON_PLUGINS and answers them from the answers file', async () => {
    const run = (...args: string[]) =>
      inProcess(runCommand, fixture('invoicing.json'), '--params', '{"client": "Stroy"}', ...args);
    expect((await run()).stderr).toContain('unknown node type "erp.createInvoice"');
    process.env.BATON_PLUGINS = 'examples/plugins/erp-invoice.ts';
    try {
      const result = await run('--answers', fixture('invoicing-answers.json'), '--json');
      expect(result.code, result.stderr).toBe(0);
      const events = lines(result.stdout);
      expect(events.at(-1)?.type).toBe('instance.completed');
      expect(time(events.at(-1)) - time(events[0])).toBe(10 * 60_000);
      expect(events.filter((e) => e.type === 'variables.changed').map((e) => e.names)).toEqual([
        ['client'],
        ['invoiceNo'],
      ]);
      process.env.BATON_PLUGINS = 'plugins/missing.ts';
      const broken = await run();
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('plugins/missing.ts: cannot be loaded');
    } finally {
      delete process.env.BATON_PLUGINS;
    }
  });

  it('exits 2 on an unreadable file', async () => {
    const result = await inProcess(runCommand, fixture('missing.json'));

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read .*missing\.json/);
  });

  it('checks the answers file shape, naming the path of each error', async () => {
    const result = await inProcess(
      runCommand,
      fixture('vacation.json'),
      '--answers',
      fixture('bad-answers.json'),
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('approve[1].$after: must be an ISO 8601 duration');
    expect(result.stderr).toContain('revise: Invalid input: expected array');
  });
});
