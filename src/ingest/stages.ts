// The ordered list of ingest stages. Each stage lives in its own module; add it here once it exists.
import type { IngestStage } from './stage.ts';
import { similarStage } from '../dedup/stage.ts';
import { topicsStage } from '../topics/stage.ts';
import { analysisStage } from '../analysis/stage.ts';
import { searchIndexStage } from '../search/stage.ts';
import { eventsStage } from '../events/stage.ts';
import { alertsStage } from '../alerts/stage.ts';

export const STAGES: IngestStage[] = [similarStage, topicsStage, analysisStage, eventsStage, searchIndexStage, alertsStage];
