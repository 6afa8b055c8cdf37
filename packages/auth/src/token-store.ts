import type { TokenRecord } from './token-record.js';

/** Where account tokens are kept. The file store is the default; bring your own (a vault, a database). */
export interface TokenStore {
  get(account: string): Promise<TokenRecord | undefined>;
  set(record: TokenRecord): Promise<void>;
  delete(account: string): Promise<void>;
  list(): Promise<TokenRecord[]>;
}

/** A {@link TokenStore} in memory, for tests and short-lived processes. */
export function createMemoryTokenStore(records: TokenRecord[] = []): TokenStore {
  const byAccount = new Map(records.map((record) => [record.account, structuredClone(record)]));
  return {
    get: async (account) => structuredClone(byAccount.get(account)),
    set: async (record) => {
      byAccount.set(record.account, structuredClone(record));
    },
    delete: async (account) => {
      byAccount.delete(account);
    },
    list: async () => [...byAccount.values()].map((record) => structuredClone(record)),
  };
}
