/**
 * A minimal in-memory storage for brackets-manager, written here because `brackets-memory-db` (the
 * package its docs use) is not installed. It follows that package's behaviour: one array per table,
 * ids are positions, filters are partial-object matches, selects return copies.
 */
import type { CrudInterface, DataTypes, OmitId, Table } from 'brackets-manager';

type Row = { id: number } & Record<string, unknown>;
type Id = number | string;

const matches = (filter: Record<string, unknown>) => (row: Row) =>
  Object.entries(filter).every(([key, value]) => row[key] === value);

export class InMemoryStorage implements CrudInterface {
  private readonly tables = new Map<string, Row[]>();

  private rows(table: string): Row[] {
    let rows = this.tables.get(table);
    if (rows === undefined) this.tables.set(table, (rows = []));
    return rows;
  }

  insert<T extends Table>(table: T, value: OmitId<DataTypes[T]>): Promise<Id>;
  insert<T extends Table>(table: T, values: OmitId<DataTypes[T]>[]): Promise<boolean>;
  async insert(table: string, value: unknown): Promise<Id | boolean> {
    const rows = this.rows(table);
    if (Array.isArray(value)) {
      for (const v of value) rows.push({ ...(v as object), id: rows.length });
      return true;
    }
    const id = rows.length;
    rows.push({ ...(value as object), id });
    return id;
  }

  select<T extends Table>(table: T): Promise<Array<DataTypes[T]> | null>;
  select<T extends Table>(table: T, id: Id): Promise<DataTypes[T] | null>;
  select<T extends Table>(table: T, filter: Partial<DataTypes[T]>): Promise<Array<DataTypes[T]> | null>;
  async select(table: string, arg?: unknown): Promise<unknown> {
    const rows = this.rows(table);
    if (arg === undefined) return rows.map((r) => ({ ...r }));
    if (typeof arg === 'number' || typeof arg === 'string') {
      const row = rows[Number(arg)];
      return row === undefined ? null : { ...row };
    }
    return rows.filter(matches(arg as Record<string, unknown>)).map((r) => ({ ...r }));
  }

  update<T extends Table>(table: T, id: Id, value: DataTypes[T]): Promise<boolean>;
  update<T extends Table>(table: T, filter: Partial<DataTypes[T]>, value: Partial<DataTypes[T]>): Promise<boolean>;
  async update(table: string, arg: unknown, value: unknown): Promise<boolean> {
    const rows = this.rows(table);
    if (typeof arg === 'number' || typeof arg === 'string') {
      rows[Number(arg)] = { ...(value as Row), id: Number(arg) };
      return true;
    }
    for (const row of rows.filter(matches(arg as Record<string, unknown>)))
      rows[row.id] = { ...row, ...(value as object), id: row.id };
    return true;
  }

  delete<T extends Table>(table: T): Promise<boolean>;
  delete<T extends Table>(table: T, filter: Partial<DataTypes[T]>): Promise<boolean>;
  async delete(table: string, filter?: unknown): Promise<boolean> {
    if (filter === undefined) this.tables.set(table, []);
    else
      this.tables.set(
        table,
        this.rows(table).filter((row) => !matches(filter as Record<string, unknown>)(row)),
      );
    return true;
  }
}
