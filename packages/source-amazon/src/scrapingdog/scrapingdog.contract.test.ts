import { describeProductSourceContract, type ExtraFault } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import {
  scrapingDogFailure,
  scrapingDogProductRoute,
  scrapingDogSearchRoute,
  scrapingDogSuccess,
  scrapingDogTestKey,
} from '../testing/scrapingdog-service.js';
import { createScrapingDogSource } from './scrapingdog-source.js';

const create = ({ timeoutMs }: { timeoutMs: number }) =>
  createScrapingDogSource({ apiKey: scrapingDogTestKey, timeoutMs });

// Section 13.10 rows that are single answers; the multi-step rows (S5, S6 retry, S7) are in scrapingdog-source.test.ts.
const rows: ExtraFault[] = [
  {
    name: 'S1: 403 credits exhausted → billing (no retry)',
    resolver: scrapingDogFailure(403, 'You have exhausted your credits. Please upgrade your plan.'),
    expectKind: 'billing',
  },
  {
    name: 'S2: 410 → transient',
    resolver: scrapingDogFailure(410, 'Request timed out'),
    expectKind: 'transient',
  },
  {
    name: 'S3: 429 → rate_limit',
    resolver: scrapingDogFailure(429, 'Concurrency limit reached'),
    expectKind: 'rate_limit',
  },
  {
    name: 'S4: 404 → invalid_input (skipped as not found)',
    resolver: scrapingDogFailure(404, 'Product not found'),
    expectKind: 'invalid_input',
  },
  {
    name: 'S6: 200 {"success":false} twice → invalid_input (failed scrape, skipped)',
    resolver: () => HttpResponse.json({ success: false, message: 'Scraping failed' }),
    expectKind: 'invalid_input',
  },
];

describeProductSourceContract({
  name: 'createScrapingDogSource (testkit product-source contract)',
  create,
  input: { asin: 'B0C1234567' },
  missingQuery: { asin: 'B000000000' },
  route: scrapingDogProductRoute,
  success: scrapingDogSuccess(),
  faults: {
    unauthorized: { resolver: scrapingDogFailure(401, 'Invalid API key'), expectKind: 'auth' },
    // ScrapingDog signals exhausted credits with 403; a 402 is read the same way.
    billing: { resolver: scrapingDogFailure(402, 'Payment required'), expectKind: 'billing' },
    forbidden: {
      resolver: scrapingDogFailure(403, 'Your plan does not include this endpoint'),
      expectKind: 'billing',
    },
    model_unavailable: {
      resolver: scrapingDogFailure(404, 'Product not found'),
      expectKind: 'invalid_input',
    },
    invalid_input: { resolver: scrapingDogFailure(400, 'Invalid domain'), expectKind: 'invalid_input' },
  },
  extraFaults: rows,
  secrets: [scrapingDogTestKey],
});

describeProductSourceContract({
  name: 'createScrapingDogSource with a title (search, then the best match)',
  create,
  input: { title: 'HydroPeak insulated water bottle 32oz' },
  missingQuery: { title: 'zzqx nonexistent gadget' },
  route: scrapingDogSearchRoute,
  success: scrapingDogSuccess(),
  faults: {
    unauthorized: { resolver: scrapingDogFailure(401, 'Invalid API key'), expectKind: 'auth' },
    billing: { resolver: scrapingDogFailure(402, 'Payment required'), expectKind: 'billing' },
    forbidden: {
      resolver: scrapingDogFailure(403, 'You have exhausted your credits.'),
      expectKind: 'billing',
    },
    model_unavailable: { resolver: scrapingDogFailure(404, 'Not found'), expectKind: 'invalid_input' },
    invalid_input: { resolver: scrapingDogFailure(400, 'Invalid domain'), expectKind: 'invalid_input' },
  },
  secrets: [scrapingDogTestKey],
});
