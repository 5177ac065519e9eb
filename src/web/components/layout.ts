import { can } from '../../accounts/policies.js';
import type { AuthState } from '../../server/app-env.js';
import { html, type Renderable, type SafeHtml } from './html.js';
import { staticUrl } from './static-asset.js';

/** What every page's frame needs to know about the request. */
export interface PageFrame {
  /** Who is reading: the header shows their name and the staff links their role allows. */
  readonly auth: AuthState;
  /** The path being shown, to mark the current link and come back after signing in. */
  readonly path: string;
  /** The search words, to keep them in the header's search box. */
  readonly query?: string;
}

export interface PageContent {
  readonly title: string;
  /** One line for search engines and link previews. */
  readonly description?: string;
  readonly main: Renderable;
  /** Other representations of the page, as `<link rel="alternate">` (the alerts' Atom feed). */
  readonly alternates?: readonly AlternateLink[];
}

/** A feed or other format of the same content, announced in the page's head for feed readers. */
export interface AlternateLink {
  readonly type: string;
  readonly href: string;
  readonly title: string;
}

function navLink(frame: PageFrame, href: string, label: string): SafeHtml {
  const current = frame.path === href || (href !== '/' && frame.path.startsWith(`${href}/`));
  return html`<li><a href="${href}"${current ? html` aria-current="page"` : ''}>${label}</a></li>`;
}

/**
 * The hidden form field that carries the session's CSRF token on every signed-in POST.
 *
 * @example
 * html`<form method="post" action="/logout">${csrfField(frame.auth)}<button>Sign out</button></form>`;
 */
export function csrfField(auth: AuthState): SafeHtml {
  return auth.csrfToken ? html`<input type="hidden" name="_csrf" value="${auth.csrfToken}">` : html``;
}

function account(frame: PageFrame): SafeHtml {
  const { auth } = frame;
  if (!auth.user) {
    const next = frame.path === '/login' ? '/' : frame.path;
    return html`<p class="account"><a href="/login?next=${encodeURIComponent(next)}">Sign in</a> <span class="muted">(staff)</span></p>`;
  }
  return html`<form class="account" method="post" action="/logout">
${csrfField(auth)}<span>Signed in as <strong>${auth.user.username}</strong> (${auth.actor.role})</span>
<a href="/account/password">Password</a>${auth.actor.role === 'admin' ? html` <a href="/admin/users">Accounts</a> <a href="/admin/import">Import</a>` : ''}
<button type="submit" class="link-button">Sign out</button>
</form>`;
}

/**
 * The page every portal response is wrapped in: header with the site's name, navigation and a
 * search box that works without script, the main content, and a footer. Styles come from
 * /static/site.css (the Content-Security-Policy allows no inline style).
 *
 * @example
 * c.html(layout(frame, { title: 'Candiru', main: html`<h1>Candiru</h1>` }).toString());
 */
export function layout(frame: PageFrame, page: PageContent): SafeHtml {
  const staff = can(frame.auth.actor, 'change.list');
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Countersign</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
<link rel="stylesheet" href="${staticUrl('site.css')}">
${(page.alternates ?? []).map((a) => html`<link rel="alternate" type="${a.type}" href="${a.href}" title="${a.title}">
`)}<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="site-header">
<div class="wrap header-row">
<a class="site-name" href="/">Countersign</a>
<nav aria-label="Main">
<ul>
${navLink(frame, '/search', 'Registry')}
${navLink(frame, '/designations', 'Designations')}
${navLink(frame, '/alerts', 'Alerts')}
${navLink(frame, '/export-licenses', 'Export licences')}
${navLink(frame, '/acquisition-reviews', 'Oversight')}
${navLink(frame, '/disclosure-requests', 'Requests')}
${navLink(frame, '/dockets', 'Dockets')}
${navLink(frame, '/log', 'Log')}
${navLink(frame, '/tips/new', 'Send a tip')}
${staff ? navLink(frame, '/review', 'Review') : ''}
${staff ? navLink(frame, '/propose', 'Propose') : ''}
${staff ? navLink(frame, '/tips', 'Tips') : ''}
</ul>
</nav>
${account(frame)}
</div>
<div class="wrap">
<form class="site-search" role="search" method="get" action="/search">
<label for="site-search-q">Search vendors, products, people, contracts</label>
<span class="search-row"><input id="site-search-q" type="search" name="q" value="${frame.query ?? ''}" autocomplete="off">
<button type="submit">Search</button></span>
</form>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>Countersign is open oversight infrastructure for government surveillance technology: who sells it, who buys it, under what authority. Every fact links to its sources.</p>
<p><a href="/api/v1/openapi.json">Open API</a> · <a href="/designations">All designations</a> · <a href="/alerts">Procurement alerts</a> (<a href="/feeds/alerts.atom" type="application/atom+xml">Atom feed</a>) · <a href="/log">Transparency log</a> · <a href="/exposure">Investor exposure</a> · <a href="/tips/new">Send a tip</a></p>
</div>
</footer>
</body>
</html>`;
}
