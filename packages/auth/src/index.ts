// Public API of @reelsmith/auth: the token manager, token stores and their types.
export { type AccountStatus, accountStatus } from './account-status.js';
export { authDefaults } from './auth-defaults.js';
export { explainInstagramExpired, explainInvalidGrant, readAuthorizationCode } from './explain.js';
export { createFileTokenStore } from './file-token-store.js';
export { type GoogleAppCredentials, googleError } from './google-tokens.js';
export type { InstagramAppCredentials, InstagramUrls } from './instagram-tokens.js';
export {
  type AccountKind,
  createTokenManager,
  type TokenManager,
  type TokenManagerOptions,
} from './token-manager.js';
export { type TokenProvider, type TokenRecord, tokenRecordSchema } from './token-record.js';
export { createMemoryTokenStore, type TokenStore } from './token-store.js';
