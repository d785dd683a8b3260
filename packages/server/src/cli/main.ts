import { type CommandEntry, commands } from './commands.ts';
import { UsageError } from './usage-error.ts';

const usage = [
  'Usage: baton <command> [options]',
  '',
  'Commands:',
  ...Object.values(commands).map((c) => `  ${c.usage.padEnd(22)} ${c.summary}`),
].join('\n');

async function main([name, ...args]: string[]): Promise<number> {
  if (name === 'help' || name === '--help' || name === '-h') {
    console.log(usage);
    return 0;
  }
  const entry = find(name);
  if (!entry) {
    console.error(name === undefined ? usage : `Unknown command: ${name}\n\n${usage}`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
}

// Own keys only: `baton toString` must not find Object.prototype.toString.
function find(name: string | undefined): CommandEntry | undefined {
  return name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
}

process.exitCode = await main(process.argv.slice(2));
