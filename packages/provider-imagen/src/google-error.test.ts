import { describe, expect, it } from 'vitest';
import { errorReasons, parseErrorBody, quotaViolations, retryDelayMs } from './google-error.js';

describe('google error envelope', () => {
  it('parses the envelope, an array-wrapped envelope and plain text', () => {
    expect(parseErrorBody('{"error":{"code":404,"status":"NOT_FOUND"}}').error).toMatchObject({ code: 404 });
    expect(parseErrorBody('[{"error":{"code":429,"status":"RESOURCE_EXHAUSTED"}}]').error?.status).toBe(
      'RESOURCE_EXHAUSTED',
    );
    expect(parseErrorBody('Bad Gateway')).toEqual({ body: 'Bad Gateway', error: undefined });
  });

  it('reads ErrorInfo reasons and the legacy errors[] reasons', () => {
    const reasons = errorReasons({
      details: [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'BILLING_DISABLED' },
        { '@type': 'x' },
      ],
      errors: [{ reason: 'rateLimitExceeded' }],
    });
    expect(reasons).toEqual(['BILLING_DISABLED', 'rateLimitExceeded']);
  });

  it('reads QuotaFailure violations and RetryInfo delays', () => {
    const error = {
      message: 'Please retry in 250ms',
      details: [
        { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId: 'A-FreeTier' }] },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.5s' },
      ],
    };
    expect(quotaViolations(error)).toEqual([{ quotaId: 'A-FreeTier' }]);
    expect(retryDelayMs(error)).toBe(500);
    expect(retryDelayMs({ message: 'Please retry in 250ms' })).toBe(250);
    expect(retryDelayMs({ message: 'no delay' })).toBeUndefined();
  });
});
