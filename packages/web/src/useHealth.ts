import { useEffect, useState } from 'react';

export type Health = 'checking' | 'ok' | 'down';

/** The server's state as reported by GET /health, fetched once on mount. */
export function useHealth(): Health {
  const [health, setHealth] = useState<Health>('checking');
  useEffect(() => {
    const controller = new AbortController();
    fetch('/health', { signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json()) as { status?: unknown };
        setHealth(response.ok && body.status === 'ok' ? 'ok' : 'down');
      })
      .catch(() => {
        if (!controller.signal.aborted) setHealth('down');
      });
    return () => controller.abort();
  }, []);
  return health;
}
