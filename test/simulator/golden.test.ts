import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatChanges, formatText, simulateReapply, type RunOptions } from '../../server/src/simulator/index';
import { testEngine } from '../helpers/engine';
import { fromRoot } from '../helpers/paths';
import { clusterOf, eventLines, readInputs, simulateDir } from './helpers';

/**
 * Golden tests: each test/simulator/cases/<case>/input is simulated with seed 1
 * and compared with expected.txt (the CLI text report, then every event).
 * A case with cluster.yaml runs on that cluster (as --cluster); a case with
 * old/ applies old/ first and reports the change (as --from old).
 * Run with UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change,
 * and review the diff: each line is a claim about what Kubernetes does.
 */
const CASES = fromRoot('test', 'simulator', 'cases');

describe('simulator golden cases', () => {
  for (const name of fs.readdirSync(CASES).sort()) {
    it(name, () => {
      const dir = path.join(CASES, name);
      const opts: RunOptions = { seed: 1, ...(fs.existsSync(path.join(dir, 'cluster.yaml')) ? { cluster: clusterOf(path.join(dir, 'cluster.yaml')) } : {}) };
      let actual: string;
      if (fs.existsSync(path.join(dir, 'old'))) {
        const { after, changes } = simulateReapply(testEngine(), readInputs(path.join(dir, 'old')), readInputs(path.join(dir, 'input')), opts);
        actual = formatChanges(changes) + '\n--- cluster after the change\n\n' + formatText(after) + '\n--- events\n' + eventLines(after);
      } else {
        const result = simulateDir(path.join(dir, 'input'), opts);
        actual = formatText(result) + '\n--- events\n' + eventLines(result);
      }
      const file = path.join(CASES, name, 'expected.txt');
      if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
        fs.writeFileSync(file, actual);
      }
      assert.equal(actual, fs.readFileSync(file, 'utf8'));
    });
  }
});
