// Placeholder until the timeline engineer replaces it.
import { z } from 'zod';

export const timelineEntrySchema = z.looseObject({ id: z.string(), kind: z.string() });
