// Parses a workshop list entry read back from storage; anything malformed is dropped, not shown.
import * as z from 'zod';
import type { WorkshopSummary } from './Host';

const summarySchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(200),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export function parseSummary(value: unknown): WorkshopSummary | null {
  const parsed = summarySchema.safeParse(value);
  return parsed.success ? { id: parsed.data.id, title: parsed.data.title, createdAt: parsed.data.createdAt, updatedAt: parsed.data.updatedAt } : null;
}
