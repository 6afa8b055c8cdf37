import type { Renderer, RenderInput } from '@reelsmith/core';
import { concat, createPng } from '../media/png.js';
import { type FakeCallLog, type FakeOptions, FakeRuntime } from './fake-runtime.js';

/** Options of {@link createFakeRenderer}. */
export interface FakeRendererOptions extends FakeOptions {}

/** An in-memory `Renderer` that records its calls. */
export interface FakeRenderer extends Renderer, FakeCallLog<RenderInput> {}

/**
 * A `Renderer` that renders nothing: it writes a small placeholder MP4 (an `ftyp` box and a
 * `free` box naming the composition) and a 4×4 PNG thumbnail into `input.media` under
 * `input.outputPrefix`, and returns their refs. The duration is the end of the last scene.
 */
export function createFakeRenderer(options: FakeRendererOptions = {}): FakeRenderer {
  const runtime = new FakeRuntime<RenderInput>('fake:renderer', options);
  return {
    specificationVersion: 'v1',
    id: runtime.id,
    capability: 'renderer',
    get calls() {
      return runtime.calls;
    },
    get callCount() {
      return runtime.calls.length;
    },
    render: (input, callOptions) =>
      runtime.run(input, callOptions?.signal, async () => {
        const signal = callOptions?.signal;
        const durationMs = Math.max(1, ...input.scenes.map((scene) => scene.endMs));
        const video = await input.media.put(
          `${input.outputPrefix}video.mp4`,
          placeholderMp4(`${input.composition} ${input.width}x${input.height} ${durationMs}ms`),
          'video/mp4',
          { signal },
        );
        const thumbnail = await input.media.put(
          `${input.outputPrefix}thumbnail.png`,
          createPng({ color: [32, 32, 32] }),
          'image/png',
          { signal },
        );
        return {
          video,
          thumbnail,
          durationMs,
          width: input.width,
          height: input.height,
          cost: runtime.cost(),
          warnings: [],
        };
      }),
    estimateCost: () => runtime.cost(),
  };
}

/** An MP4 header (`ftyp` isom) followed by a `free` box holding `note`. Not playable. */
function placeholderMp4(note: string): Uint8Array {
  const text = new TextEncoder().encode(note);
  const ftyp = box('ftyp', concat([ascii('isom'), Uint8Array.of(0, 0, 2, 0), ascii('isommp41')]));
  return concat([ftyp, box('free', text)]);
}

function box(type: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(ascii(type), 4);
  out.set(payload, 8);
  return out;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}
