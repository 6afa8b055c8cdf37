import type { CallOptions, JudgeInput, JudgeResult, VisionJudge } from '@reelsmith/core';
import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createPng } from '../media/png.js';
import { installTestServer } from '../msw/install-test-server.js';
import { referenceRequest } from '../testing/reference-http.js';
import { checkSuccess } from './check-call.js';
import {
  describeVisionJudgeContract,
  type VisionJudgeContractOptions,
  visionJudgeContract,
} from './vision-judge-contract.js';

const endpoint = 'https://judge.example.test/v1/score';

function createReferenceJudge(settings: { timeoutMs: number }): VisionJudge {
  return {
    specificationVersion: 'v1',
    id: 'example:judge',
    capability: 'vision-judge',
    async judge(input: JudgeInput, options?: CallOptions): Promise<JudgeResult> {
      const body = (await referenceRequest(
        this.id,
        endpoint,
        { method: 'POST', body: JSON.stringify({ prompt: input.prompt, bytes: input.image.data.length }) },
        settings,
        options,
      )) as { score: number; reason: string };
      return { score: body.score, reason: body.reason, cost: { usd: 0.001 }, warnings: [] };
    },
  };
}

const image = { data: createPng(), mediaType: 'image/png' };
const route = (resolver: HttpResponseResolver) => [http.post(endpoint, resolver)];
const options: VisionJudgeContractOptions = {
  name: 'reference vision judge',
  create: createReferenceJudge,
  input: { image, reference: image, prompt: 'a kettle' },
  route,
  success: route(() => HttpResponse.json({ score: 0.82, reason: 'The kettle matches the photo.' })),
};

describeVisionJudgeContract(options);

describe('the vision judge contract checks catch broken results', () => {
  const server = installTestServer();

  it('a score outside [0, 1]', async () => {
    const broken = { ...options, success: route(() => HttpResponse.json({ score: 82, reason: 'good' })) };
    await expect(checkSuccess(visionJudgeContract, broken, server)).rejects.toThrow(
      /score must be a number in \[0, 1\]/,
    );
  });
});
