import { describeProductSourceContract, type ExtraFault } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import {
  creatorsApiSuccess,
  creatorsFailure,
  creatorsGetItemsRoute,
  creatorsSearchItemsRoute,
  creatorsTestCredentials,
} from '../testing/creators-api-service.js';
import { createCreatorsApiSource } from './creators-api-source.js';

const create = ({ timeoutMs }: { timeoutMs: number }) =>
  createCreatorsApiSource({ ...creatorsTestCredentials, partnerTag: 'mychannel-20', timeoutMs });

const rows: ExtraFault[] = [
  {
    name: 'S8 analogue: 200 with errors[ItemNotAccessible] for the ASIN → invalid_input',
    resolver: () =>
      HttpResponse.json({
        errors: [
          {
            code: 'ItemNotAccessible',
            message: 'The ItemId B0C1234567 is not accessible through the Creators API.',
          },
        ],
      }),
    expectKind: 'invalid_input',
  },
  {
    name: 'S9 analogue: 429 TooManyRequests → rate_limit',
    resolver: creatorsFailure(429, 'TooManyRequests', 'The request was denied due to request throttling.'),
    expectKind: 'rate_limit',
  },
  {
    name: 'S10 analogue: an answer from the retired PA-API → model_unavailable (migrate)',
    resolver: () =>
      HttpResponse.json(
        {
          __type: 'com.amazon.paapi5#ResourceNotFoundException',
          Errors: [{ Code: 'ResourceNotFound', Message: 'The API is retired.' }],
        },
        { status: 404 },
      ),
    expectKind: 'model_unavailable',
  },
  {
    name: '403 AssociateNotEligible → auth (10 qualifying sales needed)',
    resolver: creatorsFailure(
      403,
      'AssociateNotEligible',
      'Your account does not currently meet the eligibility requirements.',
    ),
    expectKind: 'auth',
  },
];

describeProductSourceContract({
  name: 'createCreatorsApiSource (testkit product-source contract)',
  create,
  input: { asin: 'B0C1234567' },
  missingQuery: { asin: 'B000000000' },
  route: creatorsGetItemsRoute,
  success: creatorsApiSuccess(),
  faults: {
    unauthorized: {
      resolver: creatorsFailure(401, 'Unauthorized', 'The access token is invalid or expired.'),
      expectKind: 'auth',
    },
    forbidden: {
      resolver: creatorsFailure(403, 'AccessDeniedException', 'Access denied.'),
      expectKind: 'auth',
    },
    invalid_input: {
      resolver: creatorsFailure(400, 'InvalidParameterValue', 'The value provided for ItemIds is invalid.'),
      expectKind: 'invalid_input',
    },
    rate_limited: {
      resolver: creatorsFailure(429, 'TooManyRequests', 'Throttled.', { 'retry-after': '7' }),
      expectKind: 'rate_limit',
    },
  },
  skipFaults: [
    {
      case: 'billing',
      reason:
        'the Creators API is free: it never asks for payment (lost eligibility is a 403, covered by the forbidden case)',
    },
  ],
  extraFaults: rows,
  secrets: [creatorsTestCredentials.credentialSecret],
});

describeProductSourceContract({
  name: 'createCreatorsApiSource with a title (searchItems)',
  create,
  input: { title: 'HydroPeak insulated water bottle 32oz' },
  missingQuery: { title: 'zzqx nonexistent gadget' },
  route: creatorsSearchItemsRoute,
  success: creatorsApiSuccess(),
  faults: {
    unauthorized: {
      resolver: creatorsFailure(401, 'Unauthorized', 'The access token is invalid or expired.'),
      expectKind: 'auth',
    },
    forbidden: {
      resolver: creatorsFailure(403, 'AccessDeniedException', 'Access denied.'),
      expectKind: 'auth',
    },
    invalid_input: {
      resolver: creatorsFailure(400, 'InvalidParameterValue', 'Keywords is invalid.'),
      expectKind: 'invalid_input',
    },
    rate_limited: {
      resolver: creatorsFailure(429, 'TooManyRequests', 'Throttled.', { 'retry-after': '7' }),
      expectKind: 'rate_limit',
    },
  },
  skipFaults: [{ case: 'billing', reason: 'the Creators API is free: it never asks for payment' }],
  secrets: [creatorsTestCredentials.credentialSecret],
});
