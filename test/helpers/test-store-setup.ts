import { afterAll } from 'vitest';
import { dropFileDatabase, expectWrittenThrough } from './test-store';

// Run before every test file of the PostgreSQL project (test/vitest.postgres.config.mts).
afterAll(async () => {
  try {
    await expectWrittenThrough();
  } finally {
    await dropFileDatabase();
  }
});
