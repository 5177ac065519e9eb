import { z } from 'zod';

/** A list-valued field: the SII exports lists as arrays of strings, even of one value. */
const list = z.array(z.string());

/**
 * One company of the Surveillance Industry Index's `companies.json` (Transparency Toolkit's
 * `dataspec-sii`, `dataspec-company/field_details.json`): the fields the importer reads, typed as
 * the export writes them. Other fields (address lines, `bdsk_file_N`, `doccloudembeds` …) are
 * left alone; a field of the wrong type makes the file malformed.
 */
export const siiCompanySchema = z.looseObject({
  bibtex_key: z.string().optional(),
  company_name: z.string().optional(),
  description: z.string().optional(),
  hq_city: list.optional(),
  hq_country: list.optional(),
  offices_in: list.optional(),
  technology_sold: list.optional(),
  website: z.string().optional(),
  incorporation_date: z.string().optional(),
  ceo: z.string().optional(),
  founder: z.string().optional(),
  /** News articles: a list of addresses; `news_N` fields hold one article each as [address, title?, date?]. */
  news: list.optional(),
  company_documents: z.array(list).optional(),
  company_sales: z.array(list).optional(),
  parent_company: list.optional(),
  wassenaar: list.optional(),
  nato: list.optional(),
  eu: list.optional(),
  date_modified: list.optional(),
});
export type SiiCompany = z.infer<typeof siiCompanySchema>;

/** The `news_N` fields of a company, each [address, title?, date?]. */
export const siiNewsItemSchema = list;
