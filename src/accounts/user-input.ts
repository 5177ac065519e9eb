import { z } from 'zod';
import { USER_ROLES } from './roles.js';

export const usernameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'must be 2-63 characters: lower-case letters, digits, dot, hyphen, underscore');
/** NIST SP 800-63B §5.1.1.2: at least 8 characters for user-chosen secrets, long ones allowed. */
export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(1024);
export const userRoleSchema = z.enum(USER_ROLES);

export const newUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200).optional(),
  role: userRoleSchema,
  password: passwordSchema,
});
