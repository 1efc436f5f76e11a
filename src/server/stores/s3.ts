/**
 * The queue in an S3-compatible bucket (`TIP_STORE=s3://bucket/prefix`): a `QueueStore`
 * (src/lib/tips/queue.ts) for government clouds with object storage (MinIO and the like).
 *
 * Layout: object `<prefix>/<store>/<key>`, its body the value's bytes exactly as given (a tip
 * object is the age file itself), its metadata JSON in the user metadata header
 * `x-amz-meta-nz` (base64url, as S3 metadata must be ASCII).
 *
 * Create-if-absent is S3's conditional write: `PUT` with `If-None-Match: *`, which the server
 * refuses with 412 when the key exists. This is only as atomic as the server makes it: use an
 * object store that implements conditional writes (docs/deploying.md lists which do); on one that
 * ignores the header, two writers of one key would both "win". 409 (a concurrent conditional
 * write in progress, as AWS answers) is retried.
 *
 * Configuration: S3_ENDPOINT (e.g. https://oss.example.gov.cn; AWS itself when unset), S3_REGION
 * (default us-east-1), S3_FORCE_PATH_STYLE (default on with an endpoint: MinIO and most
 * self-hosted servers want `endpoint/bucket/key`), and credentials the standard way
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE, …).
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { EntryStore, STORE_KEY, toBytes, type SetOptions, type StoredEntry } from './entry-store';
import type { S3Location } from './s3-url';

const METADATA_HEADER = 'nz';
const CONFLICT_RETRIES = 6;

export class S3KeyError extends Error {}

function checkKey(key: string): string {
  if (!STORE_KEY.test(key)) throw new S3KeyError(`key not allowed in the S3 store: ${JSON.stringify(key)}`);
  return key;
}

/** The client settings from the environment (see the comment at the top). */
export function s3ClientConfig(env: NodeJS.ProcessEnv = process.env): S3ClientConfig {
  const endpoint = env.S3_ENDPOINT || undefined;
  const pathStyle = env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE !== 'false' : Boolean(endpoint);
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  return {
    region: env.S3_REGION || env.AWS_REGION || 'us-east-1',
    // Keys from these variables when set; otherwise the SDK's usual chain (profile files, …).
    ...(accessKeyId && secretAccessKey
      ? {
          credentials: {
            accessKeyId,
            secretAccessKey,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
          },
        }
      : {}),
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: pathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers reject or mishandle the
    // newer default (CRC32 trailers in aws-chunked bodies). Bodies are sent whole, with a length.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

function encodeMetadata(metadata: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(metadata), 'utf8').toString('base64url');
}

function decodeMetadata(headers: Record<string, string> | undefined): Record<string, unknown> {
  const value = headers?.[METADATA_HEADER];
  if (!value) return {};
  const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

const statusOf = (error: unknown): number | undefined =>
  error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;

const isMissing = (error: unknown): boolean =>
  statusOf(error) === 404 || (error instanceof S3ServiceException && /^(NoSuchKey|NotFound)$/.test(error.name));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class S3Store extends EntryStore {
  private readonly base: string;

  constructor(
    private readonly client: S3Client,
    private readonly location: S3Location,
    name: string,
  ) {
    super();
    this.base = `${location.prefix ? `${location.prefix}/` : ''}${checkKey(name)}/`;
  }

  private objectKey(key: string): string {
    return this.base + checkKey(key);
  }

  protected async read(key: string): Promise<StoredEntry | null> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
      );
      const data = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      return { data, metadata: decodeMetadata(out.Metadata) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async getMetadata(key: string): Promise<{ metadata: Record<string, unknown> } | null> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }),
      );
      return { metadata: decodeMetadata(out.Metadata) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async set(key: string, data: Blob | string | ArrayBuffer, options: SetOptions = {}): Promise<{ modified: boolean }> {
    const body = await toBytes(data);
    const command = () =>
      new PutObjectCommand({
        Bucket: this.location.bucket,
        Key: this.objectKey(key),
        Body: body,
        ContentLength: body.length,
        ContentType: 'application/octet-stream',
        Metadata: { [METADATA_HEADER]: encodeMetadata(options.metadata ?? {}) },
        ...(options.onlyIfNew ? { IfNoneMatch: '*' } : {}),
      });
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.send(command());
        return { modified: true };
      } catch (error) {
        const status = statusOf(error);
        if (options.onlyIfNew && status === 412) return { modified: false };
        // 409 ConditionalRequestConflict: another conditional write of this key is in flight.
        if (options.onlyIfNew && status === 409 && attempt < CONFLICT_RETRIES) {
          await pause(25 * 2 ** attempt);
          continue;
        }
        throw error;
      }
    }
  }

  async list(): Promise<{ blobs: { key: string }[] }> {
    const blobs: { key: string }[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.location.bucket, Prefix: this.base, ContinuationToken: token }),
      );
      for (const object of out.Contents ?? []) {
        const key = object.Key?.slice(this.base.length);
        if (key && STORE_KEY.test(key)) blobs.push({ key });
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return { blobs };
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }));
  }
}
