import { afterAll } from 'vitest';
import { dropFileDatabase } from './test-store';

// Run before every test file of the PostgreSQL project (test/vitest.postgres.config.mts).
afterAll(dropFileDatabase);
