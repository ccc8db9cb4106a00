// One HTTP exchange, connected to an address checked beforehand (DNS pinning), optionally via a proxy.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { LookupFunction } from 'node:net';
import type { CheckedAddress } from './address-policy.ts';

export interface HopRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer | undefined;
  address: CheckedAddress;
  proxy?: URL | undefined;
  signal: AbortSignal;
}

/** A lookup that always answers with the address already checked, whatever DNS says now. */
function pinnedLookup(address: CheckedAddress): LookupFunction {
  return ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
    if (opts?.all) cb(null, [{ address: address.address, family: address.family }]);
    else cb(null, address.address, address.family);
  }) as LookupFunction;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Open a CONNECT tunnel through an http proxy to the checked address. */
function tunnel(proxy: URL, target: string, port: number, signal: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: hostOf(proxy), port: portOf(proxy), method: 'CONNECT', path: `${target}:${port}`, agent: false, signal,
      headers: { host: `${target}:${port}` },
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) resolve(socket);
      else {
        socket.destroy();
        reject(new Error(`proxy refused CONNECT with HTTP ${res.statusCode}`));
      }
    });
    req.once('error', reject);
    req.end();
  });
}

/** Send the request and resolve with the response head; the caller reads or discards the body. */
export async function sendHop(r: HopRequest): Promise<http.IncomingMessage> {
  const host = hostOf(r.url);
  const port = portOf(r.url);
  const isHttps = r.url.protocol === 'https:';
  const headers = { host: r.url.host, ...r.headers };
  const base: https.RequestOptions = {
    method: r.method, headers, agent: false, signal: r.signal, path: `${r.url.pathname}${r.url.search}`,
  };
  let opts: https.RequestOptions;
  if (r.proxy && !isHttps) {
    // Plain HTTP through a proxy: absolute-form target, sent to the proxy itself.
    opts = { ...base, host: hostOf(r.proxy), port: portOf(r.proxy), path: r.url.href };
  } else if (r.proxy) {
    const target = r.address.family === 6 ? `[${r.address.address}]` : r.address.address;
    const socket = await tunnel(r.proxy, target, port, r.signal);
    const servername = net.isIP(host) ? undefined : host;
    opts = { ...base, host, port, createConnection: () => tls.connect({ socket, servername }) };
  } else {
    opts = { ...base, host, port, lookup: pinnedLookup(r.address) };
    if (isHttps && !net.isIP(host)) opts.servername = host;
  }
  return new Promise((resolve, reject) => {
    const req = (isHttps ? https : http).request(opts, resolve);
    req.once('error', reject);
    if (r.body !== undefined) req.end(r.body);
    else req.end();
  });
}
