import http from 'node:http';

export interface JsonResponse<T> {
  status: number;
  body: T;
}

/**
 * A keep-alive HTTP/1.1 JSON client for load generation, on node:http as load tools are. The
 * benchmarks run it in the server's process, so its cost lands on the figures they print: WHATWG
 * fetch (undici) allocates so much per request that its garbage collection, not Tramit, made up
 * the latency tail.
 */
export function httpLoadClient(baseUrl: string, headers: Record<string, string>, maxSockets = 16) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(baseUrl);
  const send = <T>(method: string, path: string, body?: unknown) =>
    new Promise<JsonResponse<T>>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: {
            ...headers,
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            try {
              resolve({ status: response.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T });
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  return {
    get: <T>(path: string) => send<T>('GET', path),
    post: <T>(path: string, body: unknown) => send<T>('POST', path, body),
    close: () => agent.destroy(),
  };
}
