import type { Rule } from '../../engine/rules/types';
import { docsUrl } from '../../engine/rules/registry';
import type { LocatedDiagnostic, Location } from './locate';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function physical(l: Location): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: l.file.split(/[\\/]/).map(encodeURIComponent).join('/') },
      region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn },
    },
  };
}

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function formatSarif(diags: LocatedDiagnostic[], rules: readonly Rule[], version: string): string {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubesim',
            version,
            informationUri: 'https://github.com/kubesim/kubesim',
            rules: rules.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.rationale },
              helpUri: docsUrl(r.meta.id),
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
            })),
          },
        },
        results: diags.map((d) => ({
          ruleId: d.code,
          ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [physical(d)],
          ...(d.related?.length ? { relatedLocations: d.related.map((r, id) => ({ id, ...physical(r), message: { text: r.message } })) } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
