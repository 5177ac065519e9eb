/**
 * What a scoped grant can be about: a government agency or oversight body (a registry
 * organisation), an oversight board (a jurisdiction preset), a vendor (a registry organisation),
 * or one case (`acquisition-review:…`).
 */
export const SCOPE_KINDS = ['agency', 'board', 'vendor', 'body', 'case'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/**
 * Roles held within a scope, and the scope kind each one takes. They sit beside the global
 * ladder (public → admin), which governs the registry: an officer of ICE may open ICE's
 * acquisition reviews and nothing else.
 */
export const SCOPED_ROLES = {
  /** An agency's compliance officer: opens its acquisition reviews, records authorisations and uses. */
  officer: 'agency',
  /** Decides an agency's acquisition reviews (EO 14093 §3); not delegable. */
  'certifying-official': 'agency',
  /** Audits an agency's uses (an inspector general's auditor). */
  auditor: 'agency',
  /** Votes on a board's dockets. */
  'board-member': 'board',
  /** Keeps a board's dockets: notices, hearings, moderation of comments. */
  'board-clerk': 'board',
  /** Files a vendor's transparency reports. */
  'vendor-representative': 'vendor',
  /** Receives and handles complaints routed to an oversight body. */
  'complaint-handler': 'body',
  /** Reviews export-licence applications for a licensing agency (BIS). */
  'licensing-officer': 'agency',
} as const satisfies Record<string, ScopeKind>;
export type ScopedRole = keyof typeof SCOPED_ROLES;

export function isScopedRole(value: string): value is ScopedRole {
  return Object.hasOwn(SCOPED_ROLES, value);
}

/** One scope: `{ kind: 'agency', id: 'immigration-and-customs-enforcement' }`. */
export interface Scope {
  readonly kind: ScopeKind;
  readonly id: string;
}

/** A scoped role a user holds. */
export interface Grant {
  readonly role: ScopedRole;
  readonly scope: Scope;
}

/** `agency:ice` → a scope; null if the text is not one. */
export function parseScope(text: string): Scope | null {
  const match = /^([a-z]+):([A-Za-z0-9][A-Za-z0-9._:-]{0,199})$/.exec(text);
  const kind = SCOPE_KINDS.find((k) => k === match?.[1]);
  return kind && match?.[2] ? { kind, id: match[2] } : null;
}

export function formatScope(scope: Scope): string {
  return `${scope.kind}:${scope.id}`;
}
