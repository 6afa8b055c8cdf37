import { ProviderError, ReelsmithError } from '@reelsmith/core';

/** The provider id in every error this package throws. */
export const providerId = 'remotion';

const transientPatterns = [
  /target closed/i,
  /session closed/i,
  /browser (has )?(disconnected|closed|crashed)/i,
  /page crashed/i,
  /protocol error/i,
  /timed? ?out/i,
  /timeout/i,
  /not cleared after/i,
  /navigation failed/i,
  /ECONNRESET|ECONNREFUSED|EPIPE/,
  /net::ERR_/,
  /websocket/i,
  /failed to launch/i,
  /SIGKILL|SIGSEGV|SIGTRAP|SIGABRT/,
];

const inputPatterns = [/error loading image/i, /could not load (image|audio)/i, /MediaError|decode/i];

/**
 * Maps a failure of a Remotion call into the Reelsmith taxonomy: browser crashes, disconnects and
 * timeouts become a retryable `transient` ProviderError, media the browser cannot load become
 * `invalid_input`, anything else `unknown`. Reelsmith errors pass through unchanged.
 */
export function mapRenderError(error: unknown, action: string): Error {
  if (ReelsmithError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]?.slice(0, 300) ?? '';
  if (transientPatterns.some((pattern) => pattern.test(message))) {
    return new ProviderError({
      kind: 'transient',
      provider: providerId,
      message: `${action} failed, the browser crashed or timed out (${firstLine}). It will be retried.`,
      cause: error,
    });
  }
  if (inputPatterns.some((pattern) => pattern.test(message))) {
    return new ProviderError({
      kind: 'invalid_input',
      provider: providerId,
      message: `${action} failed: a scene image or the audio could not be loaded (${firstLine}). Check the media.`,
      cause: error,
    });
  }
  return new ProviderError({
    kind: 'unknown',
    provider: providerId,
    message: `${action} failed: ${firstLine}`,
    cause: error,
  });
}
