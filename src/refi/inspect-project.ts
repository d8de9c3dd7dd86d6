import path from 'node:path';
import type { CaseVariableSummary, ProjectInspection } from '../domain/types';
import { DEFAULT_TYPE, readProjectFile, type CaseVariable, type PlannedCode } from './read-project';

/** How many values of a variable the choice shows; enough to recognise what it holds. */
const SAMPLES = 5;

/**
 * Reads and checks a .qdpx as an import would, without writing anything, and says what the
 * user must decide before importing: which case variable names the informant type. The import
 * reads the file again, so a file that changed in between is checked again, never trusted.
 */
export function inspectProjectFile(file: string): ProjectInspection {
  // No choice yet: the suggestion is read as the import would take it, but nothing depends on it here.
  const plan = readProjectFile(file);
  return {
    file: path.basename(file),
    name: plan.name,
    origin: plan.origin,
    counts: {
      sources: plan.sources.length + plan.skipped.length,
      codes: countCodes(plan.codes),
      codings: plan.sources.reduce((n, s) => n + s.codings.length, 0),
      memos: plan.notes.length,
      cases: plan.cases.length,
      variables: plan.variables.length,
    },
    variables: plan.variables.map(summarise),
    suggestedTypeVariable: plan.suggestedTypeVariable,
    defaultType: DEFAULT_TYPE,
  };
}

function summarise(variable: CaseVariable): CaseVariableSummary {
  const frequency = new Map<string, number>();
  for (const value of variable.values) frequency.set(value, (frequency.get(value) ?? 0) + 1);
  const byFrequency = [...frequency].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
  return { name: variable.name, type: variable.type, cases: variable.values.length, distinct: frequency.size, samples: byFrequency.slice(0, SAMPLES) };
}

function countCodes(codes: readonly PlannedCode[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}
