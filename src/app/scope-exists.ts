import type { Scope } from '../accounts/scoped-roles.js';
import type { StoreTransaction } from '../store/store.js';
import { WORKFLOWS } from './workflows.js';
import { DOCKET_BOARDS, isDocketBoard } from '../oversight/dockets/jurisdiction-presets.js';

/** Boards a scope may name: the oversight module's jurisdiction presets, listed here when it is wired. */
const KNOWN_BOARDS: ReadonlySet<string> = new Set<string>([
  ...DOCKET_BOARDS,
]);

/**
 * Whether a grant's scope names something that exists: an agency, vendor or oversight body is a
 * registry organisation; a board is a known board; a case is `caseType:id` of a wired workflow.
 */
export async function scopeExists(scope: Scope, tx: StoreTransaction): Promise<boolean> {
  switch (scope.kind) {
    case 'agency':
    case 'vendor':
    case 'body':
      return (await tx.db.selectFrom('organizations').select('id').where('id', '=', scope.id).executeTakeFirst()) !== undefined;
    case 'board':
      return KNOWN_BOARDS.has(scope.id) || isDocketBoard(scope.id);
    case 'case': {
      const [caseType, id] = [scope.id.slice(0, scope.id.indexOf(':')), scope.id.slice(scope.id.indexOf(':') + 1)];
      const workflow = WORKFLOWS.get(caseType);
      return workflow !== undefined && (await workflow.load(tx, id)) !== null;
    }
  }
}
