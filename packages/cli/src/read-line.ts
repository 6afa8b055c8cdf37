import { createInterface } from 'node:readline/promises';

/** Reads one line from the terminal; undefined when standard input is not a terminal (CI, pipes). */
export async function readLineFromTerminal(prompt: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const reader = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await reader.question(prompt)).trim();
  } finally {
    reader.close();
  }
}
