import { z } from 'zod';
import { passwordProblem } from './password-policy.js';
import { USER_ROLES } from './roles.js';

export const usernameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'must be 2-63 characters: lower-case letters, digits, dot, hyphen, underscore');
/** NIST SP 800-63B §5.1.1.2: long enough, long ones allowed, and not a common password (`passwordProblem`). */
export const passwordSchema = z.string().max(1024).superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
});
export const userRoleSchema = z.enum(USER_ROLES);

export const newUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200).optional(),
  role: userRoleSchema,
  password: passwordSchema,
});
