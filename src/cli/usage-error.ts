/** A command line Tematik cannot read: told with the usage hint, exit status 2. */
export class UsageError extends Error {}
