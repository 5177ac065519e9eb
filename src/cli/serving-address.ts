/**
 * Where `countersign serve` can be reached, said truthfully: a wildcard bind (`0.0.0.0`, `::`)
 * listens on every interface — other machines can reach it — so the message says so instead of
 * naming only `localhost`; an IPv6 address goes in brackets as URLs require (RFC 3986 §3.2.2).
 *
 * @example
 * servingAddress('127.0.0.1', 8080); // 'http://127.0.0.1:8080'
 * servingAddress('0.0.0.0', 8080); // 'every network interface (0.0.0.0) on port 8080 — http://localhost:8080 from this machine'
 */
export function servingAddress(host: string, port: number): string {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '[::]';
  if (wildcard) return `every network interface (${host}) on port ${port} — http://localhost:${port} from this machine`;
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${bracketed}:${port}`;
}
