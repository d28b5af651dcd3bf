import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryResultRow } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from './prepared.js';

interface TransactionScope {
  manager: EntityManager;
  afterCommit: Array<() => void | Promise<void>>;
}

/**
 * Binds repositories to the current command's transaction so a service cannot forget it
 * (as Vendure does): `txHost.tx` is the transaction's EntityManager inside `run()`, the
 * plain one outside. Nested `run()` calls join the outer transaction. Work registered with
 * `afterCommit()` runs only once the outermost transaction has committed — that is where
 * broadcasts go, so nobody hears of a change the database does not have.
 *
 * (nestjs-cls/transactional does this too, but it is CommonJS and cannot load NestJS 12's
 * ES modules under Jest; this is the 40 lines of it we need.)
 */
@Injectable()
export class TransactionHost {
  private readonly storage = new AsyncLocalStorage<TransactionScope>();
  private readonly logger = new Logger('Transaction');
  /** Outermost `run()`s under way; the storage is enabled only while there is one (see run). */
  private running = 0;

  constructor(private readonly dataSource: DataSource) {}

  get tx(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  /** Connections in the data source's pool (`extra.max`, as dataSourceOptions sets it). */
  get poolSize(): number {
    return (this.dataSource.options as { extra?: { max?: number } }).extra?.max ?? 10;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return work();
    const scope: TransactionScope = { manager: this.dataSource.manager, afterCommit: [] };
    this.running++;
    let result: T;
    try {
      result = await this.dataSource.transaction((manager) => {
        scope.manager = manager;
        return this.storage.run(scope, work);
      });
    } finally {
      // On Node 20 an enabled AsyncLocalStorage makes every promise carry its context (a
      // promise hook: 4% of a live play's CPU, which takes no transaction). Between
      // transactions nothing reads the store, so it is off; the next run() turns it on.
      if (--this.running === 0) this.storage.disable();
    }
    for (const hook of scope.afterCommit) {
      try {
        await hook();
      } catch (e) {
        this.logger.error({ err: e }, 'after-commit hook failed');
      }
    }
    return result;
  }

  /**
   * One statement as its own transaction, outside any command's transaction, as a named
   * (prepared) statement (preparedQuery): for the statements that run hundreds of times a second.
   */
  autocommit<R extends QueryResultRow>(name: string, sql: string, params: unknown[]): Promise<R[]> {
    if (this.inTransaction) throw new Error(`autocommit(${name}) called inside a transaction`);
    return preparedQuery<R>(this.dataSource, name, sql, params);
  }

  /** Runs `hook` after the current transaction commits (at once when there is none). */
  afterCommit(hook: () => void | Promise<void>): void {
    const scope = this.storage.getStore();
    if (scope) scope.afterCommit.push(hook);
    else void Promise.resolve().then(hook);
  }
}

/** Runs the decorated service method in one transaction (the service must have `txHost`). */
export function Transactional(): MethodDecorator {
  return (_target, _key, descriptor: PropertyDescriptor) => {
    const method = descriptor.value as (...args: unknown[]) => Promise<unknown>;
    descriptor.value = function (this: { txHost: TransactionHost }, ...args: unknown[]) {
      return this.txHost.run(() => method.apply(this, args));
    };
    return descriptor;
  };
}

@Global()
@Module({ providers: [TransactionHost], exports: [TransactionHost] })
export class TransactionModule {}
