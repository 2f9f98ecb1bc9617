import type { HttpRoute } from './receivers/http-receiver.js';

/** GET /healthz: 200 while the database answers, 503 otherwise (for load balancers and probes). */
export function healthRoute(isDatabaseReachable: () => Promise<boolean>): HttpRoute {
  return {
    path: '/healthz',
    method: 'GET',
    handler: async (_req, res) => {
      const healthy = await isDatabaseReachable();
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable', database: healthy ? 'up' : 'down' }));
    },
  };
}
