// Types of csv.mjs, for the TypeScript tests.

/** A CSV record: the line it starts on (1-based), its fields, and what is wrong with it, if anything. */
export interface CsvRecord {
  line: number;
  fields: string[];
  error?: string;
}

export declare function parseCsv(text: string): CsvRecord[];

export declare function toCsv(
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  options?: { guardFormulas?: boolean },
): string;
