import { createHash } from 'node:crypto';

/**
 * The marker a publisher embeds in a post so the engine can find it after a crash.
 * Derived from the run id and platform: the same run always gets the same marker.
 */
export function publishMarker(runId: string, platform: string): string {
  return `rsm-${createHash('sha256').update(`${runId}\u0000${platform}`).digest('hex').slice(0, 20)}`;
}
