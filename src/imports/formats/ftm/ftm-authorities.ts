/**
 * Registry authority codes for the authorities sanctions data names (OpenSanctions' Sanction
 * `authority` values are names): the inverse of the export's table, and a few more lists that
 * name surveillance vendors. A name not here is not guessed into a code: the designation is
 * refused and the report names the authority.
 */
const AUTHORITIES: readonly (readonly [RegExp, string])[] = [
  [/bureau of industry and security/i, 'US-BIS'],
  [/office of foreign assets control/i, 'US-OFAC'],
  [/directorate of defense trade controls/i, 'US-DDTC'],
  [/office of financial sanctions implementation/i, 'GB-OFSI'],
  [/council of the european union/i, 'EU'],
  [/united nations security council/i, 'UN-SC'],
];

/**
 * The registry's code for an authority named in FtM data, or null.
 *
 * @example
 * authorityCode('Bureau of Industry and Security'); // 'US-BIS'
 */
export function authorityCode(name: string): string | null {
  if (/^[A-Z]{2,3}(?:-[A-Z0-9]{2,12})?$/.test(name)) return name;
  return AUTHORITIES.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
