import type { ExportLicenseStore, RiskListEntry } from './export-license.js';

/**
 * The destination risk list the 2021 congressional letter asks Commerce to keep ("a regularly
 * updated list of destination countries" whose governments used surveillance items against human
 * rights), as data. Each entry says only what its sources in the bundled dataset state, and cites
 * them; a country no source in the dataset supports is not on it. Administrators extend it
 * (`POST /api/v1/export-licenses/risk-list`), each new entry citing a registry source.
 */
export const SEED_RISK_LIST: readonly RiskListEntry[] = [
  {
    id: 'seed-az', country: 'AZ', incidents: ['pegasus-azerbaijan-meydan-tv'], sources: ['moratorium-letter-2021-07'], addedAt: null, addedBy: null,
    reason: 'The 2021 joint letter reports that Pegasus has been used in Azerbaijan: Amnesty International’s Security Lab found the phone of a Meydan TV freelance journalist infected over two years until May 2021.',
  },
  {
    id: 'seed-in', country: 'IN', incidents: ['pegasus-india-the-wire'], sources: ['moratorium-letter-2021-07'], addedAt: null, addedBy: null,
    reason: 'The 2021 joint letter reports that at least 40 journalists in India were selected as potential targets between 2017 and 2021, and that forensic tests found Pegasus on the phones of the co-founders of The Wire.',
  },
  {
    id: 'seed-ma', country: 'MA', incidents: ['pegasus-morocco-journalists'], sources: ['moratorium-letter-2021-07'], addedAt: null, addedBy: null,
    reason: 'The 2021 joint letter reports that a Moroccan journalist’s phone was determined by Amnesty International in 2020 to be targeted by Pegasus, and that 34 other journalists in Morocco were selected for potential targeting.',
  },
  {
    id: 'seed-mx', country: 'MX', incidents: ['pegasus-mexico-2017'], sources: ['moratorium-letter-2021-07'], addedAt: null, addedBy: null,
    reason: 'The 2021 joint letter reports that a Mexican journalist’s phone was selected for targeting weeks before his killing in 2017, and that journalists, lawyers and public-health experts in Mexico were targeted before.',
  },
  {
    id: 'seed-ae', country: 'AE', incidents: ['nso-uae-2016'], sources: ['moratorium-letter-2021-07'], addedAt: null, addedBy: null,
    reason: 'The 2021 joint letter reports that Citizen Lab research showed a human rights defender imprisoned in the United Arab Emirates was targeted with NSO Group technology in 2016.',
  },
  {
    id: 'seed-it', country: 'IT', incidents: ['graphite-italy-2025'], sources: ['msnbc-2025-09', 'citizenlab-2025-03-19'], addedAt: null, addedBy: null,
    reason: 'Traces of Paragon’s Graphite were found on devices of Italian journalists, migrant advocates and associates of Pope Francis; Italian officials acknowledged responsibility for some but not all of the breaches.',
  },
];

/**
 * The risk list's entries for a country (or the whole list): the seed and those added since.
 *
 * @example
 * const entries = await riskEntriesFor(tx.exportLicenses, 'AZ');
 */
export async function riskEntriesFor(store: Pick<ExportLicenseStore, 'addedRiskEntries'>, country?: string): Promise<RiskListEntry[]> {
  const seed = SEED_RISK_LIST.filter((e) => country === undefined || e.country === country);
  return [...seed, ...(await store.addedRiskEntries(country))];
}
