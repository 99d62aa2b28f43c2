/** Reads the cron expressions from wrangler.toml's text (the schedule's one source of truth). */
import { parse } from "smol-toml";

export function cronsFromWranglerToml(text: string): string[] {
  const doc = parse(text) as { triggers?: { crons?: unknown } };
  const crons = doc.triggers?.crons;
  if (!Array.isArray(crons) || !crons.every((c): c is string => typeof c === "string")) return [];
  return crons;
}
