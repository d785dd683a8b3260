/** Service-layer errors; HTTP maps each to a status (http/problem.ts). */
export class NotFound extends Error {
  readonly statusCode = 404;
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = 'NotFound';
  }
}

export class Conflict extends Error {
  readonly statusCode = 409;
  constructor(
    message: string,
    readonly code: string,
    /** The field whose value clashes, when there is one (a login taken, a name used). */
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'Conflict';
  }
}

/**
 * The caller can see the thing but may not do this to it (or the action is reserved to a role). Where
 * the thing itself is invisible to the caller, services throw NotFound instead: a 403 would tell it exists.
 */
export class Forbidden extends Error {
  readonly statusCode = 403;
  constructor(
    message: string,
    readonly code: string = 'FORBIDDEN',
  ) {
    super(message);
    this.name = 'Forbidden';
  }
}

/** Input that is well-formed but wrong for this process (field types, undeclared names). */
export class Unprocessable extends Error {
  readonly statusCode = 422;
  constructor(
    message: string,
    readonly errors: { path: string; message: string }[],
    /** Stable code for clients, e.g. INVALID_VARIABLES. */
    readonly code: string = 'UNPROCESSABLE',
  ) {
    super(message);
    this.name = 'Unprocessable';
  }
}

/** A body of a kind the route does not take (an upload sent as JSON). */
export class UnsupportedMediaType extends Error {
  readonly statusCode = 415;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedMediaType';
  }
}

/** The instance row changed since it was read: the step is retried from a fresh read. */
export class VersionConflict extends Error {
  constructor(readonly instanceId: string) {
    super(`instance ${instanceId} changed concurrently`);
    this.name = 'VersionConflict';
  }
}
