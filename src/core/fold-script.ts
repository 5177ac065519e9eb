/**
 * Script and accent folding for names, shared by the screening matcher and registry search so
 * that both read a name the same way. Registries and procurement systems spell the
 * same company in Cyrillic, Greek or Latin, with or without diacritics ("Société Générale",
 * "SOCIETE GENERALE", "ООО «Оборонные инициативы»"); the matcher compares the folded forms.
 */

// Cyrillic → Latin, close to BGN/PCGN for Russian (the romanisation most sanctions and company
// registers use), with the Ukrainian, Belarusian, Serbian and Macedonian letters added.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'u',
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

// Greek → Latin after ELOT 743 (the Greek state standard), letter by letter; accents are
// stripped beforehand by NFKD.
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l',
  μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f',
  χ: 'ch', ψ: 'ps', ω: 'o',
};

// Latin letters that NFKD does not decompose into a base letter plus a combining mark.
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŋ: 'ng',
  ĸ: 'k', ſ: 's',
};

const COMBINING_MARKS = /\p{M}+/gu;
const NEEDS_TABLE = /[^\u0000-\u007f]/;

/**
 * Folds a name to lower-case Latin: Unicode compatibility forms unified (NFKC), Cyrillic and Greek
 * transliterated, accents removed. Punctuation is kept; tokenising is the caller's job.
 *
 * @example
 * foldScript('Société Générale'); // 'societe generale'
 * foldScript('ООО «Байкал»');     // 'ooo «baykal»'
 */
export function foldScript(raw: string): string {
  const lower = raw.normalize('NFKC').toLowerCase();
  if (!NEEDS_TABLE.test(lower)) return lower;
  let out = '';
  // Cyrillic first, on composed letters: NFKD would turn й into и plus a breve and lose it.
  for (const char of lower) {
    const cyrillic = CYRILLIC[char];
    if (cyrillic !== undefined) {
      out += cyrillic;
      continue;
    }
    for (const base of char.normalize('NFKD').replace(COMBINING_MARKS, '')) {
      out += GREEK[base] ?? LATIN_SPECIAL[base] ?? base;
    }
  }
  return out;
}
