import type { DriveContext } from './drive-context.js';
import type { DriveShare } from './drive-settings.js';

/**
 * Grants the configured sharing on a file with `permissions.create`: `reader` for `anyone`
 * (with the link; `allowFileDiscovery: false`) or for a Workspace `domain`. Granting the same
 * permission twice changes nothing, so the step is retried like a read. A 403 (the admin forbids
 * such links) is an `invalid_input` error and the file stays private.
 */
export async function grantShare(
  drive: DriveContext,
  fileId: string,
  key: string,
  share: Exclude<DriveShare, 'none'>,
  signal: AbortSignal | undefined,
): Promise<void> {
  const permission =
    share === 'anyone-with-link'
      ? { role: 'reader', type: 'anyone', allowFileDiscovery: false }
      : { role: 'reader', type: 'domain', domain: share.domain, allowFileDiscovery: false };
  await drive.retry(
    () =>
      drive.http.send({
        method: 'POST',
        url: `drive/v3/files/${encodeURIComponent(fileId)}/permissions`,
        query: { fields: 'id,type,role', ...drive.drives() },
        headers: { 'content-type': 'application/json; charset=UTF-8' },
        body: JSON.stringify(permission),
        context: drive.describe(`share ${key}`, 'permission'),
        signal,
      }),
    signal,
    'share',
  );
}

/** The link people open: `webViewLink`, or the standard viewer URL when Drive sent none. */
export function viewLink(fileId: string, webViewLink: string | undefined): string {
  return webViewLink ?? `https://drive.google.com/file/d/${encodeURIComponent(fileId)}/view?usp=drivesdk`;
}
