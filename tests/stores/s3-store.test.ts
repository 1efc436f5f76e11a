/**
 * The S3 store (TIP_STORE=s3://bucket/prefix) against a real S3 HTTP server (s3rver, see
 * support/s3-server.ts):
 *   - the conformance suite, with s3rver behind the test's conditional-write gateway (s3rver
 *     itself ignores If-None-Match, so the create-if-absent rule is the gateway's emulation);
 *   - on the wire: create-if-absent is a PUT carrying `If-None-Match: *`, a plain write is not;
 *     a 412 answer is "exists", a 409 (a concurrent conditional write, as AWS answers) is retried;
 *   - s3rver alone, to show why the gateway is needed (and to notice if s3rver ever changes).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { S3Store, s3ClientConfig } from '../../src/server/stores/s3';
import { parseS3Url } from '../../src/server/stores/s3-url';
import { PROBE_STORE, probeConditionalCreate } from '../../src/server/stores/probe';
import { parseTipStore } from '../../src/server/stores/select';
import { storeConformance, type StoreUnderTest } from './conformance';
import { startS3, type S3Fixture } from './support/s3-server';
import { readTree } from './support/tree';

async function s3Store(): Promise<StoreUnderTest> {
  const fx = await startS3({ enforceConditionalCreate: true });
  const prefix = `site-${randomUUID().slice(0, 8)}/queue`;
  const client = new S3Client(s3ClientConfig(fx.env));
  const location = { bucket: fx.bucket, prefix };
  return {
    open: (name) => Promise.resolve(new S3Store(client, location, name)),
    env: { ...fx.env, TIP_STORE: `s3://${fx.bucket}/${prefix}` },
    async dump(names) {
      const out: [string, Uint8Array][] = [];
      for (const name of names) {
        const listed = await client.send(new ListObjectsV2Command({ Bucket: fx.bucket, Prefix: `${prefix}/${name}/` }));
        for (const { Key } of listed.Contents ?? []) {
          const object = await client.send(new GetObjectCommand({ Bucket: fx.bucket, Key }));
          out.push([`${Key} key`, Buffer.from(Key!)]);
          out.push([Key!, await object.Body!.transformToByteArray()]);
          out.push([`${Key} metadata`, Buffer.from(JSON.stringify(object.Metadata ?? {}))]);
          for (const value of Object.values(object.Metadata ?? {})) {
            out.push([`${Key} metadata (decoded)`, Buffer.from(value, 'base64url')]);
          }
        }
      }
      return out;
    },
    everything: () => readTree(fx.directory),
    async stop() {
      client.destroy();
      await fx.stop();
    },
  };
}

storeConformance('S3 store (s3rver behind the conditional-write gateway)', s3Store, { atomicCreate: true });

describe('S3 store: on the wire', () => {
  let fx: S3Fixture;
  let client: S3Client;
  beforeAll(async () => {
    fx = await startS3({ enforceConditionalCreate: true });
    client = new S3Client(s3ClientConfig(fx.env));
  });
  afterAll(async () => {
    client.destroy();
    await fx.stop();
  });

  it('create-if-absent is a PUT with If-None-Match: *; a plain write carries no condition', async () => {
    const store = new S3Store(client, { bucket: fx.bucket, prefix: 'wire' }, 'tips');
    const key = randomUUID();
    fx.requests.length = 0;
    await store.set(key, 'first', { onlyIfNew: true, metadata: { v: 1 } });
    await store.set(key, 'again', { onlyIfNew: true, metadata: { v: 1 } });
    await store.set(`${key}-plain`, 'plain', { metadata: {} });
    expect(
      await probeConditionalCreate(new S3Store(client, { bucket: fx.bucket, prefix: 'wire' }, PROBE_STORE)),
    ).toEqual({ ok: true });
    const puts = fx.requests.filter((r) => r.method === 'PUT' && !r.path.includes(PROBE_STORE));
    expect(puts.map((r) => [r.path.split('?')[0], r.headers['if-none-match']])).toEqual([
      [`/${fx.bucket}/wire/tips/${key}`, '*'],
      [`/${fx.bucket}/wire/tips/${key}`, '*'],
      [`/${fx.bucket}/wire/tips/${key}-plain`, undefined],
    ]);
    // Signed (SigV4), the metadata in one x-amz-meta header, the body sent whole with its length.
    for (const put of puts) {
      expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=S3RVER\//);
      expect(put.headers['x-amz-meta-nz']).toBeDefined();
      expect(put.headers['content-length']).toBeDefined();
      expect(put.headers['transfer-encoding']).toBeUndefined();
    }
    expect(Buffer.from(String(puts[0]!.headers['x-amz-meta-nz']), 'base64url').toString()).toBe('{"v":1}');
  });

  it('a 409 from the server (a conditional write of the key in flight) is retried, then 412 means "exists"', async () => {
    let calls = 0;
    const flaky = {
      send: (command: unknown) => {
        calls++;
        if (calls <= 2) return Promise.reject(serviceError(409, 'ConditionalRequestConflict'));
        if (calls === 3) return Promise.reject(serviceError(412, 'PreconditionFailed'));
        return client.send(command as never);
      },
    } as unknown as S3Client;
    const store = new S3Store(flaky, { bucket: fx.bucket, prefix: 'retry' }, 'tips');
    expect(await store.set(randomUUID(), 'x', { onlyIfNew: true, metadata: {} })).toEqual({ modified: false });
    expect(calls).toBe(3);
  });

  it('other failures are not taken for "exists"', async () => {
    const broken = { send: () => Promise.reject(serviceError(503, 'SlowDown')) } as unknown as S3Client;
    const store = new S3Store(broken, { bucket: fx.bucket, prefix: 'broken' }, 'tips');
    await expect(store.set(randomUUID(), 'x', { onlyIfNew: true, metadata: {} })).rejects.toThrow();
    await expect(store.get(randomUUID(), { type: 'text' })).rejects.toThrow();
  });
});

describe('s3rver on its own ignores If-None-Match (why the conformance run needs the gateway)', () => {
  it('a second conditional PUT of an existing key overwrites it instead of answering 412', async () => {
    const fx = await startS3({ enforceConditionalCreate: false });
    const client = new S3Client(s3ClientConfig(fx.env));
    try {
      const store = new S3Store(client, { bucket: fx.bucket, prefix: 'bare' }, 'tips');
      const key = randomUUID();
      expect((await store.set(key, 'first', { onlyIfNew: true, metadata: {} })).modified).toBe(true);
      expect((await store.set(key, 'second', { onlyIfNew: true, metadata: {} })).modified).toBe(true);
      expect(await store.get(key, { type: 'text' })).toBe('second');
      // The production server's start-up probe sees it and refuses such a store.
      expect(
        await probeConditionalCreate(new S3Store(client, { bucket: fx.bucket, prefix: 'bare' }, PROBE_STORE)),
      ).toEqual({
        ok: false,
        reason: 'a conditional create (If-None-Match: *) overwrote an existing key',
      });
    } finally {
      client.destroy();
      await fx.stop();
    }
  });
});

describe('TIP_STORE addresses', () => {
  it('reads netlify, file: and s3:// and refuses anything else', () => {
    expect(parseTipStore(undefined)).toEqual({ kind: 'netlify' });
    expect(parseTipStore('netlify')).toEqual({ kind: 'netlify' });
    expect(parseTipStore('file:/var/lib/nanzhuang-tips')).toEqual({
      kind: 'file',
      directory: '/var/lib/nanzhuang-tips',
    });
    expect(parseTipStore('file:///var/lib/x')).toEqual({ kind: 'file', directory: '/var/lib/x' });
    expect(parseTipStore('s3://tips-bucket/nanzhuang/queue/')).toMatchObject({
      kind: 's3',
      location: { bucket: 'tips-bucket', prefix: 'nanzhuang/queue' },
    });
    expect(parseS3Url('s3://tips-bucket')).toEqual({ bucket: 'tips-bucket', prefix: '' });
    for (const bad of ['file:', 'blobs', 's3://', 's3://Bad_Bucket/x', 'http://x']) {
      expect(() => parseTipStore(bad), bad).toThrow(/TIP_STORE/);
    }
  });

  it('S3 settings: the endpoint with path-style addressing, the region, keys from the environment', () => {
    const config = s3ClientConfig({
      S3_ENDPOINT: 'https://oss.example.gov.cn',
      S3_REGION: 'cn-county-1',
      AWS_ACCESS_KEY_ID: 'id',
      AWS_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config).toMatchObject({
      endpoint: 'https://oss.example.gov.cn',
      region: 'cn-county-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
    expect(s3ClientConfig({})).toMatchObject({ region: 'us-east-1', forcePathStyle: false });
    expect(s3ClientConfig({ S3_ENDPOINT: 'https://x', S3_FORCE_PATH_STYLE: 'false' }).forcePathStyle).toBe(false);
  });
});

function serviceError(status: number, name: string): Error {
  return new S3ServiceException({ name, message: name, $fault: 'client', $metadata: { httpStatusCode: status } });
}
