import type { SqliteDatabase } from "./database";

const NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

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

  /** Sets a variable; names follow Convex's rule (letter first, at most 40). */
  set(name: string, value: string) {
    this.apply([{ name, value }]);
  }

  /** Removes a variable; removing a missing one does nothing. */
  remove(name: string) {
    this.apply([{ name }]);
  }

  /**
   * Applies the changes in order in one SQLite transaction, after checking
   * every name to set, so an invalid name applies none of them.
   */
  apply(changes: EnvChange[]) {
    for (const { name, value } of changes) {
      if (value !== undefined && !NAME_PATTERN.test(name)) {
        throw new Error(
          `Invalid environment variable name "${name}": use a letter followed by at most 39 letters, digits or underscores`,
        );
      }
    }
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
