import { isKnownWord } from '../matching/known-words.js';
import type { Watchlist, WatchlistEntry, WatchlistName } from '../matching/types.js';

// Syllables of coined vendor names, as the industry coins them (Candiru, Cytrox, Intellexa,
// Thalestris, Variston, Trovicor, Quadream, Wintego).
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'cr', 'dr', 'gr', 'kr', 'pr', 'tr', 'st', 'th', 'qu', 'w'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'y', 'io', 'ea'];
const CODAS = ['', '', '', '', 'n', 'r', 's', 'l', 'm', 'x'];
const ENDINGS = ['', 'a', 'ix', 'on', 'ex', 'is', 'yn', 'ium', 'ora', 'era', 'ant', 'ent', 'ics', 'ys'];
// What vendors call themselves after the coined word.
const DESCRIPTORS = ['Technologies', 'Systems', 'Solutions', 'Labs', 'Intelligence', 'Security', 'Group', 'Networks', 'Defence', 'Analytics', 'Cyber', 'Research', 'Dynamics', 'Software', ''];
// Legal forms of the countries such vendors register in, as registries write them.
const LEGAL_FORMS = ['Ltd.', 'Limited', 'S.A.', 'S.r.l.', 'GmbH', 'AG', 'Inc.', 'LLC', 'Pte. Ltd.', 'B.V.', 'AD', 'Zrt.', 'Kft.', 'SAS', 'S.A.R.L.', 'OOO', 'JSC', 'FZE', 'FZ-LLC', 'Sp. z o.o.', 'A.E.', 'Corp.'];
// Names of common words, as some vendors have ("Gamma Group", "Memento Labs", "Circles").
const COMMON = [
  'Arrow', 'Harbour', 'Lantern', 'Meadow', 'Granite', 'Falconry', 'Compass', 'Beacon', 'Orchard', 'Mosaic', 'Quarry', 'Tundra',
  'Willow', 'Cinder', 'Ember', 'Prism', 'Canopy', 'Ripple', 'Thicket', 'Basalt', 'Juniper', 'Kestrel', 'Marble', 'Nimbus', 'Obsidian',
  'Pebble', 'Quill', 'Raven', 'Saffron', 'Thistle', 'Umber', 'Velvet', 'Walnut', 'Yarrow', 'Zircon', 'Anvil', 'Bramble', 'Cobalt',
  'Driftwood', 'Fennel',
];
const UEI_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/**
 * Common US surnames that contractors are named after ("MORGAN GROUP LLC"); some vendors' coined
 * names lie two letters from one ("Mordant" from "Morgan"), which is what tempts typo tolerance.
 */
export const CONTRACTOR_SURNAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Green', 'Adams', 'Baker', 'Nelson',
  'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart',
  'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Peterson', 'Cooper', 'Reed', 'Bailey', 'Bell', 'Gomez', 'Kelly', 'Howard',
  'Ward', 'Richardson', 'Watson', 'Brooks', 'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Patel', 'Myers', 'Foster',
  'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Fisher', 'Hamilton', 'Graham', 'Wallace', 'Gibson', 'Ellis', 'Marshall',
  'Kennedy', 'Warren', 'Dixon', 'Palmer', 'Holmes', 'Crawford', 'Mendoza', 'Castillo', 'Vasquez', 'Kowalski', 'Schneider',
];

/** A small deterministic generator (mulberry32), so a size and seed always give the same list. */
class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(list: readonly T[]): T {
    const value = list[this.int(list.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A surname two edits away ("Morgan" → "Mordant"), when that is no known word. */
function nearSurname(random: Random, used: Set<string>): string {
  for (;;) {
    let word = random.pick(CONTRACTOR_SURNAMES).toLowerCase();
    for (let edit = 0; edit < 2; edit++) {
      const at = 1 + random.int(word.length - 1);
      const letter = 'abcdefghijklmnopqrstuvwxyz'[random.int(26)] ?? 'a';
      word = random.chance(0.5) ? word.slice(0, at) + letter + word.slice(at + 1) : word.slice(0, at) + letter + word.slice(at);
    }
    if (word.length < 5 || used.has(word) || isKnownWord(word)) continue;
    used.add(word);
    return capitalise(word);
  }
}

/**
 * Two different common words, in no order used before ("Willow Compass" once, never also "Compass
 * Willow"); a coined word once the pairs run out.
 */
function commonPair(random: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const first = random.pick(COMMON);
    const second = random.pick(COMMON);
    const key = [first, second].sort().join(' ');
    if (first === second || used.has(key)) continue;
    used.add(key);
    return `${first} ${second}`;
  }
  return coinWord(random, used);
}

/** A coined word of five to eleven letters that is no known word, not used before. */
function coinWord(random: Random, used: Set<string>): string {
  for (;;) {
    let word = '';
    const syllables = 2 + random.int(2);
    for (let k = 0; k < syllables; k++) word += random.pick(ONSETS) + random.pick(VOWELS) + (k === syllables - 1 ? '' : random.pick(CODAS));
    word += random.pick(ENDINGS);
    if (word.length < 5 || word.length > 11 || used.has(word) || isKnownWord(word)) continue;
    used.add(word);
    return capitalise(word);
  }
}

function code(random: Random, alphabet: string, length: number): string {
  let value = '';
  for (let k = 0; k < length; k++) value += alphabet[random.int(alphabet.length)] ?? 'A';
  return value;
}

/**
 * `count` made-up vendors shaped like the registry's: a coined distinctive name (most), a word two
 * letters from a common surname (one in ten), or two common words (one in ten); a descriptor and a legal form; aliases (the short name, a former name,
 * the legal form spelt another way); UEIs, CAGE codes and DUNS for some; some subsidiaries of
 * earlier ones. Deterministic for a seed; ids are `synthetic-vendor-N`.
 *
 * @example
 * const entries = syntheticVendorEntries(987, 11);
 * entries[0]?.organizationName; // e.g. 'Quorvanex Technologies Ltd.'
 */
export function syntheticVendorEntries(count: number, seed = 2025): WatchlistEntry[] {
  const random = new Random(seed);
  const used = new Set<string>();
  const entries: WatchlistEntry[] = [];
  for (let k = 0; k < count; k++) {
    const kind = random.next();
    const stem = kind < 0.1 ? commonPair(random, used) : kind < 0.2 ? nearSurname(random, used) : coinWord(random, used);
    const descriptor = random.pick(DESCRIPTORS);
    const base = descriptor === '' ? stem : `${stem} ${descriptor}`;
    const form = random.pick(LEGAL_FORMS);
    const organizationName = `${base} ${form}`;
    const names: WatchlistName[] = [{ value: organizationName, kind: 'primary' }];
    if (descriptor !== '' && random.chance(0.5)) names.push({ value: stem, kind: 'alias' });
    if (random.chance(0.3)) names.push({ value: `${base} ${random.pick(LEGAL_FORMS)}`, kind: 'alias' });
    if (random.chance(0.25)) names.push({ value: `${coinWord(random, used)} ${random.pick(DESCRIPTORS.filter((d) => d !== ''))} ${random.pick(LEGAL_FORMS)}`, kind: 'former' });
    const parent = entries.length > 10 && random.chance(0.1) ? random.pick(entries) : undefined;
    entries.push({
      organizationId: `synthetic-vendor-${k + 1}`,
      organizationName,
      names,
      identifiers: {
        uei: random.chance(0.2) ? [code(random, UEI_ALPHABET.slice(0, 24), 1) + code(random, UEI_ALPHABET, 11)] : [],
        duns: random.chance(0.1) ? [code(random, '0123456789', 9)] : [],
        cage: random.chance(0.15) ? [code(random, '0123456789', 1) + code(random, UEI_ALPHABET, 4)] : [],
      },
      related: parent === undefined ? [] : [{ organizationId: parent.organizationId, organizationName: parent.organizationName, relation: 'subsidiary-of' }],
    });
  }
  return entries;
}

/**
 * A watchlist of `size` entries: `base`'s (the registry's own) first, then synthetic vendors, so a
 * larger list contains every smaller one of the same seed.
 *
 * @example
 * const thousand = syntheticWatchlist(await loadWatchlistFile('test/fixtures/watchlist.json'), 1000);
 */
export function syntheticWatchlist(base: Watchlist, size: number, seed = 2025): Watchlist {
  const extra = Math.max(0, size - base.entries.length);
  return { version: `${base.version}+synthetic-${extra}-${seed}`, entries: [...base.entries.slice(0, size), ...syntheticVendorEntries(extra, seed)] };
}
