// Real loopback receivers for alert tests: an HTTP server recording every call (webhooks, robots, SMS
// gateway) with scripted answers, and an SMTP server (smtp-server) parsing each mail (mailparser).
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface HttpCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface HttpReceiver {
  url: string;
  calls: HttpCall[];
  /** Status codes to answer with, in order; afterwards 200. */
  script: number[];
  /** Body of 200 answers. */
  okBody: string;
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Resolve once `pred` holds, polling; rejects after the timeout (a test failure, not a timing assertion). */
export async function until(pred: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Start an HTTP receiver on 127.0.0.1 (port 0). */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const r: HttpReceiver = {
    url: '', calls: [], script: [], okBody: '{"errcode":0,"errmsg":"ok","code":0}',
    waitFor: (n, timeoutMs) => until(() => r.calls.length >= n, timeoutMs, `${n} HTTP calls`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.calls.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
      const status = r.script.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? r.okBody : '{"error":"scripted failure"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return r;
}

export interface Mail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmtpReceiver {
  port: number;
  mails: Mail[];
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Start an SMTP server on 127.0.0.1 that accepts every mail (no TLS, no auth) and parses it. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        mails.push({
          from: m.from?.text ?? '',
          to: Array.isArray(m.to) ? m.to.map((t) => t.text).join(', ') : m.to?.text ?? '',
          subject: m.subject ?? '',
          text: m.text ?? '',
          html: typeof m.html === 'string' ? m.html : '',
        });
        done();
      }, (err: Error) => done(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port, mails,
    waitFor: (n, timeoutMs) => until(() => mails.length >= n, timeoutMs, `${n} mails`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
