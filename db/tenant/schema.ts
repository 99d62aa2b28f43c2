/**
 * A tenant database: one helping unit's own ledger. Every table here belongs to that unit alone;
 * the platform database only knows where this database lives and which migration it has reached.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Facts about the database itself, so that a misrouted connection can be detected (key `unit`). */
export const tenantMeta = sqliteTable("tenant_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** Every write: who, when, which route, and the record before and after. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    actor: text("actor").notNull(),
    actorRole: text("actor_role").notNull(),
    requestId: text("request_id"),
    method: text("method").notNull(),
    route: text("route").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at)],
);

export const SUB_UNIT_KINDS = ["town", "department", "school", "hospital", "cultural_unit", "enterprise", "other"] as const;

/** The unit's own towns/sub-districts, departments, schools, hospitals, cultural units (镇街、部门、学校、医院、文化单位). */
export const subUnits = sqliteTable(
  "sub_units",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: SUB_UNIT_KINDS }).notNull(),
    /** The recipient area this sub-unit is grouped with (e.g. a Dongguan town's Shaoguan county in 十组团). */
    areaCode: text("area_code"),
    /** A slot the documents imply but do not name; the tenant fills in the real name. */
    placeholder: integer("placeholder", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
    version: integer("version").notNull().default(1),
    voidedAt: text("voided_at"),
    voidReason: text("void_reason"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("sub_units_kind_idx").on(t.kind)],
);
