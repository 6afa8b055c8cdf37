import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { redactValue } from '@reelsmith/core';
import type { Alert } from '../alert.js';
import type { DeliveryRecord } from './delivery-record.js';

/** One line of the local alert log. */
export type LocalLogEntry =
  | { type: 'alert'; at: string; alert: Alert }
  | { type: 'suppressed'; at: string; key: string; rule: string }
  | { type: 'delivery'; at: string; record: DeliveryRecord };

/** Where `createAlerts` keeps its local log: a JSONL file path, or a function. */
export type LocalLog = string | ((entry: LocalLogEntry) => void);

/**
 * @internal A writer for the local log: every raised alert and every delivery outcome, redacted,
 * one JSON line each (file mode 0600). Write failures are swallowed: the log must never break a
 * job. `flushed()` resolves when pending writes are done.
 */
export function createLocalLogWriter(target: LocalLog | undefined): {
  write(entry: LocalLogEntry): void;
  flushed(): Promise<void>;
} {
  if (target === undefined) return { write: () => undefined, flushed: async () => undefined };
  if (typeof target === 'function') {
    return {
      write(entry) {
        try {
          target(redactValue(entry));
        } catch {
          // A failing sink must not break alerting.
        }
      },
      flushed: async () => undefined,
    };
  }
  const file = path.resolve(target);
  let chain: Promise<void> = mkdir(path.dirname(file), { recursive: true }).then(
    () => undefined,
    () => undefined,
  );
  return {
    write(entry) {
      const line = `${JSON.stringify(redactValue(entry))}\n`;
      chain = chain.then(() => appendFile(file, line, { mode: 0o600 })).catch(() => undefined);
    },
    flushed: () => chain,
  };
}
