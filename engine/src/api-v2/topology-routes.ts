import type { SecureRouter } from '../http/secure-router.js';

/** The Camunda API version Tramit answers as; clients read it to decide what they may call. */
export const camundaApiVersion = '8.8.0';

/** `GET /v2/topology`: Tramit is one broker with one partition, which it leads, healthy if it answers. */
export function topologyRoutes(r: SecureRouter): void {
  r.get('/v2/topology', 'authenticated', (req, res) => {
    res.json({
      brokers: [
        {
          nodeId: 0,
          host: req.hostname,
          port: req.socket.localPort ?? 0,
          partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }],
          version: camundaApiVersion,
        },
      ],
      clusterId: null,
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: camundaApiVersion,
      lastCompletedChangeId: '-1',
    });
  });
}
