import Airtable from 'airtable';
import { describe, expect, it } from 'vitest';
import { airtableProviderError, type ErrorContext, readFailure } from './airtable-error.js';

const context: ErrorContext = {
  provider: 'airtable:appA1b2C3d4E5f6G7/Jobs',
  baseId: 'appA1b2C3d4E5f6G7',
  table: 'Jobs',
  rateLimitPauseMs: 30_000,
  typecast: false,
};

const map = (type: string, message: string, status: number | undefined, extra: Partial<ErrorContext> = {}) =>
  airtableProviderError({ type, message, status }, { ...context, ...extra });

describe('Airtable error mapping', () => {
  it("reads the package's AirtableError { error, message, statusCode }", () => {
    const failure = readFailure(
      new Airtable.Error('CONNECTION_ERROR', 'The user aborted a request.', null as never),
    );
    expect(failure).toEqual({
      type: 'CONNECTION_ERROR',
      message: 'The user aborted a request.',
      status: undefined,
    });
    expect(map(failure.type, failure.message, failure.status).kind).toBe('transient');
  });

  it('treats the invalid-JSON error the package reports for an HTML page as transient', () => {
    const error = map('UNEXPECTED_ERROR', 'The response from Airtable was invalid JSON.', 502);
    expect(error.kind).toBe('transient');
    expect(error.status).toBe(502);
  });

  it('names the column of INVALID_VALUE_FOR_COLUMN in both message forms', () => {
    expect(
      map('INVALID_VALUE_FOR_COLUMN', 'Field "Price" cannot accept the provided value', 422).message,
    ).toContain('field "Price"');
    const other = map('INVALID_VALUE_FOR_COLUMN', 'Cannot parse value "abc" for field Cost (USD)', 422, {
      written: { 'Cost (USD)': 'abc' },
    });
    expect(other.message).toContain('field "Cost (USD)"');
    expect(other.message).toContain('a string was sent');
  });

  it('traces a rejected select option back to the column that was written with it', () => {
    const error = map(
      'INVALID_MULTIPLE_CHOICE_OPTIONS',
      'Insufficient permissions to create new select option ""Done""',
      422,
      {
        written: { Status: 'Done', 'Run ID': 'run-1' },
      },
    );
    expect(error.message).toContain('field "Status" has no option "Done"');
  });

  it('maps other statuses: 402 billing, 409 unknown, 500 transient; never retries quota', () => {
    expect(map('PAYMENT_REQUIRED', '', 402).kind).toBe('billing');
    expect(map('CONFLICT', '', 409).kind).toBe('unknown');
    expect(map('SERVER_ERROR', '', 500).retryable).toBe(true);
    expect(map('PUBLIC_API_BILLING_LIMIT_EXCEEDED', 'API billing plan limit exceeded', 429).retryable).toBe(
      false,
    );
  });
});
