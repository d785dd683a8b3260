/** Thrown by a command for bad arguments: the CLI prints the message and usage, and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
