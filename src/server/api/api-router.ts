import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Policy } from '../../accounts/policy.js';
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
  /** Who may call it, for the documentation (the command itself enforces it): a line of the policy table, or a workflow step's policy. */
  readonly permission?: Permission | Policy;
  /**
   * What it answers, by status. A JSON response declares a zod schema: the handler's `reply`
   * parses what it sends through it, so the schema is the presenter's contract — fields it does
   * not name never leave the server. Other content types (CSV, Atom, iCalendar) give a JSON
   * Schema or none.
   */
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType | JsonSchema; readonly contentType?: string }>>;
}

export interface RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  readonly params: z.output<P>;
  readonly query: z.output<Q>;
  readonly body: z.output<B>;
  /**
   * Answers with JSON presented through the route's declared response schema for `status` (the
   * first 2xx by default). An object replied is presented once and its text kept while the object
   * lives (a cached answer): do not change an object after replying with it.
   */
  readonly reply: (data: unknown, status?: number) => Response;
}

/** A route's response has a zod schema (JSON presented through it) rather than a JSON Schema or none. */
function isZod(schema: z.ZodType | JsonSchema | undefined): schema is z.ZodType {
  return schema instanceof z.ZodType;
}

/** The route's response schemas could not present what the handler sent: a programming error. */
export class PresenterError extends Error {}

const EMPTY = z.object({});

/** `data` as JSON text, through the presenter `schema` (fields it does not name are dropped). */
function present(schema: z.ZodType, data: unknown, what: string): string {
  const presented = schema.safeParse(data);
  if (!presented.success) throw new PresenterError(`${what}: ${presented.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return JSON.stringify(presented.data);
}
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
  readonly #specs: { method: Method; path: string; operationId: string; undeclaredJson: boolean }[] = [];

  constructor(app: Hono<AppEnv>, base = '/api/v1') {
    this.#app = app;
    this.#base = base;
  }

  add<P extends z.ZodType = typeof EMPTY, Q extends z.ZodType = typeof EMPTY, B extends z.ZodType = typeof EMPTY>(
    spec: RouteSpec<P, Q, B>,
    handler: (c: Context<AppEnv>, input: RouteInput<P, Q, B>) => Promise<Response>,
  ): void {
    const honoPath = this.#base + spec.path.replace(/\{(\w+)\}/g, ':$1');
    // An answer kept by a cache (the same object, replied again) is presented and serialised once.
    const presented = new Map<number, WeakMap<object, string>>();
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
      const reply = (data: unknown, status?: number): Response => {
        const code = status ?? Number(Object.keys(spec.responses).find((k) => k.startsWith('2')));
        const schema = spec.responses[code]?.schema;
        if (!isZod(schema)) throw new PresenterError(`${spec.operationId} declares no zod response schema for ${code}`);
        const kept = typeof data === 'object' && data !== null ? presented.get(code)?.get(data) : undefined;
        const text = kept ?? present(schema, data, `${spec.operationId} ${code}`);
        if (kept === undefined && typeof data === 'object' && data !== null) {
          const byData = presented.get(code) ?? new WeakMap<object, string>();
          presented.set(code, byData);
          byData.set(data, text);
        }
        c.header('content-type', 'application/json');
        return c.body(text, code as 200);
      };
      // parseInput returned the schemas' outputs; TypeScript loses the generics across the
      // EMPTY defaults, hence this one assertion.
      return handler(c, { params, query, body, reply } as RouteInput<P, Q, B>);
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
      const schema = isZod(response.schema) ? z.toJSONSchema(response.schema, { io: 'output', unrepresentable: 'any' }) : response.schema;
      responses[status] = {
        description: response.description,
        ...(schema ? { content: { [response.contentType ?? 'application/json']: { schema } } } : {}),
      };
    }
    responses['default'] = { description: 'A problem (RFC 9457)', content: { 'application/problem+json': { schema: PROBLEM } } };
    const operation = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.permission ? { description: `Allowed: ${typeof spec.permission === 'string' ? `${POLICIES[spec.permission].describe} (${spec.permission})` : spec.permission.describe}.`, security: [{ session: [] }, { bearer: [] }] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(spec.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      responses,
    };
    this.#paths[spec.path] = { ...(this.#paths[spec.path] ?? {}), [spec.method]: operation };
    // A 2xx that answers JSON (any but 204 No Content and other declared content types) must present through a zod schema.
    const undeclaredJson = Object.entries(spec.responses).some(([status, r]) => status.startsWith('2') && status !== '204' && (r.contentType === undefined || r.contentType === 'application/json') && !isZod(r.schema));
    this.#specs.push({ method: spec.method, path: spec.path, operationId: spec.operationId, undeclaredJson });
  }

  /** Every route added so far: its method, OpenAPI path, operation id and declared responses (the route × role test walks them). */
  get routes(): readonly { method: Method; path: string; operationId: string; undeclaredJson: boolean }[] {
    return this.#specs;
  }

  /** The OpenAPI 3.1 document for every route added so far. */
  document(version: string, extra: { schemas?: Record<string, unknown>; extensions?: Record<string, unknown> } = {}): Record<string, unknown> {
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
      ...(extra.extensions ?? {}),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'countersign_session', description: 'Browser session; writes also need the X-CSRF-Token header.' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (cs_…) from POST /tokens.' },
        },
        schemas: {
          ...(extra.schemas ?? {}),
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
