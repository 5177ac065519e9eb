/**
 * The URL if it may become a link: absolute http or https only. Anything else — `javascript:`,
 * `data:`, protocol-relative `//host`, text that is not a URL — is refused, so a hostile source
 * URL is shown as text and never becomes a clickable script (OWASP XSS Prevention, rule 5).
 *
 * @example
 * safeHref('https://www.commerce.gov/news'); // 'https://www.commerce.gov/news'
 * safeHref('javascript:alert(1)'); // null
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

/**
 * A path on this site to return to after signing in, or `/`: only a local absolute path, never
 * `//other.host` or `/\other.host` (which browsers treat as another origin) — an open redirect
 * would let a phishing link borrow the portal's name.
 *
 * @example
 * localPath('/review'); // '/review'
 * localPath('https://evil.example/'); // '/'
 */
export function localPath(path: string | null | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || /[\u0000-\u001f]/.test(path)) return '/';
  return path;
}
