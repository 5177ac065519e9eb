import { importDataset } from '../../src/registry/commands/import-dataset.js';
import { parseDataset } from '../../src/registry/dataset/parse-dataset.js';
import type { Contract } from '../../src/registry/schemas/contract.js';
import type { Designation } from '../../src/registry/schemas/designation.js';
import type { Incident } from '../../src/registry/schemas/incident.js';
import type { Organization } from '../../src/registry/schemas/organization.js';
import type { Person } from '../../src/registry/schemas/person.js';
import type { Product } from '../../src/registry/schemas/product.js';
import type { Relationship, RelationshipType } from '../../src/registry/schemas/relationship.js';
import type { Store } from '../../src/store/store.js';
import { SYSTEM_CONTEXT } from './contexts.js';

type Without<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/**
 * Builds registry records for a test, with unique ids under a prefix and a source for every fact,
 * then loads them through the real import command (validation, log entries and all). Tests say
 * only what matters to them: `family.organization({ name: 'Parent Ltd.' })`.
 *
 * @example
 * const data = new RegistryFactory('fam');
 * const parent = data.organization({ name: 'Parent Ltd.' });
 * const child = data.organization({ name: 'Child Inc.' });
 * data.relationship(child, 'subsidiary-of', parent);
 * await data.load(store);
 */
export class RegistryFactory {
  readonly #prefix: string;
  #counter = 0;
  readonly #sections: Record<'sources' | 'organizations' | 'people' | 'products' | 'relationships' | 'designations' | 'incidents' | 'contracts', unknown[]> = {
    sources: [], organizations: [], people: [], products: [], relationships: [], designations: [], incidents: [], contracts: [],
  };
  /** The source every fact cites unless told otherwise. */
  readonly sourceId: string;

  constructor(prefix: string) {
    this.#prefix = prefix;
    this.sourceId = this.source('A report');
  }

  #id(kind: string): string {
    this.#counter += 1;
    return `${this.#prefix}-${kind}-${this.#counter}`;
  }

  source(title: string, extra: Record<string, unknown> = {}): string {
    const id = this.#id('source');
    this.#sections.sources.push({ id, title, publisher: 'Test publisher', ...extra });
    return id;
  }

  organization(fields: Without<Organization, 'id' | 'kind' | 'sources' | 'status'>): string {
    const id = this.#id('org');
    this.#sections.organizations.push({ id, kind: 'vendor', sources: [this.sourceId], ...fields });
    return id;
  }

  person(fields: Without<Person, 'id' | 'sources' | 'status'>): string {
    const id = this.#id('person');
    this.#sections.people.push({ id, sources: [this.sourceId], ...fields });
    return id;
  }

  product(vendor: string, fields: Without<Product, 'id' | 'vendor' | 'sources' | 'status'>): string {
    const id = this.#id('product');
    this.#sections.products.push({ id, vendor, sources: [this.sourceId], ...fields });
    return id;
  }

  relationship(from: string, type: RelationshipType, to: string, fields: Partial<Relationship> = {}): void {
    this.#sections.relationships.push({ from, type, to, sources: [this.sourceId], ...fields });
  }

  designation(subject: string, fields: Without<Designation, 'subject' | 'sources' | 'status' | 'authority' | 'list'>): void {
    this.#sections.designations.push({ subject, authority: 'US-BIS', list: 'Entity List', sources: [this.sourceId], ...fields });
  }

  incident(fields: Without<Incident, 'id' | 'sources' | 'status' | 'countries' | 'targetCategories'>): string {
    const id = this.#id('incident');
    this.#sections.incidents.push({ id, sources: [this.sourceId], ...fields });
    return id;
  }

  /** A contract; transactions cite the factory's source unless they say otherwise. */
  contract(fields: Without<Omit<Contract, 'transactions'>, 'sources' | 'status' | 'currency'> & { transactions?: readonly Record<string, unknown>[] }): string {
    const { transactions = [], ...contract } = fields;
    this.#sections.contracts.push({ sources: [this.sourceId], ...contract, transactions: transactions.map((t) => ({ sources: [this.sourceId], ...t })) });
    return fields.piid;
  }

  /** Imports everything built so far, as `registry import` would. */
  async load(store: Store): Promise<void> {
    const dataset = parseDataset(JSON.stringify(this.#sections), `${this.#prefix} factory`);
    await store.transaction((tx) => importDataset({ ctx: SYSTEM_CONTEXT, dataset }, tx));
  }
}
