import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, registerSecret, writeFileAtomic } from '@reelsmith/core';
import { z } from 'zod';
import { type TokenRecord, tokenRecordSchema } from './token-record.js';
import type { TokenStore } from './token-store.js';

const fileSchema = z.object({ version: z.literal(1), accounts: z.record(z.string(), tokenRecordSchema) });

/**
 * A {@link TokenStore} in one JSON file written atomically with mode 0600 (only the owner can
 * read it; a looser mode found on disk is tightened). Every token read is registered as a
 * secret, so it never appears in events, errors or logs. Writes in one process are serialized.
 *
 * @example
 * ```ts
 * const store = createFileTokenStore('.reelsmith/tokens.json');
 * ```
 */
export function createFileTokenStore(file: string): TokenStore {
  const absolute = path.resolve(file);
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const read = async (): Promise<Record<string, TokenRecord>> => {
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    if (((await stat(absolute)).mode & 0o077) !== 0) await chmod(absolute, 0o600);
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(text));
    } catch (cause) {
      throw new ConfigError(
        'createFileTokenStore',
        [
          {
            field: 'file',
            problem: `${absolute} is not a Reelsmith token file (it does not parse)`,
            fix: 'restore it from a backup, or delete it and log in again with `reelsmith auth login <account>`',
          },
        ],
        { cause },
      );
    }
    for (const record of Object.values(parsed.accounts)) {
      registerSecret(
        ...[record.accessToken, record.refreshToken].filter((value): value is string => !!value),
      );
    }
    return parsed.accounts;
  };

  const write = async (accounts: Record<string, TokenRecord>) => {
    await mkdir(path.dirname(absolute), { recursive: true, mode: 0o700 });
    await writeFileAtomic(absolute, `${JSON.stringify({ version: 1, accounts }, null, 2)}\n`, {
      mode: 0o600,
    });
  };

  return {
    get: (account) => serialize(async () => (await read())[account]),
    set: (record) =>
      serialize(async () => {
        const valid = tokenRecordSchema.parse(record);
        registerSecret(
          ...[valid.accessToken, valid.refreshToken].filter((value): value is string => !!value),
        );
        await write({ ...(await read()), [valid.account]: valid });
      }),
    delete: (account) =>
      serialize(async () => {
        const { [account]: _removed, ...rest } = await read();
        await write(rest);
      }),
    list: () => serialize(async () => Object.values(await read())),
  };
}
