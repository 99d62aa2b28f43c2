/** A program's assessment weights: the stored ones, or the defaults (equal weights). */
import { eq } from "drizzle-orm";
import { assessmentWeights } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import { DEFAULT_WEIGHTS, weightsSchema, type Weights } from "./assessment";

export async function programWeights(db: PlatformDb, program: string): Promise<{ weights: Weights; version: number }> {
  const [row] = await db.select().from(assessmentWeights).where(eq(assessmentWeights.program, program));
  if (!row) return { weights: DEFAULT_WEIGHTS, version: 0 };
  const parsed = weightsSchema.safeParse(row.weights);
  return { weights: parsed.success ? parsed.data : DEFAULT_WEIGHTS, version: row.version };
}
