/*
 * Throughput of the search language layer, outside the test run (it takes seconds):
 *   npx tsx test/unit/search/analyse-bench.ts
 * Text is analysed one speaker turn at a time, as the indexer does. Two corpora of
 * about a million words each: the sample transcripts repeated (real mixed Indonesian
 * and English prose, vocabulary that saturates as in a real project) and the
 * synthetic interviews of test/bench (random root × affix combinations, a much larger
 * vocabulary). The first pass over a corpus also fills the stem caches ("cold").
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { countWords } from '../../src/import/words';
import { stemWithLanguage } from '../../src/search/stem';
import { analyse, tokenize } from '../../src/search/tokens';
import { random, transcript } from './corpus';

const TARGET_WORDS = 1_000_000;
const FIXTURES = path.resolve(__dirname, '../../fixtures/sample-src');

function fixtureTurns(): string[] {
  const turns: string[] = [];
  for (const file of fs.readdirSync(FIXTURES).filter((f) => /\.(txt|md|vtt|srt)$/.test(f))) {
    for (const line of fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n')) if (line.trim()) turns.push(line);
  }
  const out: string[] = [];
  for (let words = 0; words < TARGET_WORDS;) {
    for (const turn of turns) {
      out.push(turn);
      words += countWords(turn);
    }
  }
  return out;
}

function syntheticTurns(): string[] {
  const rand = random(20251125);
  const out: string[] = [];
  for (let words = 0; words < TARGET_WORDS;) {
    const { text, words: n } = transcript(rand, 5000);
    out.push(...text.split('\n').filter((line) => line.length > 0));
    words += n;
  }
  return out;
}

function run(name: string, turns: readonly string[]): void {
  const words = turns.reduce((sum, t) => sum + countWords(t), 0);
  const times: number[] = [];
  let tokens = 0;
  for (let pass = 0; pass < 4; pass++) {
    const start = performance.now();
    tokens = 0;
    for (const turn of turns) tokens += analyse(turn).length;
    times.push(performance.now() - start);
  }
  const [cold, ...warm] = times;
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)]!;
  const rate = (ms: number) => `${((words / ms) * 1000 / 1e6).toFixed(2)} M words/s`;
  console.log(`${name}: ${words.toLocaleString('en')} words, ${tokens.toLocaleString('en')} tokens in ${turns.length.toLocaleString('en')} turns`);
  console.log(`  cold ${cold!.toFixed(0)} ms (${rate(cold!)}), warm median ${median.toFixed(0)} ms (${rate(median)})`);
}

/** The worst case, a vocabulary never seen: the stemming decision without its cache. */
function runDistinct(turns: readonly string[]): void {
  const distinct = new Set<string>();
  for (const turn of turns) for (const t of tokenize(turn)) distinct.add(t.term);
  const start = performance.now();
  for (const term of distinct) stemWithLanguage(term);
  const ms = performance.now() - start;
  console.log(`distinct terms, uncached: ${distinct.size.toLocaleString('en')} in ${ms.toFixed(0)} ms (${Math.round((distinct.size / ms) * 1000).toLocaleString('en')} terms/s)`);
}

const fixtures = fixtureTurns();
const synthetic = syntheticTurns();
run('sample transcripts, repeated', fixtures);
run('synthetic interviews (test/bench/corpus.ts)', synthetic);
runDistinct([...fixtures.slice(0, 2000), ...synthetic]);
