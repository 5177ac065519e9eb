import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Permission } from '../../accounts/policies.js';
import { POLICIES } from '../../accounts/policies.js';
import { CommandError } from '../../core/command-error.js';
import { parseInput } from '../../core/parse-input.js';
import type { AppEnv } from '../app-env.js';

type Method = 'get' | 'post' | 'put' | 'delete';
type JsonSchema = Record<string, unknown>;

/** One API operation: its route, its inputs as zod schemas, and what it answers. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  readonly method: Method;
  /** OpenAPI path form: `/organizations/{id}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Who may call it, for the documentation (the command itself enforces it). */
  readonly permission?: Permission;
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: JsonSchema; readonly contentType?: string }>>;
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  readonly params: z.output<P>;
  readonly query: z.output<Q>;
  readonly body: z.output<B>;
}

const EMPTY = z.object({});
const PROBLEM: JsonSchema = { $ref: '#/components/schemas/Problem' };

/**
 * Registers API routes on a Hono app and describes each in an OpenAPI 3.1 document, from the same
 * zod schemas that validate requests — so the documentation cannot drift from the checks.
 *
 * @example
 * router.add({ method: 'get', path: '/sources/{id}', operationId: 'getSource', summary: 'A source', tag: 'registry',
 *   params: z.object({ id: z.string() }), responses: { 200: { description: 'the source' } } },
 *   async (c, { params }) => c.json(await readSource(db, params.id)));
 */
export class ApiRouter {
  readonly #app: Hono<AppEnv>;
  readonly #base: string;
  readonly #paths: Record<string, Record<string, unknown>> = {};

  constructor(app: Hono<AppEnv>, base = '/api/v1') {
    this.#app = app;
    this.#base = base;
  }

  add<P extends z.ZodType = typeof EMPTY, Q extends z.ZodType = typeof EMPTY, B extends z.ZodType = typeof EMPTY>(
    spec: RouteSpec<P, Q, B>,
    handler: (c: Context<AppEnv>, input: RouteInput<P, Q, B>) => Promise<Response>,
  ): void {
    const honoPath = this.#base + spec.path.replace(/\{(\w+)\}/g, ':$1');
    this.#app.on(spec.method.toUpperCase(), honoPath, async (c) => {
      const params = parseInput(spec.params ?? EMPTY, c.req.param(), 'path parameters');
      const query = parseInput(spec.query ?? EMPTY, c.req.query(), 'query parameters');
      let body: unknown = {};
      if (spec.body) {
        const type = c.req.header('content-type') ?? '';
        if (!type.startsWith('application/json')) throw new CommandError({ code: 'INVALID_INPUT', message: 'send the body as application/json' });
        try {
          body = await c.req.json();
        } catch {
          throw new CommandError({ code: 'INVALID_INPUT', message: 'the body is not valid JSON', issues: [{ path: '(body)', message: 'not valid JSON' }] });
        }
        body = parseInput(spec.body, body, 'request body');
      }
      // parseInput returned the schemas' outputs; TypeScript loses the generics across the
      // EMPTY defaults, hence this one assertion.
      return handler(c, { params, query, body } as RouteInput<P, Q, B>);
    });
    this.#document(spec);
  }

  #document<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(spec: RouteSpec<P, Q, B>): void {
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
      if (!schema) continue;
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
      const properties = typeof json.properties === 'object' && json.properties !== null ? json.properties : {};
      const required = Array.isArray(json.required) ? json.required : [];
      for (const [name, property] of Object.entries(properties)) {
        parameters.push({ name, in: where, required: where === 'path' || required.includes(name), schema: property });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(spec.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema } } } : {}),
      };
    }
    responses['default'] = { description: 'A problem (RFC 9457)', content: { 'application/problem+json': { schema: PROBLEM } } };
    const operation = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.permission ? { description: `Requires role **${POLICIES[spec.permission]}** or above (${spec.permission}).`, security: [{ session: [] }, { bearer: [] }] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(spec.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      responses,
    };
    this.#paths[spec.path] = { ...(this.#paths[spec.path] ?? {}), [spec.method]: operation };
  }

  /** The OpenAPI 3.1 document for every route added so far. */
  document(version: string): Record<string, unknown> {
    return {
      openapi: '3.1.0',
      info: {
        title: 'Countersign API',
        version,
        description: 'Registry of commercial spyware vendors, procurement screening and a verifiable transparency log. Errors are RFC 9457 problem details. Dates are ISO 8601.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: this.#base }],
      paths: this.#paths,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'countersign_session', description: 'Browser session; writes also need the X-CSRF-Token header.' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (cs_…) from POST /tokens.' },
        },
        schemas: {
          Problem: {
            type: 'object',
            required: ['type', 'title', 'status', 'detail', 'code'],
            properties: {
              type: { type: 'string', format: 'uri-reference' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string' },
              instance: { type: 'string' },
              code: { type: 'string' },
              errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            },
          },
        },
      },
    };
  }
}
