import { GoogleGenAI, type GoogleGenAIOptions, type HttpOptions } from '@google/genai';
import type { ImagenConnection, ImagenSettings } from './imagen-settings.js';

/**
 * The `@google/genai` client, plus `:predict` on the Gemini API. Since the SDK's "Disable
 * GenerateImages for Gemini API" change (2026-08), `models.generateImages` works only on Vertex AI;
 * Imagen on the Gemini API is still reachable (until its shutdown) through the SDK's own HTTP
 * client, so the request keeps the SDK's auth header, base URL, headers and `ApiError`s.
 */
export class ImagenClient extends GoogleGenAI {
  /** `POST {base}/{version}/models/{model}:predict` on the Gemini API. Resolves with the JSON body. */
  async predictOnGeminiApi(
    model: string,
    body: unknown,
    httpOptions: HttpOptions,
    abortSignal: AbortSignal,
  ): Promise<unknown> {
    const response = await this.apiClient.request({
      path: `models/${model}:predict`,
      body: JSON.stringify(body),
      httpMethod: 'POST',
      httpOptions,
      abortSignal,
    });
    return response.json();
  }
}

/**
 * Builds the SDK client for a resolved connection. `httpOptions.retryOptions` stays unset, so the
 * SDK sends each request once: the core's `withRetry` is the only retry owner.
 */
export function createImagenClient(connection: ImagenConnection, settings: ImagenSettings): ImagenClient {
  const httpOptions: HttpOptions = {};
  if (settings.baseURL !== undefined) httpOptions.baseUrl = settings.baseURL;
  if (settings.headers !== undefined) httpOptions.headers = { ...settings.headers };
  const options: GoogleGenAIOptions = connection.vertexai
    ? {
        vertexai: true,
        project: connection.project,
        location: connection.location,
        apiVersion: settings.apiVersion ?? 'v1',
        googleAuthOptions: settings.googleAuthOptions,
        httpOptions,
      }
    : {
        vertexai: false,
        apiKey: connection.apiKey,
        apiVersion: settings.apiVersion ?? 'v1beta',
        httpOptions,
      };
  return new ImagenClient(options);
}
