import path from 'node:path';
import {
  type AccountKind,
  type AccountStatus,
  createFileTokenStore,
  createTokenManager,
  type TokenManager,
  type TokenManagerOptions,
} from '@reelsmith/auth';
import { exitCodes, UsageError } from '../exit-codes.js';
import type { ProgressOutput } from '../progress/progress-view.js';

/** Flags of `reelsmith auth …`. */
export interface AuthFlags {
  /** The token file; default `<data-dir>/tokens.json`. */
  tokens?: string;
  dataDir?: string;
  /** `youtube`, `gdrive` or `instagram`; default: the account name when it is one of those. */
  kind?: string;
  /** The code or redirected URL, instead of reading it from standard input. */
  code?: string;
}

/** What the auth commands need from the outside world. */
export interface AuthEnvironment {
  env: NodeJS.ProcessEnv;
  /** Reads one line the user typed (undefined when there is no terminal). */
  readLine?: (prompt: string) => Promise<string | undefined>;
  /** Overrides for tests (endpoints, clock). */
  managerOptions?: Partial<TokenManagerOptions>;
}

const kinds: readonly AccountKind[] = ['youtube', 'gdrive', 'instagram'];

/** The token manager from the environment: Google and Instagram app credentials, the token file. */
export function tokenManagerFrom(flags: AuthFlags, environment: AuthEnvironment): TokenManager {
  const { env } = environment;
  const file = path.resolve(flags.tokens ?? path.join(flags.dataDir ?? '.reelsmith', 'tokens.json'));
  const google =
    env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
      ? {
          clientId: env.GOOGLE_CLIENT_ID,
          clientSecret: env.GOOGLE_CLIENT_SECRET,
          ...(env.GOOGLE_REDIRECT_URI ? { redirectUri: env.GOOGLE_REDIRECT_URI } : {}),
          testingMode: /^(1|true)$/i.test(env.GOOGLE_OAUTH_TESTING ?? ''),
        }
      : undefined;
  const instagram =
    env.INSTAGRAM_APP_ID && env.INSTAGRAM_APP_SECRET && env.INSTAGRAM_REDIRECT_URI
      ? {
          appId: env.INSTAGRAM_APP_ID,
          appSecret: env.INSTAGRAM_APP_SECRET,
          redirectUri: env.INSTAGRAM_REDIRECT_URI,
          host: env.INSTAGRAM_LOGIN === 'facebook' ? ('facebook' as const) : ('instagram' as const),
        }
      : undefined;
  return createTokenManager({
    store: createFileTokenStore(file),
    ...(google ? { google } : {}),
    ...(instagram ? { instagram } : {}),
    ...environment.managerOptions,
  });
}

function kindOf(account: string, flags: AuthFlags): AccountKind {
  const kind = flags.kind ?? account;
  if ((kinds as readonly string[]).includes(kind)) return kind as AccountKind;
  throw new UsageError(`--kind must be one of ${kinds.join(', ')} for account "${account}"`);
}

/** `reelsmith auth login <account>`: prints the consent URL, reads the code, stores the tokens. */
export async function authLoginCommand(
  account: string,
  flags: AuthFlags,
  output: ProgressOutput,
  environment: AuthEnvironment,
): Promise<number> {
  const kind = kindOf(account, flags);
  const manager = tokenManagerFrom(flags, environment);
  const url = manager.loginUrl(account, kind);
  output.write(
    `Open this URL in any browser, sign in and allow access:\n\n  ${url}\n\n` +
      'The browser then goes to the redirect address (it may show an error page: that is fine).\n',
  );
  const code =
    flags.code ??
    (await environment.readLine?.('Paste the whole address from the browser bar (or just the code): '));
  if (!code)
    throw new UsageError('no code given: paste it when asked, or pass --code "<code or redirected URL>"');
  const record = await manager.completeLogin(account, kind, code);
  output.write(
    `Logged in "${account}" (${record.provider})${record.expiresAt ? `, expires ${record.expiresAt}` : ''}.\n`,
  );
  return exitCodes.ok;
}

/** `reelsmith auth status`: every account and when it expires. Exit 1 when one needs attention. */
export async function authStatusCommand(
  flags: AuthFlags,
  output: ProgressOutput,
  environment: AuthEnvironment,
): Promise<number> {
  const statuses = await tokenManagerFrom(flags, environment).checkExpiry();
  if (statuses.length === 0) {
    output.write('No accounts. Log one in with: reelsmith auth login youtube|gdrive|instagram\n');
    return exitCodes.ok;
  }
  for (const status of statuses) output.write(`${formatStatus(status)}\n`);
  return statuses.every((status) => status.state === 'ok') ? exitCodes.ok : exitCodes.someFailed;
}

/** `reelsmith auth refresh [account]`: refreshes one account, or every account. */
export async function authRefreshCommand(
  account: string | undefined,
  flags: AuthFlags,
  output: ProgressOutput,
  environment: AuthEnvironment,
): Promise<number> {
  const manager = tokenManagerFrom(flags, environment);
  const accounts = account ? [account] : (await manager.status()).map((status) => status.account);
  let failed = 0;
  for (const name of accounts) {
    try {
      const record = await manager.refresh(name);
      output.write(`✓ ${name} refreshed${record.expiresAt ? ` (expires ${record.expiresAt})` : ''}\n`);
    } catch (error) {
      failed += 1;
      output.write(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return failed === 0 ? exitCodes.ok : exitCodes.someFailed;
}

function formatStatus(status: AccountStatus): string {
  const when = status.expiresAt ? ` — expires ${status.expiresAt} (${status.daysLeft} days)` : '';
  const label = { ok: '✓ ok', expiring: '! expiring', expired: '✗ expired', 'needs-login': '✗ needs login' }[
    status.state
  ];
  return `${label.padEnd(14)} ${status.account} (${status.provider})${when}${status.reason ? `\n               ${status.reason}` : ''}`;
}
