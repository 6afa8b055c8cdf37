import { describeJobSourceContract } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { createAirtableJobSource } from './airtable-job-source.js';
import {
  airtableError,
  createFakeAirtable,
  fakeToken,
  listRoute,
  readyRecords,
  uniqueBaseId,
} from './testing/airtable-service.js';

describeJobSourceContract({
  name: 'Airtable job source',
  // A base per source: a 429 pauses its base for 30 s, which must not hold back the next case.
  create: ({ timeoutMs }) =>
    createAirtableJobSource({ apiKey: fakeToken, baseId: uniqueBaseId(), table: 'Jobs', timeoutMs }),
  service: () => createFakeAirtable({ records: readyRecords('Kettle', 'Toaster', 'Blender') }).handlers,
  route: (resolver) => listRoute(resolver),
  secrets: [fakeToken],
  faults: {
    unauthorized: {
      resolver: airtableError(401, 'AUTHENTICATION_REQUIRED', 'Authentication required'),
    },
    forbidden: {
      resolver: airtableError(403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', 'Invalid permissions'),
    },
    // Airtable has no models: a 404 means a wrong base or table id, which the caller must fix.
    model_unavailable: {
      resolver: () => HttpResponse.json({ error: 'NOT_FOUND' }, { status: 404 }),
      expectKind: 'invalid_input',
    },
    invalid_input: {
      resolver: airtableError(
        422,
        'INVALID_FILTER_BY_FORMULA',
        'The formula for filtering records is invalid',
      ),
    },
    // Airtable sends no Retry-After; it asks for 30 s in its documentation.
    rate_limited: {
      resolver: airtableError(
        429,
        'TOO_MANY_REQUESTS',
        'You have made too many requests in a short period of time.',
      ),
      expectRetryAfterMs: 30_000,
    },
    server_error: { resolver: airtableError(500, 'SERVER_ERROR', 'Try again.') },
    unavailable: {
      resolver: airtableError(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable.'),
    },
  },
  skipFaults: [
    {
      case: 'billing',
      reason:
        'Airtable never answers 402; its plan limit is a 429 PUBLIC_API_BILLING_LIMIT_EXCEEDED (extra fault below → quota)',
    },
  ],
  extraFaults: [
    {
      name: 'A1b: 429 PUBLIC_API_BILLING_LIMIT_EXCEEDED → quota',
      resolver: airtableError(429, 'PUBLIC_API_BILLING_LIMIT_EXCEEDED', 'API billing plan limit exceeded'),
      expectKind: 'quota',
    },
    {
      name: '413 REQUEST_TOO_LARGE → invalid_input',
      resolver: airtableError(413, 'REQUEST_TOO_LARGE', 'Request body is too large'),
      expectKind: 'invalid_input',
    },
    {
      name: '400 INVALID_REQUEST_UNKNOWN → invalid_input',
      resolver: airtableError(400, 'INVALID_REQUEST_UNKNOWN', 'Invalid request: parameter validation failed'),
      expectKind: 'invalid_input',
    },
  ],
});
