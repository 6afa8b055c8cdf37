// Child process of crash-publish.test.ts: runs one publish through the real engine (definePipeline,
// file checkpoint and media stores in <dataDir>) with the BUILT packages, against the fake YouTube
// served by the parent on loopback. It kills itself with SIGKILL at the point named by <mode>.
// Usage: node crash-worker.mjs <dataDir> <serviceUrl> <mode> <videoBytes>
//   mode: run | kill-before-intent | kill-after-intent | kill-before-result
import path from 'node:path';
import { createFileCheckpointStore, definePhase, definePipeline } from '@reelsmith/core';
import { createYouTubePublisher } from '../dist/index.js';

const [dataDir, serviceUrl, mode, videoBytes] = process.argv.slice(2);
const die = () => process.kill(process.pid, 'SIGKILL');

const files = createFileCheckpointStore(path.join(dataDir, 'checkpoints'));
const checkpoints = {
  ...files,
  async set(runId, key, value) {
    if (mode === 'kill-before-intent' && key.startsWith('publish-intent:')) die();
    if (mode === 'kill-before-result' && key.startsWith('publish-result:')) die();
    await files.set(runId, key, value);
    if (mode === 'kill-after-intent' && key.startsWith('publish-intent:')) die();
  },
};

const youtube = createYouTubePublisher({
  auth: { getRequestHeaders: async () => ({ authorization: 'Bearer test-access-token-not-real' }) },
  account: 'crash-test',
  privacyStatus: 'public',
  selfDeclaredMadeForKids: false,
  baseUrl: serviceUrl,
  uploadUrl: `${serviceUrl}/upload`,
  chunkSize: 256 * 1024,
  retryBaseMs: 1,
  timeoutMs: 10_000,
});

const video = new Uint8Array(Number(videoBytes));
video.set([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70]);
for (let index = 8; index < video.length; index += 1) video[index] = (index * 7) & 0xff;

const store = definePhase({
  name: 'store',
  run: (ctx) => ctx.media.put('video.mp4', video, 'video/mp4'),
});
const publish = definePhase({
  name: 'publish:youtube',
  needs: ['store'],
  run: (ctx) =>
    ctx.publish(youtube, {
      title: 'This kettle boils a litre in 90 seconds',
      description: 'Meet the kettle.\n\nAs an Amazon Associate I earn from qualifying purchases. #ad',
      tags: ['kettle'],
      video: ctx.inputs.store,
      durationMs: 20_000,
      width: 1080,
      height: 1920,
    }),
});
const pipeline = definePipeline({ phases: [store, publish], dataDir, checkpoints });
let reconciled = false;
pipeline.events.on('publish:done', (event) => {
  reconciled = event.reconciled;
});
const result = await pipeline.run({ title: 'Kettle' }, { runId: 'youtube-crash-run' });
process.stdout.write(
  `${JSON.stringify({ post: result.outputs['publish:youtube'], reconciled, status: result.status })}\n`,
);
