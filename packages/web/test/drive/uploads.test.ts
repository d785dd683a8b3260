import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/api/drive.ts';
import { uploadProblem } from '../../src/drive/uploads.ts';

describe('a file chosen for upload', () => {
  it('is sent when it has bytes, up to the largest the drive keeps', () => {
    expect(uploadProblem({ size: 1 })).toBeNull();
    expect(uploadProblem({ size: MAX_FILE_BYTES })).toBeNull();
  });

  it('is not sent when empty or larger than the drive keeps', () => {
    expect(uploadProblem({ size: 0 })).toBe('empty');
    expect(uploadProblem({ size: MAX_FILE_BYTES + 1 })).toBe('tooLarge');
  });
});
