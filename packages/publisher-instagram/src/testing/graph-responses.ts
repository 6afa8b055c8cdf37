import { HttpResponse, type HttpResponseResolver } from 'msw';

/** The fields of a Graph API error envelope. */
export interface GraphErrorFields {
  message: string;
  code: number;
  subcode?: number;
  type?: string;
  isTransient?: boolean;
  userTitle?: string;
  userMessage?: string;
}

let trace = 0;

/** A Graph API error answer: `{"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}}`. */
export function graphErrorResponse(
  status: number,
  fields: GraphErrorFields,
  headers: Record<string, string> = {},
) {
  trace += 1;
  const fbtraceId = `AbCdEf${String(trace).padStart(6, '0')}`;
  return HttpResponse.json(
    {
      error: {
        message: fields.message,
        type: fields.type ?? 'OAuthException',
        code: fields.code,
        ...(fields.subcode !== undefined ? { error_subcode: fields.subcode } : {}),
        is_transient: fields.isTransient ?? false,
        ...(fields.userTitle ? { error_user_title: fields.userTitle } : {}),
        ...(fields.userMessage ? { error_user_msg: fields.userMessage } : {}),
        fbtrace_id: fbtraceId,
      },
    },
    { status, headers: { 'x-fb-trace-id': fbtraceId, ...headers } },
  );
}

/** A resolver answering {@link graphErrorResponse} every time. */
export function graphError(
  status: number,
  fields: GraphErrorFields,
  headers: Record<string, string> = {},
): HttpResponseResolver {
  return () => graphErrorResponse(status, fields, headers);
}

/** The upload host's error answer: `{"debug_info":{"retriable","type","message"}}`. */
export function ruploadErrorResponse(status: number, type: string, message: string, retriable = false) {
  return HttpResponse.json({ debug_info: { retriable, type, message } }, { status });
}

/** Real answers of the section-13.7 rows and of common failures, for tests and overrides. */
export const graphErrors = {
  /** 190 / 463: the long-lived token expired. */
  tokenExpired: {
    message:
      'Error validating access token: Session has expired on Tuesday, 24-Nov-26 01:00:00 PST. The current time is Tuesday, 24-Nov-26 02:00:00 PST.',
    code: 190,
    subcode: 463,
  },
  /** 190: a token the service cannot parse. */
  tokenInvalid: { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 },
  /** 10: the app lacks a permission. */
  permission: { message: '(#10) Application does not have permission for this action', code: 10 },
  /** 100 / 33: unknown object (a wrong IG user id). */
  unknownObject: {
    message:
      "Unsupported post request. Object with ID '17841400000000009' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
  },
  /** 100: a parameter was rejected. */
  invalidParameter: { message: '(#100) The parameter media_type is required', code: 100 },
  /** 4: app-level rate limit. */
  rateLimited: { message: '(#4) Application request limit reached', code: 4, isTransient: true },
  /** 2: an unexpected server error. */
  unexpected: {
    message: 'An unexpected error has occurred. Please retry your request later.',
    code: 2,
    isTransient: true,
  },
  /** 9 / 2207042: the publishing limit is reached. */
  publishingLimit: {
    message: 'Application request limit reached',
    code: 9,
    subcode: 2207042,
    userTitle: 'Reached maximum number of posts',
    userMessage:
      'You reached maximum number of posts that is allowed to be published by Content Publish API.',
  },
  /** 9007 / 2207027: the container is not ready. */
  notReady: {
    message: 'The media is not ready for publishing, please wait for a moment',
    code: 9007,
    subcode: 2207027,
    userTitle: 'Media ID is not available',
    userMessage: 'The media is not ready for publishing, please wait for a moment',
  },
  /** -2 / 2207003: downloading `video_url` timed out. */
  downloadTimeout: {
    message: 'Timeout',
    code: -2,
    subcode: 2207003,
    isTransient: true,
    userTitle: 'Timeout',
    userMessage: 'It takes too long to download the media.',
  },
  /** 9004 / 2207052: the media could not be fetched from the URL. */
  fetchFailed: {
    message: 'Only photo or video can be accepted as media type.',
    code: 9004,
    subcode: 2207052,
    userTitle: 'Media download has failed.',
    userMessage: 'The media could not be fetched from this URI.',
  },
  /** 100 / 2207057: `thumb_offset` outside the video. */
  thumbOffset: {
    message: 'Invalid parameter',
    code: 100,
    subcode: 2207057,
    userTitle: 'Invalid thumbnail offset',
    userMessage: 'The thumbnail offset is greater than the video length.',
  },
  /** 100 / 36003: the aspect ratio is not supported. */
  aspectRatio: {
    message: 'Invalid parameter',
    code: 100,
    subcode: 36003,
    userTitle: 'Unsupported aspect ratio',
    userMessage: 'The aspect ratio is not supported.',
  },
} satisfies Record<string, GraphErrorFields>;
