import type { RecordShapes } from '../../registry/registry-record.js';

/** The registry as exposure reads it: every organisation, relationship, designation and incident. */
export interface ExposureRegistry {
  readonly organizations: readonly RecordShapes['organization'][];
  readonly relationships: readonly RecordShapes['relationship'][];
  readonly designations: readonly RecordShapes['designation'][];
  readonly incidents: readonly RecordShapes['incident'][];
}
