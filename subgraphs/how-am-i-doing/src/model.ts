import causal from '../data/causal-model.json';
import meterData from '../data/meters.json';
import type { LocalisedText } from '@aurora/subgraph-kit';

export interface Meter {
  dimension: string;
  field: string;
  label: LocalisedText;
  explanation: LocalisedText;
}

export const METERS: readonly Meter[] = meterData.meters;

export interface Link {
  from: string;
  to: string;
  direction: 'INCREASES' | 'DECREASES';
  strength: 'WEAK' | 'MODERATE' | 'STRONG';
  source: string;
}

export const LINKS: readonly Link[] = causal.links as Link[];
export const CHOICES = causal.choices as Record<string, LocalisedText>;
export const SOURCES = causal.sources as Record<string, { source: string; url?: string }>;
