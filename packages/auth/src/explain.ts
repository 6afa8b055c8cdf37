/** Why Google answers `invalid_grant` to a refresh, and what to do (shown to users verbatim). */
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

/** Why an Instagram token cannot be refreshed, and what to do. */
export function explainInstagramExpired(account: string, detail?: string): string {
  return (
    `the Instagram token of "${account}" has expired or was invalidated${detail ? ` (${detail})` : ''}; ` +
    'an expired long-lived token cannot be refreshed (a password change, removing the app or a security checkpoint also invalidate it). ' +
    `Fix: run \`reelsmith auth login ${account}\`, and keep \`reelsmith auth refresh\` scheduled (the worker does it) so tokens never reach 60 days.`
  );
}

/** The `code` from an OAuth redirect: accepts the bare code or the whole redirected URL. */
export function readAuthorizationCode(input: string): string {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    const url = new URL(text);
    const error = url.searchParams.get('error');
    if (error)
      throw new Error(
        `the login was refused: ${error} ${url.searchParams.get('error_description') ?? ''}`.trim(),
      );
    const code = url.searchParams.get('code');
    if (!code)
      throw new Error(
        'the pasted URL has no `code` parameter; paste the whole address the browser was sent to',
      );
    return code.replace(/#_$/, '');
  }
  if (text === '') throw new Error('no authorization code given');
  return text.replace(/#_$/, '');
}
