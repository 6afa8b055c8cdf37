import { type CallOptions, ProviderError } from '@reelsmith/core';
import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import { sendToOpenAI } from '../openai-call.js';
import { requestOptions } from '../openai-client.js';
import type { OpenAIReasoningEffort } from '../openai-settings.js';

/** One Structured Outputs chat call. */
export interface StructuredChatRequest<S extends z.ZodType> {
  client: OpenAI;
  provider: string;
  model: string;
  /** The zod schema of the answer; strict-mode JSON Schema is generated from it. */
  schema: S;
  /** `[a-zA-Z0-9_-]`, at most 64 characters. */
  schemaName: string;
  messages: ChatCompletionMessageParam[];
  maxOutputTokens: number;
  reasoningEffort?: OpenAIReasoningEffort | undefined;
  seed?: number | undefined;
  options: CallOptions;
}

/** The parsed answer with its token usage. */
export interface StructuredChatResult<T> {
  value: T;
  inputTokens: number;
  outputTokens: number;
  status: number;
  requestId: string | undefined;
}

/**
 * Calls `chat.completions.parse` with `zodResponseFormat`. A refusal (`message.refusal`) is a
 * `content_policy` error; `finish_reason: "length"` is an `output_truncated` error and
 * `"content_filter"` a `content_policy` error — both raised by the SDK helper before any
 * partial JSON is parsed.
 */
export async function structuredChat<S extends z.ZodType>(
  request: StructuredChatRequest<S>,
): Promise<StructuredChatResult<z.output<S>>> {
  const { client, provider, model, options } = request;
  const answer = await sendToOpenAI(
    () =>
      client.chat.completions.parse(
        {
          model,
          messages: request.messages,
          response_format: zodResponseFormat(request.schema, request.schemaName),
          max_completion_tokens: request.maxOutputTokens,
          store: false,
          ...(request.reasoningEffort ? { reasoning_effort: request.reasoningEffort } : {}),
          ...(request.seed !== undefined ? { seed: Math.trunc(request.seed) % 2 ** 31 } : {}),
        },
        requestOptions(options),
      ),
    { provider, model, signal: options.signal },
  );
  const fail = (kind: 'content_policy' | 'unknown', code: string, message: string) =>
    new ProviderError({ kind, provider, code, message, status: answer.status, requestId: answer.requestId });
  const message = answer.data.choices[0]?.message;
  if (!message) throw fail('unknown', 'empty_response', 'the answer has no choices');
  if (message.refusal) throw fail('content_policy', 'refusal', `the model refused: ${message.refusal}`);
  if (message.parsed === null || message.parsed === undefined) {
    throw fail('unknown', 'invalid_output', 'the answer has no structured content');
  }
  const usage = answer.data.usage;
  return {
    value: message.parsed as z.output<S>,
    inputTokens: usage?.prompt_tokens ?? 0,
    outputTokens: usage?.completion_tokens ?? 0,
    status: answer.status,
    requestId: answer.requestId,
  };
}
