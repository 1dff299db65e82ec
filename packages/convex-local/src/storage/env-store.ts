import type { SqliteDatabase } from "./database";

/** A change of one variable: set to `value`, or removed without one. */
export type EnvChange = { name: string; value?: string };

/** Deployment environment variables, persisted in SQLite and cached. */
export class EnvStore {
  private readonly values = new Map<string, string>();

  constructor(private readonly db: SqliteDatabase) {
    const rows = db.prepare("SELECT name, value FROM env").all() as {
      name: string;
      value: string;
    }[];
    for (const row of rows) this.values.set(row.name, row.value);
  }

  /** Returns every variable by name. */
  list(): Record<string, string> {
    return Object.fromEntries(this.values);
  }

  /**
   * Applies the changes in order in one SQLite transaction. The caller
   * checks them first: this stores any name and value.
   */
  apply(changes: EnvChange[]) {
    const upsert = this.db.prepare(
      "INSERT INTO env (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    );
    const remove = this.db.prepare("DELETE FROM env WHERE name = ?");
    this.db.transaction(() => {
      for (const { name, value } of changes) {
        if (value === undefined) remove.run(name);
        else upsert.run(name, value);
      }
    })();
    for (const { name, value } of changes) {
      if (value === undefined) this.values.delete(name);
      else this.values.set(name, value);
    }
  }
}
