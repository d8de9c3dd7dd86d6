import {
  REVIEW_COMMENTS_EXTENSION, REVIEW_COMMENTS_FORMAT, REVIEW_COMMENTS_VERSION,
  type ReviewComment, type ReviewCommentsFile, type ReviewPackageData, type ReviewTargetKind,
} from '../../src/domain/review-package';

/** What a comment is on, as the page names it. */
export interface Target {
  readonly kind: ReviewTargetKind;
  readonly guid: string;
  readonly label: string;
}

const REVIEWER_KEY = 'tematik-review.reviewer';
const commentsKey = (packageGuid: string) => `tematik-review.comments.${packageGuid}`;

/** What the comments need of localStorage (and all the core's type-check knows of it: it has no DOM types). */
interface KeptValues {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * localStorage where the browser gives it to a file:// page (Chromium and Firefox do, each
 * file its own or a shared store; some settings refuse): otherwise null, and everything is
 * kept for this session only.
 */
function storage(): KeptValues | null {
  try {
    const store = (globalThis as { localStorage?: KeptValues }).localStorage;
    if (!store) return null;
    const probe = 'tematik-review.probe';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

/** A v4 UUID: crypto.randomUUID where the page counts as secure, else from crypto.getRandomValues. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // Not a secure context after all: made by hand below.
    }
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The reviewer's comments in this package: kept in the browser when it allows, saved as the comments file. */
export class CommentStore {
  private readonly store = storage();
  private list: ReviewComment[];
  private savedCount: number;
  private readonly listeners = new Set<() => void>();
  reviewer: string;

  constructor(private readonly data: ReviewPackageData) {
    this.reviewer = this.store?.getItem(REVIEWER_KEY) ?? '';
    const kept = this.read();
    this.list = kept.comments;
    this.savedCount = kept.saved;
  }

  /** Whether comments are kept across reloads of the page (false: only until it is closed). */
  get persistent(): boolean {
    return this.store !== null;
  }

  get all(): readonly ReviewComment[] {
    return this.list;
  }

  /** Comments written since the last "Save comments". */
  get unsaved(): number {
    return this.list.length - this.savedCount;
  }

  on(listener: () => void): void {
    this.listeners.add(listener);
  }

  of(target: Pick<Target, 'kind' | 'guid'>): ReviewComment[] {
    return this.list.filter((c) => c.target.kind === target.kind && c.target.guid === target.guid);
  }

  setReviewer(name: string): void {
    this.reviewer = withoutControls(name).replace(/\s+/g, ' ').trim();
    this.store?.setItem(REVIEWER_KEY, this.reviewer);
    this.changed();
  }

  add(target: Target, body: string): ReviewComment {
    // The label only reminds the researcher what the comment was on: kept short, on one line.
    const label = target.label.replace(/\s+/g, ' ').trim();
    const comment: ReviewComment = {
      guid: uuid(), target: { kind: target.kind, guid: target.guid, label: label.length > 200 ? `${label.slice(0, 199)}…` : label }, body: withoutControls(body).trim(), createdAt: new Date().toISOString(),
    };
    this.list = [...this.list, comment];
    this.write();
    this.changed();
    return comment;
  }

  /** A comment not yet saved may be taken back; a saved one is in a file already. */
  remove(guid: string): void {
    const index = this.list.findIndex((c) => c.guid === guid);
    if (index < this.savedCount) return;
    this.list = this.list.filter((c) => c.guid !== guid);
    this.write();
    this.changed();
  }

  /** The comments file, as "Save comments" downloads it, with its name. */
  file(): { name: string; text: string } {
    const content: ReviewCommentsFile = {
      format: REVIEW_COMMENTS_FORMAT, version: REVIEW_COMMENTS_VERSION, projectGuid: this.data.projectGuid, packageGuid: this.data.packageGuid,
      packageCreatedAt: this.data.packageCreatedAt, reviewer: this.reviewer, savedAt: new Date().toISOString(), comments: this.list,
    };
    return { name: `${this.data.fileStem}-review-${reviewerStem(this.reviewer)}${REVIEW_COMMENTS_EXTENSION}`, text: `${JSON.stringify(content, null, 2)}\n` };
  }

  markSaved(): void {
    this.savedCount = this.list.length;
    this.write();
    this.changed();
  }

  private read(): { comments: ReviewComment[]; saved: number } {
    try {
      const raw = JSON.parse(this.store?.getItem(commentsKey(this.data.packageGuid)) ?? 'null') as { comments?: unknown; saved?: unknown } | null;
      if (!raw || !Array.isArray(raw.comments)) return { comments: [], saved: 0 };
      const comments = raw.comments.filter(isComment);
      return { comments, saved: Math.min(comments.length, typeof raw.saved === 'number' ? raw.saved : 0) };
    } catch {
      return { comments: [], saved: 0 };
    }
  }

  private write(): void {
    try {
      this.store?.setItem(commentsKey(this.data.packageGuid), JSON.stringify({ comments: this.list, saved: this.savedCount }));
    } catch {
      // A full store keeps the comments in the page until they are saved as a file.
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Text without control characters but tab and line breaks: pasted from a PDF or a chat they
 * come along unseen, and the import refuses a file that holds them.
 */
function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** The reviewer's name as a file name part: letters and digits of any script kept, the rest dashes. */
export function reviewerStem(name: string): string {
  return name.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'reviewer';
}

function isComment(value: unknown): value is ReviewComment {
  const c = value as ReviewComment | null;
  return typeof c === 'object' && c !== null && typeof c.guid === 'string' && typeof c.body === 'string' && typeof c.createdAt === 'string'
    && typeof c.target === 'object' && c.target !== null && typeof c.target.guid === 'string' && typeof c.target.kind === 'string' && typeof c.target.label === 'string';
}
