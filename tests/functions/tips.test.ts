import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Decrypter, Encrypter, armor } from 'age-encryption';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Context } from '@netlify/functions';
import handler from '../../netlify/functions/tips.mts';
import { bytesToBase64 } from '../../src/lib/bytes';
import { Tip, MAX_ENVELOPE_BYTES, type TipEnvelope } from '../../src/schemas/tip';
import { issueChallenge } from '../../src/lib/tips/pow';
import { parseTipMetadata } from '../../src/lib/tips/queue';
import { CHEAP, count, developmentIdentity, makeEnvelope, post, sampleTip, useTipLine } from './support/tip-line';

const blobs = useTipLine();

async function call(req: Request) {
  const res = await handler(req);
  const text = await res.text();
  return { res, status: res.status, body: JSON.parse(text) as { code?: string; message?: string; ok?: boolean } };
}

describe('POST /api/tips accepts a well-formed tip', () => {
  it('queues the ciphertext under the submission id with day, size and hash, and the office can open it', async () => {
    const envelope = await makeEnvelope();
    const before = await count(blobs.tips);
    const { res, status, body } = await call(post(envelope));
    expect(status).toBe(201);
    expect(body).toMatchObject({ ok: true, submissionId: envelope.submissionId });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await count(blobs.tips)).toBe(before + 1);

    const stored = await blobs.tips.getWithMetadata(envelope.submissionId, { type: 'arrayBuffer' });
    const bytes = new Uint8Array(stored.data);
    const metadata = parseTipMetadata(stored.metadata);
    expect(metadata?.received).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(metadata?.size).toBe(bytes.length);
    expect(Object.keys(stored.metadata).sort()).toEqual(['received', 'sha256', 'size', 'v']);

    const decrypter = new Decrypter();
    decrypter.addIdentity(await developmentIdentity());
    const tip = Tip.parse(JSON.parse(await decrypter.decrypt(bytes, 'text')));
    expect(tip.what).toContain('液化气钢瓶');
  });

  it('stores a file the standard `age -d` opens with the development identity', async () => {
    const envelope = await makeEnvelope({ tip: sampleTip('东堡村冶金厂有限空间作业无人监护。') });
    expect((await call(post(envelope))).status).toBe(201);
    const dir = join(blobs.directory, 'entries');
    const files: string[] = [];
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name === envelope.submissionId) files.push(join(entry.parentPath, entry.name));
    }
    expect(files).toHaveLength(1);
    const plain = execFileSync('age', ['-d', '-i', 'tests/fixtures/development-identity.txt', files[0]!], {
      encoding: 'utf8',
    });
    expect((JSON.parse(plain) as { what: string }).what).toBe('东堡村冶金厂有限空间作业无人监护。');
  });

  it('accepts an ASCII-armored ciphertext and stores it de-armored', async () => {
    const envelope = await makeEnvelope();
    const binary = Uint8Array.from(atob(envelope.ciphertext), (c) => c.charCodeAt(0));
    const { status } = await call(post({ ...envelope, ciphertext: armor.encode(binary) }));
    expect(status).toBe(201);
    const stored = new Uint8Array(await blobs.tips.get(envelope.submissionId, { type: 'arrayBuffer' }));
    expect(stored).toEqual(binary);
  });

  it('keeps no request header, address or time of day anywhere in the store', async () => {
    const envelope = await makeEnvelope();
    const markers = {
      'x-forwarded-for': '203.0.113.77',
      'x-nf-client-connection-ip': '198.51.100.23',
      'user-agent': 'InformantPhone/9.9 marker-ua',
      cookie: 'marker-cookie=1',
      referer: 'https://marker-referer.example/',
    };
    expect((await call(post(envelope, markers))).status).toBe(201);
    const all: string[] = [];
    for (const entry of await readdir(blobs.directory, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) all.push(await readFile(join(entry.parentPath, entry.name), 'latin1'));
    }
    const dump = all.join('\n');
    for (const value of ['203.0.113.77', '198.51.100.23', 'marker-ua', 'marker-cookie', 'marker-referer']) {
      expect(dump).not.toContain(value);
    }
    expect(dump).not.toMatch(/T\d{2}:\d{2}/); // no ISO time of day
  });
});

describe('bad input is refused with the right status and code, and the queue is untouched', () => {
  let baseline: TipEnvelope;
  beforeAll(async () => {
    baseline = await makeEnvelope();
  });
  let tipsBefore = 0;
  beforeEach(async () => {
    tipsBefore = await count(blobs.tips);
  });

  const fresh = () => makeEnvelope();
  const withId = (e: TipEnvelope) => ({ ...e, submissionId: crypto.randomUUID() });

  const cases: [string, () => Request | Promise<Request>, number, string][] = [
    ['GET', () => new Request('http://localhost/api/tips'), 405, 'method_not_allowed'],
    ['PUT', () => new Request('http://localhost/api/tips', { method: 'PUT', body: '{}' }), 405, 'method_not_allowed'],
    [
      'text/plain',
      () => post(JSON.stringify(baseline), { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    ],
    [
      'form encoding',
      () => post('a=b', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    ],
    [
      'json with another charset',
      () => post(baseline, { 'content-type': 'application/json; charset=latin1' }),
      415,
      'unsupported_media_type',
    ],
    ['malformed JSON', () => post('{"version":1,'), 400, 'invalid_json'],
    ['empty body', () => post(''), 400, 'invalid_json'],
    [
      'invalid UTF-8',
      () =>
        new Request('http://localhost/api/tips', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
        }),
      400,
      'invalid_json',
    ],
    // What a lenient runtime makes of invalid UTF-8 (Netlify's local one, for JSON bodies):
    // valid JSON with U+FFFD in it — refused the same way, before JSON.parse.
    ['U+FFFD in place of invalid bytes', () => post('{"version":1,"ciphertext":"\uFFFD"}'), 400, 'invalid_json'],
    [
      'oversized body',
      () => post(JSON.stringify({ ...baseline, ciphertext: 'A'.repeat(MAX_ENVELOPE_BYTES + 10) })),
      413,
      'too_large',
    ],
    [
      'oversized body without content-length',
      () => {
        const chunk = new TextEncoder().encode('A'.repeat(1024 * 1024));
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(c) {
            if (sent++ < 7) c.enqueue(chunk);
            else c.close();
          },
        });
        return new Request('http://localhost/api/tips', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: stream,
          duplex: 'half',
        } as RequestInit);
      },
      413,
      'too_large',
    ],
    ['JSON null', () => post('null'), 400, 'invalid_envelope'],
    ['JSON array', () => post('[]'), 400, 'invalid_envelope'],
    [
      'missing version',
      async () => {
        const { version: _v, ...rest } = withId(await fresh());
        return post(rest);
      },
      400,
      'invalid_envelope',
    ],
    [
      'missing submission id',
      async () => {
        const { submissionId: _s, ...rest } = await fresh();
        return post(rest);
      },
      400,
      'invalid_envelope',
    ],
    [
      'missing ciphertext',
      async () => {
        const { ciphertext: _c, ...rest } = withId(await fresh());
        return post(rest);
      },
      400,
      'invalid_envelope',
    ],
    [
      'missing proof of work',
      async () => {
        const { pow: _p, ...rest } = withId(await fresh());
        return post(rest);
      },
      400,
      'invalid_envelope',
    ],
    ['unknown version', async () => post({ ...withId(await fresh()), version: 2 }), 400, 'invalid_envelope'],
    [
      'extra field (e.g. a name)',
      async () => post({ ...withId(await fresh()), name: '张三' }),
      400,
      'invalid_envelope',
    ],
    [
      'submission id not a UUID',
      async () => post({ ...(await fresh()), submissionId: '../../etc/passwd' }),
      400,
      'invalid_envelope',
    ],
    [
      'control characters in the submission id',
      async () => post({ ...(await fresh()), submissionId: `${crypto.randomUUID()}\u0000` }),
      400,
      'invalid_envelope',
    ],
    [
      'plaintext instead of ciphertext',
      async () =>
        post({
          ...withId(await fresh()),
          ciphertext: bytesToBase64(new TextEncoder().encode(JSON.stringify(sampleTip()))),
        }),
      400,
      'invalid_ciphertext',
    ],
    [
      'ciphertext not base64',
      async () => post({ ...withId(await fresh()), ciphertext: '这不是密文' }),
      400,
      'invalid_ciphertext',
    ],
    [
      'control characters in the ciphertext',
      async () => {
        const e = withId(await fresh());
        return post({ ...e, ciphertext: `${e.ciphertext.slice(0, 40)}\u0007${e.ciphertext.slice(40)}` });
      },
      400,
      'invalid_ciphertext',
    ],
    [
      'age header without the MAC line',
      async () =>
        post({
          ...withId(await fresh()),
          ciphertext: bytesToBase64(new TextEncoder().encode('age-encryption.org/v1\n-> X25519 abc\nAAAA\n')),
        }),
      400,
      'invalid_ciphertext',
    ],
    [
      'age header with no payload',
      async () => {
        const e = withId(await fresh());
        const bytes = Uint8Array.from(atob(e.ciphertext), (c) => c.charCodeAt(0));
        const headerEnd = new TextDecoder('latin1').decode(bytes).indexOf('\n---') + 48;
        return post({ ...e, ciphertext: bytesToBase64(bytes.subarray(0, headerEnd)) });
      },
      400,
      'invalid_ciphertext',
    ],
    [
      'passphrase-encrypted age file',
      async () => {
        const enc = new Encrypter();
        enc.setPassphrase('not-the-office');
        enc.setScryptWorkFactor(2);
        return post({ ...withId(await fresh()), ciphertext: bytesToBase64(await enc.encrypt('x')) });
      },
      400,
      'invalid_ciphertext',
    ],
    [
      'challenge signature tampered',
      async () => {
        const e = withId(await fresh());
        e.pow.challenge.signature = e.pow.challenge.signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
        return post(e);
      },
      400,
      'challenge_invalid',
    ],
    [
      'challenge parameters tampered (cheaper cost)',
      async () => {
        const e = withId(await fresh());
        e.pow.challenge.parameters.cost += 1;
        return post(e);
      },
      400,
      'challenge_invalid',
    ],
    [
      'wrong solution',
      async () => {
        const e = withId(await fresh());
        e.pow.solution.derivedKey = 'ab'.repeat(32);
        return post(e);
      },
      400,
      'challenge_invalid',
    ],
    [
      'solution counter out of range',
      async () => {
        const e = withId(await fresh());
        return post({ ...e, pow: { ...e.pow, solution: { ...e.pow.solution, counter: -1 } } });
      },
      400,
      'invalid_envelope',
    ],
    [
      'challenge signed with another key',
      async () => {
        const e = withId(await fresh());
        const { challenge } = await issueChallenge('some-other-key-that-is-long-enough-000000', { difficulty: CHEAP });
        return post({ ...e, pow: { ...e.pow, challenge } });
      },
      400,
      'challenge_invalid',
    ],
    [
      'expired challenge',
      async () => post(await makeEnvelope({ expiresAt: new Date(Date.now() - 60_000) })),
      400,
      'challenge_expired',
    ],
    [
      // Not issued by this site (which issues 15 minutes): the replay guard could not forget it after a day.
      'challenge claiming a day of validity',
      async () => post(await makeEnvelope({ expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000) })),
      400,
      'challenge_invalid',
    ],
  ];

  for (const [name, request, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const { res, status: got, body } = await call(await request());
      expect({ status: got, code: body.code }).toEqual({ status, code });
      expect(body.message).toMatch(/[\u4e00-\u9fff]/); // a Chinese message the form shows as is
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await count(blobs.tips)).toBe(tipsBefore);
    });
  }

  it('a replayed proof of work (another submission, same solved challenge) → 400 challenge_used', async () => {
    const first = await makeEnvelope();
    expect((await call(post(first))).status).toBe(201);
    const tipsAfterFirst = await count(blobs.tips);
    const second = await makeEnvelope();
    const replay = { ...second, pow: first.pow };
    const { status, body } = await call(post(replay));
    expect({ status, code: body.code }).toEqual({ status: 400, code: 'challenge_used' });
    expect(await count(blobs.tips)).toBe(tipsAfterFirst);
  });

  it('the same submission id with different ciphertext → 409, the first tip kept', async () => {
    const first = await makeEnvelope();
    expect((await call(post(first))).status).toBe(201);
    const original = await blobs.tips.get(first.submissionId, { type: 'arrayBuffer' });
    const other = await makeEnvelope({ submissionId: first.submissionId, tip: sampleTip('另一条内容') });
    const { status, body } = await call(post(other));
    expect({ status, code: body.code }).toEqual({ status: 409, code: 'submission_conflict' });
    expect(new Uint8Array(await blobs.tips.get(first.submissionId, { type: 'arrayBuffer' }))).toEqual(
      new Uint8Array(original),
    );
  });
});

describe('idempotency and concurrency', () => {
  it('50 concurrent distinct submissions give exactly 50 tips', async () => {
    const before = await count(blobs.tips);
    const envelopes = await Promise.all(Array.from({ length: 50 }, () => makeEnvelope()));
    const results = await Promise.all(envelopes.map((e) => call(post(e))));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(await count(blobs.tips)).toBe(before + 50);
    const keys = new Set((await blobs.tips.list()).blobs.map((b) => b.key));
    for (const e of envelopes) expect(keys.has(e.submissionId)).toBe(true);
  });

  it('retries of one submission — concurrent and later — give one tip and the same success', async () => {
    const before = await count(blobs.tips);
    const envelope = await makeEnvelope();
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => call(post(envelope))));
    const later = [await call(post(envelope)), await call(post(envelope))];
    const all = [...concurrent, ...later];
    expect(all.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(all.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await count(blobs.tips)).toBe(before + 1);
  });

  it('a retry whose challenge has since expired still gets the same success (it is not a new tip)', async () => {
    // The clock, not a wait: sealing (key derivation, proof of work) takes a loaded machine seconds.
    const sealed = Date.now();
    const envelope = await makeEnvelope({ expiresAt: new Date(sealed + 10 * 60_000) });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(sealed + 60_000);
      const first = await call(post(envelope));
      expect(first.status).toBe(201);
      vi.setSystemTime(sealed + 30 * 60_000); // past the challenge's expiry (and its clock-skew allowance)
      const again = await call(post(envelope));
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('configuration', () => {
  it('a deployed site without TIP_POW_HMAC_KEY refuses tips (503) instead of using the development key', async () => {
    const saved = process.env.TIP_POW_HMAC_KEY;
    delete process.env.TIP_POW_HMAC_KEY;
    try {
      const before = await count(blobs.tips);
      const context = { deploy: { context: 'production' } } as unknown as Context;
      const res = await handler(post(await makeEnvelope()), context);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { code: string }).code).toBe('not_configured');
      expect(await count(blobs.tips)).toBe(before);
    } finally {
      process.env.TIP_POW_HMAC_KEY = saved;
    }
  });
});
