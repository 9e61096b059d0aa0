/** Errors the domain raises on purpose. Each maps to one HTTP status in app/api/_shared/handler.ts. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing does not exist, or belongs to someone else: the caller must not learn which. */
export class NotFoundError extends DomainError {}

/**
 * The request is well-formed but clashes with what is stored (a taken email, a finished quiz). `code`
 * names the clash for clients that act on it ("conflict" unless said), and `details` go with it.
 */
export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly code = "conflict",
    readonly details: Record<string, string | number | null> = {},
  ) {
    super(message);
  }
}

/** Too many attempts in a short time (failed sign-ins). */
export class TooManyAttemptsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** Well-formed, but one field is refused by what is stored (a wrong current password, a dead reset link): a 400 naming the field. */
export class RejectedFieldError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Content an author submitted that the content's schema or checker refuses: a 400 listing every problem. */
export class InvalidContentError extends DomainError {
  constructor(
    message: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(message);
  }
}
