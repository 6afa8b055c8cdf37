import { HttpResponse } from 'msw';
import { ruploadErrorResponse } from './graph-responses.js';
import type { InstagramServiceState, InstagramServiceSwitches } from './instagram-service.js';

/** What a container ends as once its video is in: published normally, or a failure by switch. */
export type ContainerFate = 'FINISHED' | 'ERROR' | 'EXPIRED' | 'STUCK';

/** A container the fake holds. */
export interface FakeContainer {
  id: string;
  caption: string;
  mode: 'url' | 'resumable';
  form: Record<string, string>;
  fate: ContainerFate;
  status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';
  polls: number;
  /** Upload: the declared size, the bytes held, and how many are held. */
  fileSize?: number;
  data?: Uint8Array;
  received: number;
}

/** A container's status answer; each check moves a container whose video is in one step along. */
export function containerStatus(container: FakeContainer, switches: InstagramServiceSwitches) {
  const videoIn =
    container.mode === 'url' ||
    (container.fileSize !== undefined && container.received >= container.fileSize);
  if (container.status === 'IN_PROGRESS' && videoIn) {
    container.polls += 1;
    if (container.fate === 'ERROR') container.status = 'ERROR';
    else if (container.fate === 'EXPIRED') container.status = 'EXPIRED';
    else if (container.fate === 'FINISHED' && container.polls > switches.pollsBeforeFinished)
      container.status = 'FINISHED';
  }
  return {
    status_code: container.status,
    ...(container.status === 'ERROR' ? { status: switches.errorStatus } : {}),
    id: container.id,
  };
}

/** Answers an upload request to the rupload host: bytes at `offset`, a drop-after-N-bytes switch. */
export async function uploadBytes(
  request: Request,
  path: Record<string, unknown>,
  state: InstagramServiceState,
  switches: InstagramServiceSwitches,
  tokens: string[],
  log: (request: Request) => void,
): Promise<Response> {
  log(request);
  const token = /^OAuth\s+(.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token || !tokens.includes(token)) {
    return ruploadErrorResponse(400, 'NotAuthorizedError', 'User not authorized to perform this request');
  }
  const container = state.containers.get(String(path.containerId));
  if (container?.mode !== 'resumable' || !container)
    return ruploadErrorResponse(400, 'InvalidRequest', 'Invalid container id');
  const offset = Number(request.headers.get('offset'));
  const fileSize = Number(request.headers.get('file_size'));
  if (!Number.isInteger(offset) || !Number.isInteger(fileSize) || fileSize <= 0) {
    return ruploadErrorResponse(400, 'InvalidRequest', 'offset and file_size headers are required');
  }
  if (offset > container.received) {
    return ruploadErrorResponse(
      400,
      'InvalidRequest',
      `offset ${offset} is past the ${container.received} bytes received`,
    );
  }
  if (container.data === undefined || container.fileSize !== fileSize) {
    container.fileSize = fileSize;
    container.data = new Uint8Array(fileSize);
  }
  let body = new Uint8Array(await request.arrayBuffer());
  const drop = switches.dropUploadAfterBytes;
  if (drop !== undefined) body = body.subarray(0, drop);
  if (offset + body.byteLength > fileSize)
    return ruploadErrorResponse(400, 'InvalidRequest', 'more bytes than file_size');
  container.data.set(body, offset);
  container.received = offset + body.byteLength;
  state.uploadedBytes += body.byteLength;
  await switches.onUploadBytes?.(container, body.byteLength);
  if (drop !== undefined) {
    switches.dropUploadAfterBytes = undefined;
    return HttpResponse.error();
  }
  return HttpResponse.json({ success: true, message: 'Upload successful.' });
}
