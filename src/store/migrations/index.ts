import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration002 } from './002-project-guid';
import { migration003 } from './003-themes-model';
import { migration004 } from './004-search-index';
import { migration005 } from './005-speakers-and-report';
import { migration006 } from './006-undo-as-data';
import { migration007 } from './007-covering-indexes';
import { migration008 } from './008-search-unit-bytes';
import { migration009 } from './009-row-guids';
import { migration010 } from './010-turns-marked-by-document';
import { migration011 } from './011-copy-origin';
import { migration012 } from './012-merged-codings';
import { migration013 } from './013-review-comments';
import { migration014 } from './014-editable-text';
import { migration015 } from './015-deid-key';
import { migration016 } from './016-recordings';

/** One forward step of the schema. Append new ones; never edit a released one. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** Data changes that need more than SQL, run after `sql` in the same transaction. */
  readonly data?: (db: Database.Database) => void;
}

/** All migrations in order; `version` of the last is the schema version this build writes. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
