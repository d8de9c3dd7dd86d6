/** What went wrong, in a form the UI, the CLI and tests can branch on. */
export type ErrorKind =
  | 'invalid_args'
  | 'unknown_action'
  | 'not_found'
  | 'conflict'
  | 'bad_input'
  | 'newer_version'
  | 'not_a_project'
  | 'no_project'
  | 'nothing_to_undo'
  | 'internal';

/** The serialisable shape of an error as it crosses IPC, HTTP or the CLI. */
export interface ErrorInfo {
  readonly kind: ErrorKind;
  /** A sentence naming what was wrong (the file, row or field) and what to do. */
  readonly message: string;
  /** Per-item problems, e.g. one line per file of a batch import. */
  readonly details?: readonly string[];
}

/** An error the user can act on; anything else thrown is a bug and reported as `internal`. */
export class TematikError extends Error implements ErrorInfo {
  readonly kind: ErrorKind;
  readonly details?: readonly string[];
  constructor(kind: ErrorKind, message: string, details?: readonly string[]) {
    super(message);
    this.name = 'TematikError';
    this.kind = kind;
    if (details) this.details = details;
  }
  toInfo(): ErrorInfo {
    return this.details ? { kind: this.kind, message: this.message, details: this.details } : { kind: this.kind, message: this.message };
  }
}
