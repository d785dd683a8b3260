/** Why a chosen file is not sent at all: the server would refuse it. */
export type SizeProblem = 'empty' | 'tooLarge';

/** Whether the server would refuse a file for its size alone: no bytes, or more than `max`. */
export function sizeProblem(file: Pick<File, 'size'>, max: number): SizeProblem | null {
  if (file.size === 0) return 'empty';
  return file.size > max ? 'tooLarge' : null;
}
