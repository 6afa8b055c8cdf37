import type { ServerResponse } from 'node:http';

/**
 * The open Server-Sent Events streams. Each message is `event: <name>` and one line of JSON
 * (JSON never holds a raw newline, so a payload cannot inject SSE fields).
 */
export class SseHub {
  readonly #streams = new Set<ServerResponse>();
  readonly #max: number;
  readonly #heartbeat: NodeJS.Timeout;
  #nextId = 0;

  constructor(options: { maxStreams: number; heartbeatMs: number }) {
    this.#max = options.maxStreams;
    this.#heartbeat = setInterval(() => {
      for (const stream of this.#streams) stream.write(': keep-alive\n\n');
    }, options.heartbeatMs);
    this.#heartbeat.unref();
  }

  get size(): number {
    return this.#streams.size;
  }

  /** Starts a stream on `response`; false (and nothing written) when the hub is full. */
  open(response: ServerResponse, hello: unknown): boolean {
    if (this.#streams.size >= this.#max) return false;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 2000\n\n');
    this.#streams.add(response);
    response.on('close', () => this.#streams.delete(response));
    this.#write(response, 'hello', hello);
    return true;
  }

  /** Sends one message to every stream. */
  broadcast(event: string, data: unknown): void {
    for (const stream of this.#streams) this.#write(stream, event, data);
  }

  /** Ends every stream. */
  close(): void {
    clearInterval(this.#heartbeat);
    for (const stream of this.#streams) stream.end();
    this.#streams.clear();
  }

  #write(stream: ServerResponse, event: string, data: unknown): void {
    this.#nextId += 1;
    stream.write(`id: ${this.#nextId}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }
}
