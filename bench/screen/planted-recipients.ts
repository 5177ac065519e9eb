import { editDistance } from '../../src/procurement/matching/edit-distance.js';
import { isKnownWord } from '../../src/procurement/matching/known-words.js';
import type { Watchlist, WatchlistEntry } from '../../src/procurement/matching/types.js';
import { CONTRACTOR_SURNAMES } from '../../src/procurement/testing/watchlist-factory.js';
import type { Company } from './company-population.js';
import { SeededRandom } from './seeded-random.js';

/**
 * What a planted recipient is, and so what the screen should make of it:
 * - `identifier`: the registry's UEI: an alert;
 * - `exact`: a listed name or alias, spelt with other punctuation or legal form: an alert;
 * - `near-miss`: one letter off a distinctive listed name: a review item (a true one);
 * - `look-alike`: an unrelated contractor named like a listed vendor (a common surname two letters
 *   from a coined name, Paragon Systems): nothing, or at worst a false review item.
 */
export type PlantKind = 'identifier' | 'exact' | 'near-miss' | 'look-alike';

export interface PlantedRecipient extends Company {
  readonly kind: PlantKind;
  /** The entry an alert or review must name; empty for look-alikes. */
  readonly organizationId: string;
  /** Its position in the watchlist the plants were drawn from: relevant only to lists longer than this. */
  readonly entryIndex: number;
}

const blank = { uei: '', duns: '', cage: '', parentUei: '', parentName: '', dba: '' };

// The eight: on a 1.2-million-row file these went to review, only identifier hits alerted.
const REGISTRY_PLANTS: readonly (readonly [PlantKind, string, string])[] = [
  ['exact', 'NSO GROUP TECHNOLOGIES LIMITED', 'nso-group'],
  ['exact', 'N.S.O. GROUP TECHNOLOGIES, LTD.', 'nso-group'],
  ['exact', 'POSITIVE TECHNOLOGIES', 'positive-technologies'],
  ['exact', 'SAITO-TECH LTD', 'candiru'],
  ['exact', 'INTELLEXA, S.A.', 'intellexa-sa'],
  ['exact', 'CANDIRU LTD.', 'candiru'],
  ['exact', 'GRINDAVIK SOLUTIONS, LTD', 'candiru'],
  ['exact', 'TAVETA L.T.D.', 'candiru'],
  ['near-miss', 'INTELEXA S A', 'intellexa-sa'],
  ['near-miss', 'CYTROKS AD', 'cytrox-ad'],
  ['look-alike', 'PARAGON SYSTEMS, INC.', ''],
  ['look-alike', 'PARAGON TECHNOLOGY GROUP LLC', ''],
  ['look-alike', 'POSITIVE SOLUTIONS LLC', ''],
  ['look-alike', 'INTELLECT SOLUTIONS LLC', ''],
];

function upper(name: string): string {
  return name.toUpperCase();
}

/** The coined (first) word of an entry's name, when it is distinctive: no known word, six letters or more. */
function coinedWord(entry: WatchlistEntry): string | undefined {
  const first = entry.organizationName.split(' ')[0] ?? '';
  return first.length >= 6 && /^[A-Z][a-z]+$/.test(first) && !isKnownWord(first.toLowerCase()) ? first : undefined;
}

/** One edit inside the word (never the first letter), giving no known word. */
function typo(random: SeededRandom, word: string): string {
  for (;;) {
    const at = 1 + random.int(word.length - 1);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[random.int(26)] ?? 'e';
    const edit = random.int(3);
    const result = edit === 0 ? word.slice(0, at) + word.slice(at + 1) : edit === 1 ? word.slice(0, at) + letter + word.slice(at + 1) : word.slice(0, at) + letter + word.slice(at);
    if (result.toLowerCase() !== word.toLowerCase() && !isKnownWord(result.toLowerCase())) return result;
  }
}

/**
 * The recipients the benchmark plants among generated contractors, drawn from `watchlist` (the
 * largest one measured; smaller lists are its prefixes): the registry's own names and look-alikes
 * as in the issue, then, from the synthetic vendors spread over the whole list, exact names with
 * other punctuation, one-letter near-misses of coined names, and contractors named after the
 * common surname a coined name lies two letters from.
 *
 * @example
 * const plants = plantedRecipients(syntheticWatchlist(registry, 5000), 7);
 */
export function plantedRecipients(watchlist: Watchlist, seed: number): PlantedRecipient[] {
  const random = new SeededRandom(seed);
  const indexOf = new Map(watchlist.entries.map((entry, index) => [entry.organizationId, index]));
  const plants: PlantedRecipient[] = [
    { ...blank, name: 'PARAGON SOLUTIONS (US) INC.', uei: 'NW6QFTZACWM7', kind: 'identifier', organizationId: 'paragon-solutions-us', entryIndex: indexOf.get('paragon-solutions-us') ?? 0 },
  ];
  for (const [kind, name, organizationId] of REGISTRY_PLANTS) plants.push({ ...blank, name, kind, organizationId, entryIndex: indexOf.get(organizationId) ?? 0 });
  const synthetic = watchlist.entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.organizationId.startsWith('synthetic-'));
  const step = Math.max(1, Math.floor(synthetic.length / 60));
  for (let k = 0; k < synthetic.length; k += step) {
    const { entry, index } = synthetic[k] ?? synthetic[0]!;
    const name = random.pick(entry.names.filter((candidate) => candidate.kind !== 'former')).value;
    // Another punctuation of the same name: dots dropped, or a comma before the last of three words.
    const variant = name.includes('.') ? upper(name).replaceAll('.', '') : name.split(' ').length >= 3 ? upper(name).replace(/ (\S+)$/, ', $1') : upper(name);
    plants.push({ ...blank, name: variant, kind: 'exact', organizationId: entry.organizationId, entryIndex: index });
    const coined = coinedWord(entry);
    if (coined !== undefined) {
      const rest = entry.organizationName.slice(coined.length);
      plants.push({ ...blank, name: upper(typo(random, coined) + rest), kind: 'near-miss', organizationId: entry.organizationId, entryIndex: index });
    }
  }
  // Contractors named after the surname a vendor's coined name lies two letters from.
  for (const { entry, index } of synthetic) {
    const coined = coinedWord(entry)?.toLowerCase();
    if (coined === undefined) continue;
    const surname = CONTRACTOR_SURNAMES.find((candidate) => {
      const word = candidate.toLowerCase();
      return word !== coined && Math.abs(word.length - coined.length) <= 2 && editDistance(word, coined, 2) <= 2;
    });
    if (surname === undefined) continue;
    const descriptor = entry.organizationName.split(' ')[1] ?? 'GROUP';
    plants.push({ ...blank, name: upper(`${surname} ${descriptor} LLC`), kind: 'look-alike', organizationId: '', entryIndex: index });
    if (plants.filter((plant) => plant.kind === 'look-alike').length >= 80) break;
  }
  return plants;
}
