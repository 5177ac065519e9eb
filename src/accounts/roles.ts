/**
 * Roles in order of trust. Anonymous visitors are `public`; `system` is Countersign itself (the
 * bundled dataset, scheduled screening).
 */
export const ROLES = ['public', 'contributor', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a user account can hold (an account is never `public`). */
export const USER_ROLES = ['contributor', 'analyst', 'editor', 'admin'] as const satisfies readonly Role[];
export type UserRole = (typeof USER_ROLES)[number];

export function isUserRole(value: string): value is UserRole {
  return USER_ROLES.some((r) => r === value);
}

/** Whether `role` is at least as trusted as `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
