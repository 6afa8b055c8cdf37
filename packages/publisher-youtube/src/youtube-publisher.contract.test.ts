import { describePublisherContract, type ExtraFault } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { draftFixture, fakeClientSecret, fakeOAuthClient, fakeRefreshToken } from './testing/fixtures.js';
import { googleHtmlError, youTubeErrors } from './testing/google-errors.js';
import { createFakeYouTube, fakeAccessToken, youTubeRoute } from './testing/youtube-service.js';
import { createYouTubePublisher } from './youtube-publisher.js';

const { media, draft } = await draftFixture();
const service = createFakeYouTube();

const create = ({ timeoutMs }: { timeoutMs: number }) =>
  createYouTubePublisher({
    auth: fakeOAuthClient(),
    account: 'contract-channel',
    privacyStatus: 'public',
    selfDeclaredMadeForKids: false,
    chunkSize: 256 * 1024,
    retryBaseMs: 1,
    timeoutMs,
  });

// Section 13.5 rows the first request (the session start) can produce. The rows about the upload
// itself (Y2–Y7), processing (Y11) and thumbnails (Y13) are in youtube-fault-rows.test.ts; Y1 (token
// endpoint) in auth-headers.test.ts.
const rows: ExtraFault[] = [
  {
    name: 'Y8: 403 quotaExceeded (youtube.quota) → quota',
    resolver: youTubeErrors.quotaExceeded(),
    expectKind: 'quota',
  },
  {
    name: 'Y9: 400 uploadLimitExceeded → quota (channel cap)',
    resolver: youTubeErrors.uploadLimitExceeded(),
    expectKind: 'quota',
  },
  {
    name: 'Y10: 400 invalidTitle → invalid_input',
    resolver: youTubeErrors.invalidTitle(),
    expectKind: 'invalid_input',
  },
  {
    name: 'Y12: 401 youtubeSignupRequired → invalid_input (account has no channel; no token refresh)',
    resolver: youTubeErrors.youtubeSignupRequired(),
    expectKind: 'invalid_input',
  },
  {
    name: '403 userRateLimitExceeded → rate_limit',
    resolver: youTubeErrors.userRateLimitExceeded(),
    expectKind: 'rate_limit',
  },
  {
    name: '403 forbidden (setting not allowed) → invalid_input',
    resolver: youTubeErrors.forbidden(),
    expectKind: 'invalid_input',
  },
  {
    name: '403 authenticatedUserAccountSuspended → auth',
    resolver: youTubeErrors.accountSuspended(),
    expectKind: 'auth',
  },
];

describePublisherContract({
  name: 'createYouTubePublisher (testkit publisher contract)',
  create,
  input: draft,
  invalidDraft: {
    ...draft,
    title: `<b>${'Kettle '.repeat(20)}</b>`,
    width: 1920,
    height: 1080,
    durationMs: 240_000,
  },
  media,
  route: youTubeRoute,
  success: service.handlers,
  faults: {
    unauthorized: { resolver: youTubeErrors.authError(), expectKind: 'auth' },
    // Scopes missing from the token: YouTube's most common 403 on videos.insert.
    forbidden: { resolver: youTubeErrors.insufficientPermissions(), expectKind: 'auth' },
    // There is no model: a 404 on the start URL is Google's HTML page for a wrong path (a bad uploadUrl).
    model_unavailable: { resolver: googleHtmlError(404, 'Not Found'), expectKind: 'invalid_input' },
    // YouTube validates metadata with 400, never 422.
    invalid_input: { resolver: youTubeErrors.invalidTitle(), expectKind: 'invalid_input' },
    rate_limited: {
      resolver: youTubeErrors.rateLimitExceeded({ 'retry-after': '7' }),
      expectKind: 'rate_limit',
      expectRetryAfterMs: 7000,
    },
    server_error: { resolver: youTubeErrors.backendError(500), expectKind: 'transient' },
    unavailable: { resolver: youTubeErrors.backendError(503), expectKind: 'transient' },
    html_error_page: { resolver: googleHtmlError(502, 'Bad Gateway'), expectKind: 'transient' },
    // The session start answers 200 with an empty body and a Location header: a body without Location is unusable.
    malformed_json: {
      resolver: () =>
        new HttpResponse('{"kind":"youtube#video","id":', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      expectKind: ['transient', 'unknown'],
    },
  },
  skipFaults: [
    {
      case: 'billing',
      reason:
        'the YouTube Data API is free: it has no 402 or billing state; a used-up allowance is 403 quotaExceeded (Y8, mapped to quota)',
    },
  ],
  extraFaults: rows,
  secrets: [fakeAccessToken, fakeRefreshToken, fakeClientSecret],
});
