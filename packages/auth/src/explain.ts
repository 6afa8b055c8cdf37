export { explainInvalidGrant } from '@reelsmith/core';

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
