import type { Language, LocalizedText } from './text';

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
  | 'read_only'
  /** Another Tematik (window, browser-mode server, command line) has the project open for writing. */
  | 'locked'
  | 'busy'
  | 'damaged'
  | 'disk_full'
  | 'permission'
  /** Reading or writing the disk failed: a disconnected network folder or USB stick, a failing disk. */
  | 'io'
  /** The user cancelled a long action before it finished; it changed nothing. */
  | 'cancelled'
  /** The core's worker stopped in the middle of an action and was restarted. */
  | 'worker_crashed'
  | 'internal';

/** The serialisable shape of an error as it crosses IPC, HTTP or the CLI. */
export interface ErrorInfo {
  readonly kind: ErrorKind;
  /** A sentence naming what was wrong (the file, row or field) and what to do. */
  readonly message: string;
  /** The message in both interface languages, when the core has it translated. */
  readonly text?: LocalizedText;
  /** Per-item problems, e.g. one line per file of a batch import. */
  readonly details?: readonly string[];
  /** `details` in both languages, item for item, when translated. */
  readonly detailTexts?: readonly LocalizedText[];
}

/** An error the user can act on; anything else thrown is a bug and reported as `internal`. */
export class TematikError extends Error implements ErrorInfo {
  readonly kind: ErrorKind;
  readonly text?: LocalizedText;
  readonly details?: readonly string[];
  readonly detailTexts?: readonly LocalizedText[];
  /** `message` in both languages (from `defineMessages`), or English only where no translation exists yet. */
  constructor(kind: ErrorKind, message: string | LocalizedText, details?: readonly (string | LocalizedText)[]) {
    super(typeof message === 'string' ? message : message.en);
    this.name = 'TematikError';
    this.kind = kind;
    if (typeof message !== 'string') this.text = message;
    if (details) {
      this.details = details.map((d) => (typeof d === 'string' ? d : d.en));
      if (details.some((d) => typeof d !== 'string')) this.detailTexts = details.map((d) => (typeof d === 'string' ? { en: d, id: d } : d));
    }
  }
  toInfo(): ErrorInfo {
    return {
      kind: this.kind, message: this.message,
      ...(this.text ? { text: this.text } : {}),
      ...(this.details ? { details: this.details } : {}),
      ...(this.detailTexts ? { detailTexts: this.detailTexts } : {}),
    };
  }
}

/** The error an ErrorInfo describes, again: one that crossed a thread, a process or the contract and is thrown on this side. */
export function errorFromInfo({ kind, message, text, details, detailTexts }: ErrorInfo): TematikError {
  return new TematikError(kind, text ?? message, detailTexts ?? details);
}

/** The message and details of an error in the user's language. */
export function errorInLanguage(info: ErrorInfo, language: Language): { message: string; details: readonly string[] } {
  return {
    message: info.text?.[language] ?? info.message,
    details: info.detailTexts?.map((d) => d[language]) ?? info.details ?? [],
  };
}
