import { CommandError, type InputIssue } from '../../core/command-error.js';
import type { RecordType } from '../schemas/common.js';
import { recordKey, type RegistryRecord } from '../registry-record.js';
import { recordReferences } from '../record-references.js';
import type { RegistryStore } from '../registry-store.js';

/**
 * Refuses records that point at something neither stored nor written alongside them: every
 * source, vendor, subject and party must exist. `labelOf` names a record in an issue path
 * (a dataset says `organizations[3] (nso-group)`).
 */
export async function checkReferences(
  registry: RegistryStore,
  entries: readonly RegistryRecord[],
  labelOf: (index: number) => string = () => '',
): Promise<void> {
  const inBatch = new Set(entries.map((e) => `${e.type}:${recordKey(e)}`));
  const wanted = new Map<RecordType, Set<string>>();
  const refs = entries.map((entry) => recordReferences(entry));
  for (const list of refs) {
    for (const ref of list) for (const type of ref.types) if (!inBatch.has(`${type}:${ref.key}`)) {
      const set = wanted.get(type) ?? new Set<string>();
      set.add(ref.key);
      wanted.set(type, set);
    }
  }
  const stored = new Set<string>();
  for (const [type, keys] of wanted) for (const key of await registry.existingKeys(type, [...keys])) stored.add(`${type}:${key}`);

  const issues: InputIssue[] = [];
  refs.forEach((list, index) => {
    for (const ref of list) {
      const found = ref.types.some((type) => inBatch.has(`${type}:${ref.key}`) || stored.has(`${type}:${ref.key}`));
      if (!found) {
        const label = labelOf(index);
        issues.push({ path: `${label}${label ? '.' : ''}${ref.field}`, message: `unknown ${ref.types.join(' or ')} "${ref.key}"` });
      }
    }
  });
  if (issues.length > 0) {
    throw new CommandError({ code: 'INVALID_INPUT', message: `unknown reference: ${issues[0]?.path}: ${issues[0]?.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, issues });
  }
}
