import { DEFAULT_EXPORT_LIMITS, serverSettings, type ServerSettings } from '../server/server-settings.js';
import type { Config } from './config.js';

/**
 * The HTTP edge's settings from the environment's configuration.
 *
 * @example
 * const app = createCountersignApp({ store, ledger, settings: serverSettingsFromConfig(readConfig(process.env)) });
 */
export function serverSettingsFromConfig(config: Config): ServerSettings {
  return serverSettings({
    publicUrl: config.publicUrl,
    behindProxy: config.behindProxy,
    exports: { ...DEFAULT_EXPORT_LIMITS, workers: config.exportWorkers, perClient: config.exportsPerClient },
    commands: { twoPersonReview: config.twoPersonReview },
  });
}
