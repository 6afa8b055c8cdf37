import { generateKeyPairSync } from 'node:crypto';
import { type HttpHandler, HttpResponse, type HttpResponseResolver, http } from 'msw';
import type { ImagenGoogleAuthOptions } from '../imagen-settings.js';

// Endpoints the SDK calls, and Vertex AI credentials whose token exchange msw answers, so no
// test reaches Google or the metadata server.

/** The Gemini API key the tests use (registered as a secret by `createImagen`). */
export const testApiKey = 'AIzaFAKE-reelsmith-test-key-01';
/** The Vertex AI project the tests use. */
export const testProject = 'reelsmith-test';
/** The access token the test token endpoint hands out. */
export const testAccessToken = 'ya29.reelsmith-test-access-token-0123456789';

/** The method a model is called with. */
export type ModelMethod = 'predict' | 'generateContent';

/** `https://generativelanguage.googleapis.com/v1beta/models/{model}:{method}` */
export function geminiApiUrl(model: string, method: ModelMethod): string {
  return `https://generativelanguage.googleapis.com/v1beta/models/${model}:${method}`;
}

/** The Vertex AI publisher-model URL for `location` (`global` uses the global host). */
export function vertexUrl(model: string, method: ModelMethod, location: string): string {
  const host = location === 'global' ? 'aiplatform.googleapis.com' : `${location}-aiplatform.googleapis.com`;
  return `https://${host}/v1/projects/${testProject}/locations/${location}/publishers/google/models/${model}:${method}`;
}

/**
 * An msw POST handler for an exact URL. Model URLs hold a `:` (`…/models/x:predict`) that msw's
 * path syntax would read as a parameter, so the URL is matched as an escaped regular expression.
 */
export function postTo(url: string, resolver: HttpResponseResolver): HttpHandler {
  return http.post(new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), resolver);
}

/** Google's OAuth 2.0 token endpoint (service-account JWT exchange). */
export const tokenUrl = 'https://oauth2.googleapis.com/token';

/** Answers the service-account token exchange with {@link testAccessToken}. */
export function tokenHandler(): HttpHandler {
  return http.post(tokenUrl, () =>
    HttpResponse.json({ access_token: testAccessToken, expires_in: 3599, token_type: 'Bearer' }),
  );
}

let privateKey: string | undefined;

/**
 * `googleAuthOptions` with a service-account key made for the test (a fresh RSA key): the real
 * google-auth-library signs a JWT and exchanges it at {@link tokenUrl}, which msw answers.
 */
export function testServiceAccount(): ImagenGoogleAuthOptions {
  privateKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return {
    credentials: {
      type: 'service_account',
      client_email: `images@${testProject}.iam.gserviceaccount.com`,
      private_key: privateKey,
    },
    projectId: testProject,
  };
}
