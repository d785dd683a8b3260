import { once } from 'node:events';
import { createServer, type Server } from 'node:http';

/** The company's ERP: creates one invoice per idempotency key; a client named "Blocked" is refused. */
export class FakeErp {
  readonly calls: { key: string; body: Record<string, unknown>; token: string }[] = [];
  /** Answers 503 to this many calls first (the ERP restarting). */
  unavailable = 0;
  private readonly server: Server = createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const body = JSON.parse(text) as Record<string, unknown>;
    const key = String(request.headers['idempotency-key']);
    this.calls.push({ key, body, token: String(request.headers.authorization) });
    if (this.unavailable > 0) {
      this.unavailable--;
      return response.writeHead(503).end();
    }
    if (body.client === 'Blocked')
      return response
        .writeHead(422, { 'content-type': 'application/json' })
        .end('{"message":"the client is blocked"}');
    const number = `INV-${new Set(this.calls.map((c) => c.key)).size}`;
    response
      .writeHead(201, { 'content-type': 'application/json' })
      .end(JSON.stringify({ number, url: `https://erp.example/${number}` }));
  });

  async listen(): Promise<string> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return `http://127.0.0.1:${address.port}/api/`;
  }

  close() {
    this.server.closeAllConnections();
    this.server.close();
  }
}
