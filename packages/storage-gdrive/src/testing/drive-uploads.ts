import { type HttpHandler, HttpResponse, http } from 'msw';
import { driveErrorBody, driveFaults } from './drive-errors.js';
import type { RequestGuard } from './drive-service.js';
import {
  applyMetadata,
  type FakeDriveFile,
  type FakeDriveState,
  type FakeSession,
  fileResource,
  newId,
} from './drive-state.js';

const granularity = 256 * 1024;

/**
 * The upload endpoints of the fake Drive: `uploadType=multipart` and `uploadType=resumable` on
 * POST (create in a folder) and PATCH (overwrite a file), and the session URI's PUTs — chunks
 * with `Content-Range: bytes a-b/T` (308 + `Range` until complete, non-final chunks must be
 * multiples of 256 KiB) and status queries with `bytes *\/T`. Expired sessions answer 404.
 */
export function uploadHandlers(root: string, state: FakeDriveState, guard: RequestGuard): HttpHandler[] {
  const base = `${root}upload/drive/v3/files`;

  const start = async (request: Request, existing: FakeDriveFile | undefined): Promise<Response> => {
    const url = new URL(request.url);
    const allDrives = url.searchParams.get('supportsAllDrives') === 'true';
    const uploadType = url.searchParams.get('uploadType');
    let metadata: Record<string, unknown>;
    let bytes: Uint8Array | undefined;
    let mimeType: string;
    if (uploadType === 'multipart') {
      const parsed = parseMultipart(
        request.headers.get('content-type') ?? '',
        new Uint8Array(await request.arrayBuffer()),
      );
      if (!parsed) return badRequest('Malformed multipart body.', 'body');
      ({ metadata, bytes, mimeType } = parsed);
    } else if (uploadType === 'resumable') {
      metadata = (await request.json().catch(() => ({}))) as Record<string, unknown>;
      mimeType = request.headers.get('x-upload-content-type') ?? 'application/octet-stream';
    } else {
      return badRequest(
        `Invalid value '${uploadType}'. Values must match the following regular expression: 'media|multipart|resumable'`,
        'uploadType',
      );
    }
    let driveId = existing?.driveId;
    if (!existing) {
      const parentId = Array.isArray(metadata.parents) ? String(metadata.parents[0]) : 'root';
      const parent = state.files.get(parentId);
      if (!parent || parent.trashed || (parent.driveId && !allDrives)) {
        return HttpResponse.json(driveFaults.notFound(parentId), { status: 404 });
      }
      driveId = parent.driveId;
    }
    if (bytes) {
      state.stats.multipartUploads += 1;
      const file = applyMetadata(state, existing, metadata, bytes, mimeType, driveId);
      if (state.multipartDrops > 0) {
        state.multipartDrops -= 1;
        return HttpResponse.error();
      }
      return HttpResponse.json(fileResource(file));
    }
    const total = Number(request.headers.get('x-upload-content-length') ?? Number.NaN);
    if (!Number.isInteger(total) || total < 0)
      return badRequest('Missing X-Upload-Content-Length.', 'X-Upload-Content-Length');
    const id = newId('AUp');
    state.sessions.set(id, {
      id,
      ...(existing ? { fileId: existing.id } : {}),
      metadata: { ...metadata, ...(driveId ? { driveId } : {}) },
      mimeType,
      total,
      received: [],
      offset: 0,
      expired: false,
    });
    state.stats.sessionsStarted += 1;
    const location = `${base}${existing ? `/${existing.id}` : ''}?uploadType=resumable&upload_id=${id}${allDrives ? '&supportsAllDrives=true' : ''}`;
    return new HttpResponse(null, { status: 200, headers: { location, 'x-guploader-uploadid': id } });
  };

  const chunk = async (request: Request): Promise<Response> => {
    const denied = guard(request, undefined);
    if (denied) return denied;
    const session = state.sessions.get(new URL(request.url).searchParams.get('upload_id') ?? '');
    if (!session || session.expired) {
      return HttpResponse.json(driveErrorBody(404, 'notFound', 'Not Found'), { status: 404 });
    }
    const body = new Uint8Array(await request.arrayBuffer());
    const range = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+)$/.exec(request.headers.get('content-range') ?? '');
    if (!range || Number(range[3]) !== session.total)
      return badRequest('Invalid Content-Range.', 'Content-Range');
    if (session.result) return HttpResponse.json(fileResource(state.files.get(session.result)!));
    if (range[1] === undefined) {
      state.stats.statusQueries += 1;
      if (session.total === 0 && body.byteLength === 0) return complete(session);
      return incomplete(session.offset);
    }
    state.stats.chunkRequests += 1;
    state.stats.resumableBytes += body.byteLength;
    const first = Number(range[1]);
    const last = Number(range[2]);
    if (first > session.offset || last - first + 1 !== body.byteLength || last >= session.total) {
      return badRequest('Invalid request: the chunk does not continue the upload.', 'Content-Range');
    }
    if (last + 1 < session.total && body.byteLength % granularity !== 0) {
      return badRequest('Invalid request: chunk size must be a multiple of 256 KiB.', 'Content-Range');
    }
    const drop = state.drops.shift();
    if (drop && !drop.persist) return HttpResponse.error();
    const fresh = body.subarray(session.offset - first);
    session.received.push(fresh.slice());
    session.offset += fresh.byteLength;
    if (drop) return HttpResponse.error();
    return session.offset === session.total ? complete(session) : incomplete(session.offset);
  };

  const complete = (session: FakeSession): Response => {
    const bytes = Buffer.concat(session.received);
    const existing = session.fileId ? state.files.get(session.fileId) : undefined;
    const driveId = typeof session.metadata.driveId === 'string' ? session.metadata.driveId : undefined;
    const { driveId: _omit, ...metadata } = session.metadata;
    const file = applyMetadata(state, existing, metadata, new Uint8Array(bytes), session.mimeType, driveId);
    session.result = file.id;
    return HttpResponse.json(fileResource(file));
  };

  return [
    http.post(base, ({ request }) => guard(request, undefined) ?? start(request, undefined)),
    http.patch(`${base}/:fileId`, ({ request, params }) => {
      const file = state.files.get(String(params.fileId));
      return guard(request, file, String(params.fileId)) ?? start(request, file);
    }),
    http.put(base, ({ request }) => chunk(request)),
    http.put(`${base}/:fileId`, ({ request }) => chunk(request)),
  ];
}

function incomplete(offset: number): Response {
  return new HttpResponse(null, {
    status: 308,
    headers: offset > 0 ? { range: `bytes=0-${offset - 1}` } : {},
  });
}

function badRequest(message: string, location: string): Response {
  return HttpResponse.json(driveErrorBody(400, 'badRequest', message, { location, locationType: 'header' }), {
    status: 400,
  });
}

/** Reads a `multipart/related` body: the JSON metadata part and the media part. */
function parseMultipart(
  contentType: string,
  body: Uint8Array,
): { metadata: Record<string, unknown>; bytes: Uint8Array; mimeType: string } | undefined {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!contentType.startsWith('multipart/related') || !boundary) return undefined;
  const buffer = Buffer.from(body);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let index = buffer.indexOf(delimiter);
  while (index !== -1) {
    const next = buffer.indexOf(delimiter, index + delimiter.length);
    if (next === -1) break;
    parts.push(buffer.subarray(index + delimiter.length + 2, next - 2));
    index = next;
  }
  if (parts.length !== 2) return undefined;
  const split = (part: Buffer) => {
    const end = part.indexOf('\r\n\r\n');
    return { headers: part.subarray(0, end).toString('utf8'), content: part.subarray(end + 4) };
  };
  const meta = split(parts[0]!);
  const media = split(parts[1]!);
  try {
    return {
      metadata: JSON.parse(meta.content.toString('utf8')) as Record<string, unknown>,
      bytes: new Uint8Array(media.content),
      mimeType: /content-type:\s*([^\r\n]+)/i.exec(media.headers)?.[1]?.trim() ?? 'application/octet-stream',
    };
  } catch {
    return undefined;
  }
}
