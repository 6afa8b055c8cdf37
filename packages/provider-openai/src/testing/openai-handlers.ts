// msw handlers answering like the OpenAI API: chat completions, images (generations + edits), speech.
import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { createMp3, createPcm, createSpeechWav } from './audio-fixtures.js';
import {
  chatCompletion,
  errorEnvelope,
  imagesResponse,
  judgementContent,
  openAIBaseUrl,
  openAIHeaders,
  scriptContent,
} from './openai-fixtures.js';

/** `POST /chat/completions`. */
export const chatCompletionsUrl = `${openAIBaseUrl}/chat/completions`;
/** `POST /images/generations` (JSON). */
export const imageGenerationsUrl = `${openAIBaseUrl}/images/generations`;
/** `POST /images/edits` (multipart). */
export const imageEditsUrl = `${openAIBaseUrl}/images/edits`;
/** `POST /audio/speech` (binary answer). */
export const speechUrl = `${openAIBaseUrl}/audio/speech`;

/** Milliseconds of audio the fake TTS speaks per input character. */
export const speechMsPerCharacter = 60;

/** Mounts a resolver on `POST /chat/completions`. */
export const chatRoute = (resolver: HttpResponseResolver) => [http.post(chatCompletionsUrl, resolver)];
/** Mounts a resolver on both image endpoints. */
export const imagesRoute = (resolver: HttpResponseResolver) => [
  http.post(imageGenerationsUrl, resolver),
  http.post(imageEditsUrl, resolver),
];
/** Mounts a resolver on `POST /audio/speech`. */
export const speechRoute = (resolver: HttpResponseResolver) => [http.post(speechUrl, resolver)];

const badRequest = (message: string, param: string) =>
  HttpResponse.json(errorEnvelope({ message, type: 'invalid_request_error', param }), {
    status: 400,
    headers: openAIHeaders(),
  });

interface ChatBody {
  model?: string;
  response_format?: { type?: string; json_schema?: { name?: string; strict?: boolean; schema?: any } };
}

/** Answers script and judge calls by the `json_schema` name, like a model that follows the schema. */
export const chatSuccess = chatRoute(async ({ request }) => {
  const body = (await request.json()) as ChatBody;
  if (!body.model) return badRequest('you must provide a model parameter', 'model');
  const format = body.response_format;
  if (format?.type !== 'json_schema' || format.json_schema?.strict !== true) {
    return badRequest(
      "Invalid value for 'response_format': expected a strict json_schema.",
      'response_format',
    );
  }
  const name = format.json_schema.name;
  if (name === 'video_script') {
    const platforms = Object.keys(format.json_schema.schema?.properties?.captions?.properties ?? {});
    return HttpResponse.json(chatCompletion({ content: scriptContent(platforms) }), {
      headers: openAIHeaders(),
    });
  }
  if (name === 'product_image_judgement') {
    return HttpResponse.json(
      chatCompletion({ content: judgementContent(), promptTokens: 2210, completionTokens: 96 }),
      {
        headers: openAIHeaders(),
      },
    );
  }
  return badRequest(`Unknown schema name '${name}'.`, 'response_format');
});

/** Answers generations (JSON) and edits (multipart with the product photo) with base64 PNGs. */
export const imagesSuccess = imagesRoute(async ({ request }) => {
  const isEdit = request.url.endsWith('/images/edits');
  let fields: Record<string, unknown>;
  if (isEdit) {
    const form = await request.formData();
    const image = form.get('image');
    if (!(image instanceof File) || image.size === 0)
      return badRequest("Missing required parameter: 'image'.", 'image');
    fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'));
  } else {
    fields = (await request.json()) as Record<string, unknown>;
  }
  if (typeof fields.prompt !== 'string' || fields.prompt === '')
    return badRequest("Missing required parameter: 'prompt'.", 'prompt');
  const model = String(fields.model ?? '');
  return HttpResponse.json(
    imagesResponse({
      count: Number(fields.n ?? 1),
      size: String(fields.size ?? '1024x1024'),
      quality: String(fields.quality ?? 'medium'),
      dallE: model.startsWith('dall-e'),
      usage: isEdit ? { text: 60, image: 388, output: 1584 } : { text: 50, image: 0, output: 1584 },
    }),
    { headers: openAIHeaders() },
  );
});

/** Answers TTS with binary audio in the requested format, `speechMsPerCharacter` ms per character. */
export const speechSuccess = speechRoute(async ({ request }) => {
  const body = (await request.json()) as { input?: string; voice?: unknown; response_format?: string };
  if (typeof body.input !== 'string' || body.input === '')
    return badRequest("Missing required parameter: 'input'.", 'input');
  if (body.voice === undefined) return badRequest("Missing required parameter: 'voice'.", 'voice');
  const durationMs = body.input.length * speechMsPerCharacter;
  const format = body.response_format ?? 'mp3';
  const [bytes, type] =
    format === 'wav'
      ? [createSpeechWav(durationMs, true), 'audio/wav']
      : format === 'pcm'
        ? [createPcm(durationMs), 'audio/pcm']
        : [createMp3({ durationMs, id3: true }), 'audio/mpeg'];
  return new HttpResponse(bytes, { headers: openAIHeaders({ 'content-type': type }) });
});
