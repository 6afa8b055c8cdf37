import { delay, type HttpHandler, HttpResponse, type HttpResponseResolver, http } from 'msw';
import { titleTokens } from '../best-match.js';

/** The Creators API base URL. */
export const creatorsApiBase = 'https://creatorsapi.amazon/catalog/v1';
/** The NA (credential version 3.1) token endpoint. */
export const creatorsTokenUrl = 'https://api.amazon.com/auth/o2/token';
/** Fake credentials the fake service accepts. Obviously not real. */
export const creatorsTestCredentials = {
  credentialId: 'amzn1.application-oa2-client.test-id-not-real',
  credentialSecret: 'creators-test-secret-not-real',
};

/** A Creators API item, lowerCamelCase. */
export type CreatorsItem = Record<string, unknown>;

/** Builds a Creators API item. */
export function creatorsItem(
  asin: string,
  title: string,
  options: {
    amount?: number;
    currency?: string;
    availability?: string;
    brand?: string;
    features?: string[];
  } = {},
): CreatorsItem {
  return {
    asin,
    detailPageURL: `https://www.amazon.com/dp/${asin}?tag=mychannel-20&linkCode=ogi&th=1&psc=1`,
    itemInfo: {
      title: { displayValue: title, label: 'Title', locale: 'en_US' },
      byLineInfo: { brand: { displayValue: options.brand ?? 'HydroPeak' } },
      features: { displayValues: options.features ?? ['Keeps drinks cold 24 hours'] },
      classifications: { productGroup: { displayValue: 'Kitchen' } },
    },
    images: {
      primary: {
        large: { url: `https://m.media-amazon.com/images/I/${asin}L.jpg`, height: 500, width: 500 },
      },
      variants: [
        { large: { url: `https://m.media-amazon.com/images/I/${asin}V1.jpg`, height: 500, width: 500 } },
      ],
    },
    offersV2: {
      listings:
        options.amount === undefined
          ? []
          : [
              {
                isBuyBoxWinner: true,
                price: {
                  money: {
                    amount: options.amount,
                    currency: options.currency ?? 'USD',
                    displayAmount: `$${options.amount.toFixed(2)}`,
                  },
                },
                availability: { type: options.availability ?? 'IN_STOCK', message: 'In Stock' },
              },
            ],
    },
  };
}

/** The fake service's catalogue. */
export const creatorsCatalogue: CreatorsItem[] = [
  creatorsItem('B0C1234567', 'HydroPeak 32oz Insulated Water Bottle, Stainless Steel, Wide Mouth', {
    amount: 24.99,
  }),
  creatorsItem('B0D2222222', 'BrewMaster Electric Kettle 1.7L, Rapid Boil', {
    amount: 39.99,
    brand: 'BrewMaster',
  }),
  creatorsItem('B0E3333333', 'TrailLite Camping Lantern, Rechargeable', { brand: 'TrailLite' }),
];

/** One request the fake service received. */
export interface CreatorsReceived {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** How the fake Creators API answers. */
export interface CreatorsServiceOptions {
  items?: CreatorsItem[];
  /** Token lifetime, in seconds. Default 3600. */
  expiresIn?: number;
  /** Receives every API request (not token requests). */
  received?: CreatorsReceived[];
  /** Receives every token request. */
  tokenRequests?: Record<string, unknown>[];
  delayMs?: number;
}

/** A Creators API error answer `{ errors: [{ code, message }] }`. */
export function creatorsFailure(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): HttpResponseResolver {
  return () => HttpResponse.json({ errors: [{ code, message }] }, { status, headers });
}

/**
 * Handlers that answer like the Creators API: the token endpoint (client credentials → a bearer
 * token; a wrong secret → 401 `invalid_client`), and `getItems` / `searchItems` (401 for an
 * unknown token, 400 without `x-marketplace` or `partnerTag`, items in `itemsResult.items` /
 * `searchResult.items`, and `errors[]` beside them for ASINs it does not know — still HTTP 200).
 */
export function creatorsApiSuccess(options: CreatorsServiceOptions = {}): HttpHandler[] {
  const items = options.items ?? creatorsCatalogue;
  const issued = new Set<string>();
  let counter = 0;
  const token = http.post(creatorsTokenUrl, async ({ request }) => {
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    options.tokenRequests?.push(body);
    if (
      body.grant_type !== 'client_credentials' ||
      body.client_id !== creatorsTestCredentials.credentialId ||
      body.client_secret !== creatorsTestCredentials.credentialSecret
    ) {
      return HttpResponse.json(
        { error: 'invalid_client', error_description: 'Client authentication failed' },
        { status: 401 },
      );
    }
    counter += 1;
    const accessToken = `Atc|test-token-${counter}`;
    issued.add(accessToken);
    return HttpResponse.json({
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: options.expiresIn ?? 3600,
    });
  });
  const api =
    (operation: 'getItems' | 'searchItems'): HttpResponseResolver =>
    async ({ request }) => {
      const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
      const headers = Object.fromEntries(request.headers);
      options.received?.push({ url: request.url, headers, body });
      if (options.delayMs) await delay(options.delayMs);
      const bearer = (headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      if (!issued.has(bearer)) {
        return HttpResponse.json(
          { errors: [{ code: 'Unauthorized', message: 'The access token is invalid or expired.' }] },
          { status: 401 },
        );
      }
      if (!headers['x-marketplace'] || !body.partnerTag) {
        return HttpResponse.json(
          {
            errors: [
              { code: 'InvalidParameterValue', message: 'x-marketplace and partnerTag are required.' },
            ],
          },
          { status: 400 },
        );
      }
      if (operation === 'getItems') {
        const ids = Array.isArray(body.itemIds) ? (body.itemIds as string[]) : [];
        const found = items.filter((item) => ids.includes(String(item.asin)));
        const missing = ids.filter((id) => !found.some((item) => item.asin === id));
        return HttpResponse.json({
          ...(found.length > 0 ? { itemsResult: { items: found } } : {}),
          ...(missing.length > 0
            ? {
                errors: missing.map((id) => ({
                  code: 'ItemNotAccessible',
                  message: `The ItemId ${id} is not accessible through the Creators API.`,
                })),
              }
            : {}),
        });
      }
      const wanted = titleTokens(String(body.keywords ?? ''));
      const hits = items.filter((item) => {
        const title = String(
          (item.itemInfo as { title?: { displayValue?: string } })?.title?.displayValue ?? '',
        );
        const have = new Set(titleTokens(title));
        return wanted.some((word) => have.has(word));
      });
      if (hits.length === 0) {
        return HttpResponse.json({
          errors: [{ code: 'NoResults', message: 'We did not find any matches for your request.' }],
        });
      }
      return HttpResponse.json({ searchResult: { totalResultCount: hits.length, items: hits } });
    };
  return [
    token,
    http.post(`${creatorsApiBase}/getItems`, api('getItems')),
    http.post(`${creatorsApiBase}/searchItems`, api('searchItems')),
  ];
}

/** Mounts `resolver` on `getItems` (the contract suites' `route` for an ASIN query). */
export function creatorsGetItemsRoute(resolver: HttpResponseResolver): HttpHandler[] {
  return [http.post(`${creatorsApiBase}/getItems`, resolver)];
}

/** Mounts `resolver` on `searchItems` (the contract suites' `route` for a title query). */
export function creatorsSearchItemsRoute(resolver: HttpResponseResolver): HttpHandler[] {
  return [http.post(`${creatorsApiBase}/searchItems`, resolver)];
}
