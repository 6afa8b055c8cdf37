/**
 * Why Google answers `invalid_grant` to a token refresh, and what to do — one text for every
 * Google-backed plugin (YouTube, Drive, the token manager), shown to users verbatim.
 *
 * @param account the account to log in again, as `reelsmith auth login <account>` names it
 * @param detail Google's `error_description`, when it sent one
 */
export function explainInvalidGrant(account: string, detail?: string): string {
  return [
    `the Google refresh token of "${account}" was refused (invalid_grant${detail ? `: ${detail}` : ''}).`,
    'Most often the OAuth app is an External app in "Testing" publishing status, whose refresh tokens expire after 7 days:',
    'set the OAuth consent screen to "In production" (Google Cloud console › APIs & Services › OAuth consent screen) and log in again.',
    'Other causes: access was revoked in the Google Account (Security › Third-party access), the token was unused for 6 months,',
    'the password changed, or too many refresh tokens were issued for this client (each new consent invalidates the oldest).',
    `Fix: run \`reelsmith auth login ${account}\`.`,
  ].join(' ');
}
