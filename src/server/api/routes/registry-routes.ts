import { z } from 'zod';
import { CommandError } from '../../../core/command-error.js';
import type { RecordType } from '../../../registry/schemas/common.js';
import { listRecords } from '../../../store/registry/queries/list-records.js';
import { readContracts } from '../../../store/registry/queries/read-contracts.js';
import { readIncident, readOrganization, readPerson, readProduct, readSource } from '../../../store/registry/queries/read-records.js';
import type { Store } from '../../../store/store.js';
import type { ApiRouter } from '../api-router.js';
import { idParamsSchema, pageQuerySchema, piidParamsSchema } from '../common-schemas.js';
import { pageOf } from '../presenters/page.js';
import { contractViewPresenter, incidentViewPresenter, organizationViewPresenter, personViewPresenter, productViewPresenter, RECORD_PRESENTERS, sourceViewPresenter } from '../presenters/registry-presenters.js';

function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new CommandError({ code: 'NOT_FOUND', message: `no ${what}` });
  return value;
}

const LISTS: { path: string; type: RecordType; name: string }[] = [
  { path: '/organizations', type: 'organization', name: 'Organizations' },
  { path: '/people', type: 'person', name: 'People' },
  { path: '/products', type: 'product', name: 'Products' },
  { path: '/relationships', type: 'relationship', name: 'Relationships' },
  { path: '/incidents', type: 'incident', name: 'Incidents' },
  { path: '/contracts', type: 'contract', name: 'Contracts' },
  { path: '/sources', type: 'source', name: 'Sources' },
  { path: '/policies', type: 'policy', name: 'Policies' },
];

/** Public reads of the registry: lists with pagination, and each record with everything around it. */
export function addRegistryRoutes(router: ApiRouter, store: Store): void {
  for (const list of LISTS) {
    router.add(
      { method: 'get', path: list.path, operationId: `list${list.name}`, summary: `${list.name}, a page at a time`, tag: 'registry', query: pageQuerySchema, responses: { 200: { description: `A page of ${list.name.toLowerCase()}`, schema: pageOf(RECORD_PRESENTERS[list.type]) } } },
      async (_c, { query, reply }) => reply(await listRecords(store.db, list.type, query)),
    );
  }

  router.add(
    {
      method: 'get', path: '/designations', operationId: 'listDesignations', summary: 'Designations (Entity List, sanctions), newest listing first', tag: 'registry',
      query: pageQuerySchema.extend({ authority: z.string().max(20).optional(), subject: z.string().max(100).optional(), active: z.enum(['true', 'false']).optional() }),
      responses: { 200: { description: 'A page of designations', schema: pageOf(RECORD_PRESENTERS.designation) } },
    },
    async (_c, { query, reply }) => reply(await listRecords(store.db, 'designation', { ...query, designations: { authority: query.authority, subject: query.subject, active: query.active === undefined ? undefined : query.active === 'true' } })),
  );

  router.add(
    { method: 'get', path: '/organizations/{id}', operationId: 'getOrganization', summary: 'An organization with its names, owners and subsidiaries, products, designations (timeline), incidents, contracts with transactions, and sources', tag: 'registry', params: idParamsSchema, responses: { 200: { description: 'The organization and everything around it', schema: organizationViewPresenter } } },
    async (_c, { params, reply }) => reply(found(await readOrganization(store.db, params.id), `organization "${params.id}"`)),
  );
  router.add(
    { method: 'get', path: '/people/{id}', operationId: 'getPerson', summary: 'A person with relationships, designations and sources', tag: 'registry', params: idParamsSchema, responses: { 200: { description: 'The person', schema: personViewPresenter } } },
    async (_c, { params, reply }) => reply(found(await readPerson(store.db, params.id), `person "${params.id}"`)),
  );
  router.add(
    { method: 'get', path: '/products/{id}', operationId: 'getProduct', summary: 'A product with its vendor, capabilities, incidents and sources', tag: 'registry', params: idParamsSchema, responses: { 200: { description: 'The product', schema: productViewPresenter } } },
    async (_c, { params, reply }) => reply(found(await readProduct(store.db, params.id), `product "${params.id}"`)),
  );
  router.add(
    { method: 'get', path: '/incidents/{id}', operationId: 'getIncident', summary: 'An incident with products, vendors and sources', tag: 'registry', params: idParamsSchema, responses: { 200: { description: 'The incident', schema: incidentViewPresenter } } },
    async (_c, { params, reply }) => reply(found(await readIncident(store.db, params.id), `incident "${params.id}"`)),
  );
  router.add(
    { method: 'get', path: '/contracts/{piid}', operationId: 'getContract', summary: 'A contract with its buyer, recipient, transactions (award, modifications, stop-work, lift …) and sources', tag: 'registry', params: piidParamsSchema, responses: { 200: { description: 'The contract', schema: contractViewPresenter } } },
    async (_c, { params, reply }) => reply(found((await readContracts(store.db, [params.piid]))[0], `contract "${params.piid}"`)),
  );
  router.add(
    { method: 'get', path: '/sources/{id}', operationId: 'getSource', summary: 'A source and every record that cites it', tag: 'registry', params: idParamsSchema, responses: { 200: { description: 'The source', schema: sourceViewPresenter } } },
    async (_c, { params, reply }) => reply(found(await readSource(store.db, params.id), `source "${params.id}"`)),
  );
}
