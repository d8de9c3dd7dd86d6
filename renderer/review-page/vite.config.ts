import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The review package's page script and styles, built as one IIFE and one CSS file into
 * dist/review-page/. The core (src/review/html.ts) inlines both into each package it writes;
 * electron-builder ships them with the rest of dist/.
 */
export default defineConfig({
  root: __dirname,
  logLevel: 'warn',
  build: {
    outDir: path.resolve(__dirname, '../../dist/review-page'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    cssCodeSplit: false,
    lib: {
      entry: path.resolve(__dirname, 'main.ts'),
      formats: ['iife'],
      name: 'TematikReviewPage',
      fileName: () => 'review-page.js',
      cssFileName: 'review-page',
    },
  },
});
