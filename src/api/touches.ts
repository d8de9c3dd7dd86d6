import type { ActionName } from './contract';

/**
 * The parts of a project a view can read. An action that changes one part makes stale every
 * read of it, and nothing else: the renderer re-reads only those (renderer/lib/query-cache.ts).
 * `text` is a transcript's text and turns, apart from `documents` (titles, informants, counts),
 * so coding a passage re-reads the transcript's codings but never its text.
 */
export const AREAS = [
  'app', 'project', 'history', 'backups', 'informantTypes', 'attributes', 'informants', 'documents', 'text',
  'codes', 'codings', 'memos', 'themes', 'themeLinks', 'layout', 'comments', 'phases', 'redactions', 'coders',
  'deidKey', 'recordings',
] as const;
export type Area = (typeof AREAS)[number];

/**
 * What an action does to the project: a query names what its answer is built from; a change
 * names what it alters, or 'everything' when it opens, replaces or rewinds the project (undo
 * can revert any kind of change); `none` is an action that neither reads for a view nor changes
 * anything (exports, dialogs).
 */
export type Effect =
  | { readonly reads: readonly Area[] }
  | { readonly changes: readonly Area[] | 'everything' }
  | 'none';

const reads = (...areas: Area[]): Effect => ({ reads: areas });
const changes = (...areas: Area[]): Effect => ({ changes: areas });
const everything: Effect = { changes: 'everything' };

/** Every change is recorded in the history (undo/redo and the audit trail). */
const recorded = (...areas: Area[]): Effect => changes(...areas, 'history');

/** Code counts (codings, informants per code) follow every change to codings. */
const coding = recorded('codings', 'codes');

/**
 * Every action of the contract, classified; the type makes a new action fail to compile until
 * it is listed here.
 */
export const effects: { readonly [N in ActionName]: Effect } = {
  'app.info': reads('app'),
  'app.choosePaths': 'none',
  'app.openSample': everything,
  'app.forgetRecent': changes('app'),

  'project.create': everything,
  'project.open': everything,
  'project.close': everything,
  'project.info': reads('project'),
  'project.update': recorded('project'),
  'project.setPhase': recorded('project', 'phases'),
  'project.stats': reads('documents', 'informants', 'codes', 'codings', 'themes', 'memos'),
  // A damaged file turns the project read-only, which project.info reports.
  'project.check': changes('project'),

  'backup.list': reads('backups'),
  'backup.create': changes('backups'),
  'backup.restore': everything,

  'history.state': reads('history'),
  'history.undo': everything,
  'history.redo': everything,
  'audit.list': reads('history'),

  'informantTypes.list': reads('informantTypes', 'informants', 'documents', 'text'),
  'informantTypes.create': recorded('informantTypes'),
  'informantTypes.update': recorded('informantTypes', 'informants'),
  'informantTypes.delete': recorded('informantTypes', 'informants'),

  'attributes.list': reads('attributes'),
  'informants.list': reads('informants', 'informantTypes', 'attributes', 'documents'),
  'informants.create': recorded('informants', 'attributes'),
  'informants.update': recorded('informants', 'attributes', 'codes'),
  'informants.delete': recorded('informants', 'attributes', 'documents', 'text', 'codes'),

  'documents.list': reads('documents', 'codings'),
  'documents.get': reads('documents', 'codings', 'text'),
  'documents.text': reads('text'),
  'documents.rename': recorded('documents'),
  'documents.assign': recorded('documents', 'informants', 'text', 'codes'),
  'documents.delete': recorded('documents', 'text', 'codings', 'codes', 'informants', 'memos', 'comments', 'recordings'),
  'documents.speakers': reads('text', 'informants'),
  'documents.setSpeaker': recorded('text', 'codes'),
  'documents.swapRoles': recorded('text', 'codes'),
  // Word counts and hashes (documents), codings moved or removed, and with a removed coding its memos, exemplar and comments.
  'documents.editText': recorded('documents', 'text', 'codings', 'codes', 'memos', 'themes', 'comments'),
  'documents.replacePlan': reads('documents', 'text', 'codings'),
  'documents.replaceText': recorded('documents', 'text', 'codings', 'codes', 'memos', 'themes', 'comments', 'informants'),
  'documents.splitTurn': recorded('documents', 'text', 'codings', 'codes'),
  'documents.joinTurns': recorded('documents', 'text', 'codings', 'codes'),
  'documents.setTurnSpeaker': recorded('documents', 'text', 'codings', 'codes'),

  'import.files': recorded('documents', 'text', 'informants', 'attributes'),
  'import.folder': recorded('documents', 'text', 'informants', 'informantTypes', 'attributes'),

  'codes.list': reads('codes', 'codings'),
  'codes.create': recorded('codes'),
  'codes.update': recorded('codes'),
  'codes.move': recorded('codes'),
  'codes.merge': recorded('codes', 'codings', 'themes', 'memos', 'layout', 'comments'),
  'codes.delete': recorded('codes', 'codings', 'themes', 'memos', 'layout', 'comments'),
  'hotkeys.set': recorded('codes'),

  'codings.apply': coding,
  'codings.remove': recorded('codings', 'codes', 'memos', 'themes', 'comments'),
  'codings.recode': coding,
  'codings.forDocument': reads('codings'),
  'codings.forCode': reads('codings', 'codes', 'documents', 'text', 'informants'),
  // The consensus coder is made with the first settlement.
  'codings.resolve': recorded('codings', 'codes', 'memos', 'themes', 'coders', 'comments'),

  'memos.list': reads('memos'),
  'memos.create': recorded('memos'),
  'memos.update': recorded('memos'),
  'memos.delete': recorded('memos'),

  'themes.list': reads('themes'),
  'themes.create': recorded('themes'),
  'themes.update': recorded('themes'),
  'themes.addCodes': recorded('themes'),
  'themes.removeCodes': recorded('themes'),
  'board.moveCode': recorded('themes'),
  'themes.delete': recorded('themes', 'themeLinks', 'comments', 'memos', 'layout'),
  'themes.split': recorded('themes'),
  'themes.merge': recorded('themes', 'themeLinks', 'comments', 'memos', 'layout'),
  'themes.setConvergence': recorded('themes'),
  'themes.review': reads('themes', 'codes', 'codings', 'text', 'informants', 'informantTypes'),
  'codes.unthemed': reads('codes', 'codings', 'themes'),

  'themeLinks.list': reads('themeLinks'),
  'themeLinks.create': recorded('themeLinks'),
  'themeLinks.update': recorded('themeLinks'),
  'themeLinks.delete': recorded('themeLinks', 'comments'),

  'map.get': reads('themes', 'themeLinks', 'codes', 'codings', 'layout'),
  'map.move': recorded('layout'),
  'map.resetLayout': recorded('layout'),

  'comments.list': reads('comments'),
  'comments.add': recorded('comments'),
  'comments.resolve': recorded('comments'),
  'comments.importReview': recorded('comments', 'memos'),

  'phases.checks': reads('phases'),
  'phases.check': recorded('phases'),

  'analysis.triangulation': reads('themes', 'codes', 'codings', 'informants', 'informantTypes', 'attributes', 'documents', 'text'),
  'analysis.cellExtracts': reads('themes', 'codes', 'codings', 'informants', 'informantTypes', 'attributes', 'documents', 'text'),
  'analysis.cooccurrence': reads('codes', 'codings', 'text'),
  'analysis.cooccurrenceExtracts': reads('codes', 'codings', 'documents', 'text', 'informants'),
  'analysis.agreement': reads('codes', 'codings', 'documents', 'text'),
  'analysis.agreementDisagreements': reads('codes', 'codings', 'documents', 'text'),

  'search.query': reads('documents', 'text', 'memos', 'codes', 'codings', 'informants', 'informantTypes', 'attributes'),
  'search.code': coding,
  'search.similar': reads('codes', 'memos'),

  'report.word': 'none',

  'coders.list': reads('coders'),
  'coders.add': changes('coders', 'history'),
  // A coder's name shows on their codings, memos and comments.
  'coders.rename': changes('coders', 'codings', 'memos', 'comments', 'history'),
  'coders.setColour': changes('coders', 'codings', 'history'),
  // Whose undo steps, and whose work views call "mine", change with the coder.
  'coders.setCurrent': everything,
  // Writes a new file; the open project is not changed.
  'team.copyForCoder': 'none',
  'team.mergePlan': 'none',
  'team.merge': recorded('documents', 'text', 'informants', 'informantTypes', 'attributes', 'codes', 'codings', 'memos', 'comments', 'coders', 'backups'),
  // A preference of this machine; turning it on names who is coding as a coder when they were not yet (in the audit trail).
  'coders.setBlind': changes('coders', 'history'),
  'redactions.list': reads('redactions'),
  'redactions.add': recorded('redactions'),
  'redactions.update': recorded('redactions'),
  'redactions.remove': recorded('redactions'),
  'deid.preview': reads('text', 'documents', 'informants', 'redactions', 'deidKey'),
  // Replacing words moves codings, turns and quotes, and changes code counts only when a coding's words all go (never here: a name is replaced, not deleted).
  'deid.apply': recorded('text', 'documents', 'codings', 'codes', 'deidKey'),
  'deid.key': reads('deidKey'),
  'deid.share': 'none',

  'refi.exportProject': 'none',
  'refi.importProject': recorded('documents', 'text', 'informants', 'informantTypes', 'attributes', 'codes', 'codings', 'memos'),
  'refi.inspectProject': 'none',
  'refi.exportCodebook': 'none',
  'refi.importCodebook': recorded('codes', 'memos'),

  'export.table': 'none',
  'taguette.exportCodebook': 'none',
  'taguette.importCodebook': recorded('codes', 'memos'),
  'export.themeMap': 'none',

  // Where a recording is now is read from the disk each time: the list is read again when the view is.
  'recordings.list': reads('recordings', 'documents'),
  'recordings.forDocument': reads('recordings'),
  'recordings.link': recorded('recordings'),
  'recordings.unlink': recorded('recordings'),
  // Reads, so the reader thread answers them while a long change runs and playback does not wait.
  'recordings.source': reads('recordings'),
  'recordings.bytes': reads('recordings'),
  'turns.setTime': recorded('text'),
  'export.reviewPackage': 'none',
};

/**
 * Whether a read by `query` must be redone after `action` ran: the areas meet, or the action
 * changed everything. An action that changes nothing stales nothing.
 */
export function stales(action: ActionName, query: ActionName): boolean {
  const change = effects[action];
  const read = effects[query];
  if (change === 'none' || !('changes' in change) || read === 'none' || !('reads' in read)) return false;
  if (change.changes === 'everything') return true;
  const touched = change.changes;
  return read.reads.some((area) => touched.includes(area));
}
