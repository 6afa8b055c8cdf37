import type { ProviderErrorKind } from '@reelsmith/core';
import type { HttpResponseResolver } from 'msw';
import {
  dropConnection,
  forbidden,
  htmlErrorPage,
  malformedJson,
  neverAnswer,
  notFound,
  paymentRequired,
  rateLimited,
  serverError,
  unauthorized,
  unprocessable,
} from '../msw/faults.js';

/** The failure answers every HTTP provider's contract suite serves. */
export type FaultCase =
  | 'unauthorized'
  | 'billing'
  | 'forbidden'
  | 'model_unavailable'
  | 'invalid_input'
  | 'rate_limited'
  | 'server_error'
  | 'unavailable'
  | 'dropped_connection'
  | 'timeout'
  | 'malformed_json'
  | 'html_error_page';

/** The `Retry-After` the default `rate_limited` fault sends, in seconds. */
export const defaultRetryAfterSeconds = 7;

/** The request timeout the suites give a provider in the `timeout` case, in milliseconds. */
export const faultTimeoutMs = 300;

/** A fault answer and the error kinds a provider may map it to. */
export interface FaultExpectation {
  resolver: HttpResponseResolver;
  kinds: readonly ProviderErrorKind[];
}

/** Builds the default answer and expected kinds of each case (fresh resolvers each time). */
export function defaultFault(faultCase: FaultCase): FaultExpectation {
  switch (faultCase) {
    case 'unauthorized':
      return { resolver: unauthorized(), kinds: ['auth'] };
    case 'billing':
      return { resolver: paymentRequired(), kinds: ['billing'] };
    case 'forbidden':
      return { resolver: forbidden(), kinds: ['auth'] };
    case 'model_unavailable':
      return { resolver: notFound(), kinds: ['model_unavailable'] };
    case 'invalid_input':
      return { resolver: unprocessable(), kinds: ['invalid_input'] };
    case 'rate_limited':
      return {
        resolver: rateLimited({ retryAfterSeconds: defaultRetryAfterSeconds }),
        kinds: ['rate_limit'],
      };
    case 'server_error':
      return { resolver: serverError(500), kinds: ['transient'] };
    case 'unavailable':
      return { resolver: serverError(503), kinds: ['transient'] };
    case 'dropped_connection':
      return { resolver: dropConnection(), kinds: ['transient'] };
    case 'timeout':
      return { resolver: neverAnswer(), kinds: ['transient'] };
    case 'malformed_json':
      return { resolver: malformedJson(), kinds: ['transient', 'unknown'] };
    case 'html_error_page':
      return { resolver: htmlErrorPage(502), kinds: ['transient'] };
  }
}

/** Every {@link FaultCase}, in the order the suites run them. */
export const faultCases: readonly FaultCase[] = [
  'unauthorized',
  'billing',
  'forbidden',
  'model_unavailable',
  'invalid_input',
  'rate_limited',
  'server_error',
  'unavailable',
  'dropped_connection',
  'timeout',
  'malformed_json',
  'html_error_page',
];
