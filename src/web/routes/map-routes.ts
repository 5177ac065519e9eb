import type { Hono } from 'hono';
import type { AppEnv } from '../../server/app-env.js';
import { worldBaseMap } from '../components/charts/world-geometry.js';

/**
 * GET /maps/world.svg: the grey base map every world map on the portal draws over, rendered once
 * from Natural Earth (world-atlas) with d3-geo. Pages ask for it with its version (`?v=`), so it
 * is cached for a year; the map pages themselves carry only the shaded countries and symbols.
 *
 * @example
 * addMapRoutes(app); // GET /maps/world.svg?v=… → image/svg+xml, immutable
 */
export function addMapRoutes(app: Hono<AppEnv>): void {
  app.get('/maps/world.svg', (c) => {
    const { svg, version } = worldBaseMap();
    const etag = `"${version}"`;
    c.header('cache-control', c.req.query('v') === version ? 'public, max-age=31536000, immutable' : 'public, max-age=86400');
    c.header('etag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('content-type', 'image/svg+xml; charset=utf-8');
    return c.body(svg, 200);
  });
}
