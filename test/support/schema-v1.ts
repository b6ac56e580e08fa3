import Dexie from "dexie";

/**
 * The database as version 1 of the schema (lib/db/schema.ts) left it, spelled out here because
 * schema.ts only ever declares the versions it has: what an upgrade, or a reader racing one,
 * starts from.
 */
export function versionOneDb(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    orders:
      "key, platform, orderId, status, nextDueAt, replanAt, createdAt, lastSeenAt, buyer",
    nudges: "++id, orderKey, at",
    settings: "key",
    alerts: "id, orderKey, shownAt",
    templates: "id, scenario",
  });
  return v1;
}

/** The database as version 6 left it: the last before the report's lines (version 7). */
export function versionSixDb(name: string): Dexie {
  const v6 = new Dexie(name);
  v6.version(6).stores({
    orders:
      "key, status, nextDueAt, replanAt, lastSeenAt, buyer, lastNudgeAt, openDueAt, pendingDueAt, noSlotUntil, unpaidSeenAt, paidSeenAt",
    nudges: "++id, orderKey, at",
    settings: "key",
    alerts: "id, orderKey, shownAt",
    templates: "id, scenario",
    notices: "id",
  });
  return v6;
}
