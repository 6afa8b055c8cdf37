// Types of video-routes.mjs, for the TypeScript tests (the example itself stays plain JavaScript).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { EventLog, Pipeline } from '@reelsmith/core';
import type { JobQueue } from '@reelsmith/queue-bullmq';
import type { z } from 'zod';

/** The body of `POST /videos`: a title, an ASIN or an http(s) product URL. */
export declare const videoRequestSchema: z.ZodType<{ title?: string; asin?: string; url?: string }>;

/** A request handler of your app. */
export type AppHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Runs in this process. */
export interface LocalRunOptions {
  pipeline: Pipeline;
  /** Runs at once; the others wait (their stream starts with `run:queued`). Default 1. */
  concurrency?: number;
  /** How long a finished run's events stay available; default 10 minutes. */
  retainMs?: number;
  queue?: undefined;
}

/** Runs on BullMQ workers, their events followed in the shared event log. */
export interface QueuedRunOptions {
  queue: JobQueue;
  eventLog: EventLog;
  /** How often the log is read; default 250 ms. */
  pollIntervalMs?: number;
  /** How long to wait for the job's final state after its `run:end`; default 30 s. */
  settleTimeoutMs?: number;
}

export type VideoRoutesOptions = LocalRunOptions | QueuedRunOptions;

export interface VideoRoutes {
  /** Handles `/videos` requests; resolves `false` for any other path. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Ends every event stream and cancels this process's runs. */
  close(): Promise<void>;
}

export declare function createVideoRoutes(options: VideoRoutesOptions): VideoRoutes;

export interface VideoServer {
  readonly server: Server;
  readonly routes: VideoRoutes;
  /** Listens (port 0: any free port) and resolves the base URL, e.g. `http://127.0.0.1:3000`. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** A `node:http` server with the video routes, then `app` for every other request (default 404). */
export declare function createVideoServer(options: VideoRoutesOptions & { app?: AppHandler }): VideoServer;
