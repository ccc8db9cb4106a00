// Which IP addresses a fetch may connect to: public unicast only unless private networks are allowed.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { YqError } from '../../errors.ts';

export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/** IPv4 carried inside IPv6 forms that route to it (mapped, NAT64, 6to4). */
function embeddedV4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = ip.range();
  const b = ip.toByteArray();
  if (range === 'ipv4Mapped' || range === 'rfc6052') return new ipaddr.IPv4(b.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(b.slice(2, 6));
  return null;
}

/** The named range of an address when it is not public unicast, else null. */
export function blockedRange(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return 'invalid';
  }
  if (ip.kind() === 'ipv6') {
    const v4 = embeddedV4(ip as ipaddr.IPv6);
    if (v4) return v4.range() === 'unicast' ? null : `${v4.range()} (embedded in IPv6)`;
  }
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

/**
 * Resolve a host name ourselves and return the address to connect to, refusing
 * non-public addresses unless allowed. The caller pins the connection to this address so a
 * second DNS answer (rebinding) cannot send it elsewhere.
 */
export async function resolveChecked(hostname: string, allowPrivate: boolean, allowCidrs: readonly string[] = []): Promise<CheckedAddress> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let candidates: { address: string; family: number }[];
  if (net.isIP(host)) {
    candidates = [{ address: host, family: net.isIP(host) }];
  } else {
    try {
      candidates = await lookup(host, { all: true, verbatim: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      throw new YqError('YQ_ERR_FETCH_FAILED', `cannot resolve host ${host} (${code})`, { cause: e });
    }
  }
  if (allowPrivate && candidates[0]) return toChecked(candidates[0]);
  const refused: string[] = [];
  for (const c of candidates) {
    const range = blockedRange(c.address);
    if (range === null || inCidrs(c.address, allowCidrs)) return toChecked(c);
    refused.push(`${c.address} is ${range}`);
  }
  throw new YqError(
    'YQ_ERR_FETCH_BLOCKED',
    `host ${host} resolves only to non-public addresses (${refused.join('; ') || 'none'}); ` +
      'set YUQING_ALLOW_PRIVATE_NETWORKS=1 to allow them',
  );
}

/** True when the address lies in one of the operator's explicitly allowed ranges (e.g. one intranet host). */
export function inCidrs(address: string, cidrs: readonly string[]): boolean {
  if (cidrs.length === 0) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return cidrs.some((c) => {
    const range = c.includes('/') ? ipaddr.parseCIDR(c) : ipaddr.parseCIDR(`${c}/${c.includes(':') ? 128 : 32}`);
    return ip.kind() === range[0].kind() && ip.match(range);
  });
}

function toChecked(c: { address: string; family: number }): CheckedAddress {
  return { address: c.address, family: c.family === 6 ? 6 : 4 };
}
