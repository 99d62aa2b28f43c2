import { z } from "@hono/zod-openapi";
import { CLAIM_ENTITIES } from "../../recipients/claims";

export const VerdictSchema = z
  .object({ verdict: z.enum(["confirmed", "disputed"]), recordVersion: z.number().int(), amountFen: z.number().int().nullable(), date: z.string().nullable(), reason: z.string().nullable(), byName: z.string(), at: z.string() })
  .openapi("RecipientVerdict");

export const ClaimSchema = z
  .object({
    unit: z.object({ slug: z.string(), name: z.string() }),
    entity: z.enum(CLAIM_ENTITIES),
    id: z.string(),
    version: z.number().int().openapi({ description: "The record's version: If-Match for a verdict on it" }),
    date: z.string().nullable(),
    areaCode: z.string(),
    program: z.string().nullable(),
    fields: z.record(z.string(), z.unknown()).openapi({ description: "The record's fields a recipient sees (cadres: name and post, no personal fields)" }),
    standing: z.enum(["unconfirmed", "confirmed", "disputed", "amended"]).nullable().openapi({ description: "未确认 · 已确认 · 有异议 · 已更正待确认; null for activities (not confirmed)" }),
    verdict: VerdictSchema.nullable(),
    messages: z.number().int(),
  })
  .openapi("Claim");

export const ThreadEntrySchema = z
  .object({
    id: z.number().int(),
    recordVersion: z.number().int(),
    kind: z.enum(["confirmed", "disputed", "reply", "amended", "returned", "resubmitted", "note"]),
    side: z.enum(["helper", "recipient", "coordinator"]),
    authorName: z.string(),
    text: z.string(),
    amountFen: z.number().int().nullable(),
    date: z.string().nullable(),
    at: z.string(),
  })
  .openapi("ThreadEntry");

export const MessageBody = z.object({ text: z.string().trim().min(1, "请填写内容 | Write something").max(1000) }).strict().openapi("ThreadMessage");

/** Entities as paths name them. */
export const PLURAL = { fund: "funds", project: "projects", cadre: "cadres", activity: "activities" } as const;
