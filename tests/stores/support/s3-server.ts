/**
 * A real S3 HTTP server for the S3 store's tests: s3rver (npm), started in this process on a
 * temporary folder. It implements S3's REST API for what the queue uses (PUT, GET, HEAD, DELETE,
 * ListObjectsV2, user metadata, SigV4) — but ignores `If-None-Match`, so on its own it cannot
 * show a conditional create. Two things are therefore put in front of it:
 *
 *   - a recorder: every request's method, path and headers, as they arrived on the wire, so a
 *     test can prove the store sends `If-None-Match: *` (and sends it only for create-if-absent);
 *   - optionally, a conditional-write gateway that does what MinIO, AWS and Ceph do for
 *     `PUT … If-None-Match: *`: answer 412 PreconditionFailed when the key exists, one write of a
 *     key at a time. That is this test's emulation of the server's rule, not the server's own
 *     implementation: README.md says so where it reports what was proven.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface S3Fixture {
  /** The endpoint to give the store: the gateway/recorder in front of s3rver. */
  endpoint: string;
  /** s3rver itself, bypassing the gateway. */
  directEndpoint: string;
  bucket: string;
  env: Record<string, string>;
  requests: RecordedRequest[];
  /** Where s3rver keeps its objects on disk. */
  directory: string;
  stop(): Promise<void>;
}

export const S3_TEST_BUCKET = 'nanzhuang-tips-test';
// s3rver's built-in credentials.
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function forward(port: number, method: string, path: string, headers: IncomingMessage['headers'], body?: Buffer) {
  return new Promise<Upstream>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      readBody(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const PRECONDITION_FAILED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code>' +
  '<Message>At least one of the pre-conditions you specified did not hold</Message>' +
  '<Condition>If-None-Match</Condition></Error>';

export async function startS3(options: { enforceConditionalCreate: boolean }): Promise<S3Fixture> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: S3_TEST_BUCKET, configs: [] }],
  });
  const { port: s3Port } = await s3rver.run();

  const requests: RecordedRequest[] = [];
  // One conditional write per key at a time, as the server side of a real conditional create is.
  const locks = new Map<string, Promise<unknown>>();
  const serialized = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const previous = locks.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    locks.set(
      key,
      next.catch(() => {}),
    );
    return next;
  };

  const gateway = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    requests.push({ method, path, headers: { ...req.headers } });
    void (async () => {
      const body = await readBody(req);
      const conditional = method === 'PUT' && req.headers['if-none-match'] === '*';
      const answer =
        conditional && options.enforceConditionalCreate
          ? await serialized(path.split('?')[0]!, async () => {
              const head = await forward(s3Port, 'HEAD', path.split('?')[0]!, { host: req.headers.host });
              if (head.status === 200) {
                return {
                  status: 412,
                  headers: { 'content-type': 'application/xml' },
                  body: Buffer.from(PRECONDITION_FAILED),
                };
              }
              return forward(s3Port, method, path, req.headers, body);
            })
          : await forward(s3Port, method, path, req.headers, body);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    })().catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  const port = await listen(gateway);

  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    directEndpoint: `http://127.0.0.1:${s3Port}`,
    bucket: S3_TEST_BUCKET,
    env: { S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', ...CREDENTIALS },
    requests,
    directory,
    async stop() {
      const closed = new Promise<void>((resolve) => gateway.close(() => resolve()));
      gateway.closeAllConnections();
      await closed;
      await s3rver.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
