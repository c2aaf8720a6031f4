import * as fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { secureSupergraph } from '@aurora/supergraph';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { parse as parseYaml } from 'yaml';
import type { Finding } from './finding';

export interface AcceptedChange {
  /** The coordinate the change is at, as the check prints it (`Service.name`). */
  coordinate: string;
  /** The change kind, as the check prints it (`FIELD_REMOVED`). */
  change: string;
  reason: string;
}

/** The committed list of breaking changes the network accepted, each with its reason. */
export function readAcceptedChanges(file: string): AcceptedChange[] {
  if (!fs.existsSync(file)) return [];
  const entries = (parseYaml(fs.readFileSync(file, 'utf8')) as { accepted?: unknown } | null)?.accepted ?? [];
  if (!Array.isArray(entries)) throw new Error(`${file}: "accepted" must be a list.`);
  return entries.map((entry, index) => {
    const { coordinate, change, reason } = (entry ?? {}) as Record<string, unknown>;
    if (typeof coordinate !== 'string' || typeof change !== 'string' || typeof reason !== 'string' || reason.trim().length < 10) {
      throw new Error(`${file}: entry ${index + 1} needs coordinate, change and a reason (10 characters or more).`);
    }
    return { coordinate, change, reason };
  });
}

const apiSchema = (supergraphSdl: string) => Supergraph.build(secureSupergraph(supergraphSdl).gatewaySdl).apiSchema().toGraphQLJSSchema();

/**
 * What a new supergraph breaks for clients of the committed one (graphql-inspector over the two
 * API schemas): removed or retyped fields, new required arguments, removed enum values and the
 * like are errors unless accepted; dangerous changes are warnings.
 */
export async function breakingChanges(committedSupergraph: string, nextSupergraph: string, accepted: AcceptedChange[]): Promise<Finding[]> {
  const changes = await diff(apiSchema(committedSupergraph), apiSchema(nextSupergraph));
  const findings: Finding[] = [];
  for (const change of changes) {
    const coordinate = change.path ?? '(schema)';
    if (change.criticality.level === CriticalityLevel.Breaking) {
      if (accepted.some((entry) => entry.coordinate === coordinate && entry.change === change.type)) continue;
      findings.push({
        rule: `breaking-change/${change.type}`,
        severity: 'error',
        coordinate,
        message: `${change.message}; clients that use it stop working.`,
        fix: `Keep it (deprecate with @deprecated first), or accept it in schema/accepted-changes.yaml with coordinate "${coordinate}", change "${change.type}" and a reason.`,
      });
    } else if (change.criticality.level === CriticalityLevel.Dangerous) {
      findings.push({
        rule: `dangerous-change/${change.type}`,
        severity: 'warning',
        coordinate,
        message: `${change.message}${change.criticality.reason ? ` (${change.criticality.reason})` : ''}.`,
        fix: 'Check that clients handle it.',
      });
    }
  }
  return findings;
}
