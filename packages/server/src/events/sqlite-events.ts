import type { DatabaseConnection, Dialect, Driver, TransactionSettings } from 'kysely';
import { takeHeld, type UserEventBus } from './user-events.ts';

/**
 * A SQLite dialect whose driver hands the user events a transaction published (publishUserEvent) to
 * `bus` once it has committed, and drops them when it rolls back. Savepoints are not tracked: events
 * published after a savepoint that is rolled back to still go out with the commit.
 */
export function withUserEvents(dialect: Dialect, bus: UserEventBus): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => afterCommit(dialect.createDriver(), bus),
  };
}

function afterCommit(inner: Driver, bus: UserEventBus): Driver {
  return {
    init: () => inner.init(),
    acquireConnection: () => inner.acquireConnection(),
    releaseConnection: (c) => inner.releaseConnection(c),
    destroy: () => inner.destroy(),
    beginTransaction: (c: DatabaseConnection, settings: TransactionSettings) => {
      takeHeld(c);
      return inner.beginTransaction(c, settings);
    },
    async commitTransaction(c) {
      await inner.commitTransaction(c);
      bus.dispatch(takeHeld(c));
    },
    async rollbackTransaction(c) {
      takeHeld(c);
      await inner.rollbackTransaction(c);
    },
    ...(inner.savepoint ? { savepoint: inner.savepoint.bind(inner) } : {}),
    ...(inner.rollbackToSavepoint ? { rollbackToSavepoint: inner.rollbackToSavepoint.bind(inner) } : {}),
    ...(inner.releaseSavepoint ? { releaseSavepoint: inner.releaseSavepoint.bind(inner) } : {}),
  };
}
