import { z } from 'zod';

/** The identity providers whose tokens the manager keeps. */
export const tokenProviderSchema = z.enum(['google', 'instagram', 'facebook']);
/** An identity provider. */
export type TokenProvider = z.infer<typeof tokenProviderSchema>;

/** One account's tokens as stored (file mode 0600). Times are ISO 8601. */
export const tokenRecordSchema = z.object({
  provider: tokenProviderSchema,
  /** Your name for the account, e.g. `youtube`, `gdrive`, `instagram`, `youtube-brand-2`. */
  account: z.string().min(1),
  accessToken: z.string().min(1).optional(),
  /** Google only: the long-lived refresh token. */
  refreshToken: z.string().min(1).optional(),
  /** When the access token expires (Instagram: the long-lived token itself). */
  expiresAt: z.string().optional(),
  /** When the current token was issued (Instagram tokens can be refreshed only after 24 h). */
  obtainedAt: z.string(),
  scopes: z.array(z.string()).optional(),
  /** Set when the token can no longer be refreshed: why, and what to do. */
  needsLogin: z.object({ reason: z.string(), at: z.string() }).optional(),
});

/** One account's stored tokens. */
export type TokenRecord = z.infer<typeof tokenRecordSchema>;
