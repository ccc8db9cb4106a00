// The ordered list of ingest stages. Each stage lives in its own module; add it here once it exists.
import type { IngestStage } from './stage.ts';

export const STAGES: IngestStage[] = [];
