/**
 * A real HTTP server on 127.0.0.1 standing in for the group robots' webhooks. It records every
 * request and answers as the robots do: HTTP 200 with `{"errcode":0,"errmsg":"ok"}`, or an errcode
 * when it refuses. At `/dingtalk-signed` it checks 钉钉's 加签 (timestamp within an hour, sign =
 * base64 HMAC-SHA256 of `timestamp\nsecret`) with the secret it was given, as 钉钉 does.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
}

export interface WebhookServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const DINGTALK_SECRET = 'SECtest0123456789abcdef0123456789abcdef0123456789abcdef0123456789';

export async function startWebhookServer(): Promise<WebhookServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        contentType: req.headers['content-type'],
        body,
      });
      const answer = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (url.pathname === '/down') return answer(503, { message: 'unavailable' });
      if (url.pathname === '/refuse') return answer(200, { errcode: 93000, errmsg: 'invalid webhook url' });
      if (url.pathname === '/dingtalk-signed') {
        const timestamp = url.searchParams.get('timestamp') ?? '';
        const expected = createHmac('sha256', DINGTALK_SECRET)
          .update(`${timestamp}\n${DINGTALK_SECRET}`)
          .digest('base64');
        const fresh = Math.abs(Date.now() - Number(timestamp)) < 60 * 60 * 1000;
        if (!fresh || url.searchParams.get('sign') !== expected) {
          return answer(200, { errcode: 310000, errmsg: 'sign not match' });
        }
      }
      answer(200, { errcode: 0, errmsg: 'ok' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
