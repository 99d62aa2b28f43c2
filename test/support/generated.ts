/** Vitest global setup: the web's generated API types and ledger definitions exist before any test imports the web's modules (so a test file passes alone on a fresh clone). */
import { writeWebTypes } from "../../scripts/web-types";

export default async function setup(): Promise<void> {
  await writeWebTypes();
}
