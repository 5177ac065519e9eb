import { CommandError } from '../../../core/command-error.js';
import { foldText } from '../../../registry/search/fold-text.js';
import type { ImportStore } from '../../import-store.js';
import type { Spyware } from './parse-granitt.js';

/** GranittHQ names its files after the spyware: `data-pegasus-victims`, `granitt-candiru-victims.csv`. */
function hintOfFileName(fileName: string): string | null {
  return /(?:^|[\\/])(?:granitt-|data-)?([a-z0-9]+)-victims(?:\.csv)?$/i.exec(fileName)?.[1] ?? null;
}

/**
 * The spyware a GranittHQ file is about, as registry records: a product (and its vendor) or a
 * vendor whose id, name or alias is the name given (`--spyware`) or, failing that, the one in
 * the file's name. A file about spyware the registry does not know is refused: the incidents
 * would name no vendor.
 *
 * @example
 * await resolveSpyware(tx.imports, undefined, 'granitt-pegasus-victims.csv'); // { label: 'Pegasus', products: ['pegasus'], vendors: ['nso-group'] }
 */
export async function resolveSpyware(store: ImportStore, named: string | undefined, fileName: string): Promise<Spyware> {
  const hint = named ?? hintOfFileName(fileName);
  if (hint === null || hint.trim() === '') {
    throw new CommandError({ code: 'INVALID_INPUT', message: `${fileName}: say which spyware the file is about (--spyware NAME: a product or vendor in the registry)`, issues: [{ path: 'spyware', message: 'required for a GranittHQ file whose name does not say' }] });
  }
  const wanted = foldText(hint);
  const product = (await store.products()).find((p) => p.id === hint || [p.name, ...(p.aliases ?? [])].some((n) => foldText(n) === wanted));
  if (product) return { label: product.name, products: [product.id], vendors: [product.vendor] };
  const vendor = (await store.organizations()).find((o) => o.kind !== 'government-agency' && (o.id === hint || [o.name, ...(o.aliases ?? [])].some((n) => foldText(n) === wanted)));
  if (vendor) return { label: vendor.name, products: [], vendors: [vendor.id] };
  throw new CommandError({ code: 'INVALID_INPUT', message: `${fileName}: the registry has no product or vendor named "${hint}"; say which with --spyware NAME`, issues: [{ path: 'spyware', message: `unknown spyware "${hint}"` }] });
}
