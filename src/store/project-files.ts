/**
 * What the handlers may do with a project *file* rather than with its data (that is the store
 * interface, src/store/project-data.ts): its extension, the backups kept beside it, putting one
 * back in its place. They belong to the desktop's SQLite file; a team server keeps its backups
 * its own way.
 */
export { PROJECT_EXTENSION } from './open';
export { listBackups } from './backup';
export { abandonRestore, completeRestore, prepareRestore, resolveBackup } from './restore';
