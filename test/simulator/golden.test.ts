import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatText } from '../../server/src/simulator/index';
import { fromRoot } from '../helpers/paths';
import { eventLines, simulateDir } from './helpers';

/**
 * Golden tests: each test/simulator/cases/<case>/input is simulated with seed 1
 * and compared with expected.txt (the CLI text report, then every event).
 * Run with UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change,
 * and review the diff: each line is a claim about what Kubernetes does.
 */
const CASES = fromRoot('test', 'simulator', 'cases');

describe('simulator golden cases', () => {
  for (const name of fs.readdirSync(CASES).sort()) {
    it(name, () => {
      const result = simulateDir(path.join(CASES, name, 'input'));
      const actual = formatText(result) + '\n--- events\n' + eventLines(result);
      const file = path.join(CASES, name, 'expected.txt');
      if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
        fs.writeFileSync(file, actual);
      }
      assert.equal(actual, fs.readFileSync(file, 'utf8'));
    });
  }
});
