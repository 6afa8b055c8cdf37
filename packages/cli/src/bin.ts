#!/usr/bin/env node
import { runCli } from './cli.js';
import { readLineFromTerminal } from './read-line.js';

const code = await runCli(process.argv.slice(2), {
  stdout: {
    write: (text) => process.stdout.write(text),
    isTTY: process.stdout.isTTY,
    columns: process.stdout.columns,
  },
  stderr: { write: (text) => process.stderr.write(text) },
  auth: { readLine: readLineFromTerminal },
});
process.exitCode = code;
