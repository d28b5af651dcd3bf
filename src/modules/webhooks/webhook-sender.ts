import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from '../../domain/webhooks/index.js';

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

const TIMEOUT_MS = 10_000;

/**
 * POSTs one signed delivery. Redirects are not followed (a 3xx is a failure) and, unless private
 * addresses are allowed, the connection is refused when the host is, or resolves to, a loopback,
 * private or link-local address: checked on the address actually connected to, so a name that
 * resolves differently on the second lookup cannot slip through.
 */
export function sendDelivery(
  target: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve({ ok: false, statusCode: null, error: 'invalid address' });
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && isIP(host) && !isPublicAddress(host))
      return resolve({ ok: false, statusCode: null, error: `refused: ${host} is a private or local address` });
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: TIMEOUT_MS,
        lookup: allowPrivate ? undefined : publicOnlyLookup,
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          const code = response.statusCode ?? 0;
          const ok = code >= 200 && code < 300;
          resolve({ ok, statusCode: code, error: ok ? null : `HTTP ${code}` });
        });
        response.on('error', (e) => resolve({ ok: false, statusCode: response.statusCode ?? null, error: e.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on('error', (e) => resolve({ ok: false, statusCode: null, error: describe(e) }));
    request.end(body);
  });
}

const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked)
      return callback(
        new Error(`refused: ${hostname} resolves to ${blocked.address}, a private or local address`),
        '',
        0,
      );
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function describe(e: Error & { code?: string }): string {
  return (e.code ? `${e.code}: ${e.message}` : e.message).slice(0, 500);
}
