import { z } from 'zod';

export const signedInPresenter = z.object({ username: z.string(), role: z.string(), csrfToken: z.string().describe('send it as X-CSRF-Token on writes') });

export const whoAmIPresenter = z.object({
  authenticated: z.boolean(), username: z.string().nullable(), role: z.string(), actorId: z.string(), csrfToken: z.string().nullable(),
});

export const apiTokenPresenter = z.object({ id: z.uuid(), name: z.string(), token: z.string().describe('shown once; keep it'), createdAt: z.string() });
