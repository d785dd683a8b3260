import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/client.ts';
import { MAX_UPLOAD_BYTES } from '../../src/api/process-files.ts';
import { attachProblemOf, refusedUpload } from '../../src/forms/attach-problem.ts';

const refusal = (status: number, path?: string) =>
  new ApiError(status, 'X', 'refused', path ? [{ path, message: 'no' }] : []);

describe('a file chosen for a file field', () => {
  it('is sent when it has bytes, up to 50 MiB', () => {
    expect(attachProblemOf({ size: 1 })).toBeNull();
    expect(attachProblemOf({ size: MAX_UPLOAD_BYTES })).toBeNull();
    expect(MAX_UPLOAD_BYTES).toBe(50 * 1024 * 1024);
  });

  it('is not sent when empty or larger than 50 MiB', () => {
    expect(attachProblemOf({ size: 0 })).toBe('empty');
    expect(attachProblemOf({ size: MAX_UPLOAD_BYTES + 1 })).toBe('tooLarge');
  });
});

describe('the server’s refusal of an upload', () => {
  it('413 says the file is too large', () => {
    expect(refusedUpload(refusal(413))).toBe('tooLarge');
  });

  it('422 at body says the file is empty', () => {
    expect(refusedUpload(refusal(422, 'body'))).toBe('empty');
  });

  it('422 at querystring.name says its name cannot be used', () => {
    expect(refusedUpload(refusal(422, 'querystring.name'))).toBe('badName');
  });

  it('anything else, a lost connection too, says it did not go through', () => {
    expect(refusedUpload(refusal(415))).toBe('failed');
    expect(refusedUpload(refusal(422, 'querystring.type'))).toBe('failed');
    expect(refusedUpload(refusal(500))).toBe('failed');
    expect(refusedUpload(new TypeError('Failed to fetch'))).toBe('failed');
  });
});
