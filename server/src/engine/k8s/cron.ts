/**
 * The cron schedules Kubernetes accepts: github.com/robfig/cron/v3
 * ParseStandard, which the API server validates with and the CronJob
 * controller schedules with. Five fields (minute hour day-of-month month
 * day-of-week), `*` and `?`, lists, ranges, steps, month and weekday names,
 * and the descriptors @yearly @annually @monthly @weekly @daily @midnight
 * @hourly and @every <duration>. Error messages are robfig's.
 */
export interface CronSchedule {
  kind: 'fields';
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  /** A `*` or `?` in day-of-month / day-of-week: robfig ANDs the day fields only when one is a star. */
  domStar: boolean;
  dowStar: boolean;
}

export interface EverySchedule {
  kind: 'every';
  seconds: number;
}

export type Schedule = CronSchedule | EverySchedule;

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Bounds[] = [{ min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS }, { min: 0, max: 6, names: DAYS }];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

export class CronError extends Error {}

/** Parses a schedule, throwing CronError with robfig's message when it is not one. */
export function parseSchedule(spec: string): Schedule {
  let text = spec.trim();
  if (text === '') throw new CronError('empty spec string');
  // robfig reads a leading TZ=/CRON_TZ= zone; the API server then refuses it separately.
  const tz = /^(?:CRON_)?TZ=(\S+)\s+/.exec(text);
  if (tz) text = text.slice(tz[0].length);
  if (text.startsWith('@')) {
    if (text.startsWith('@every ')) return { kind: 'every', seconds: everySeconds(text.slice(7).trim()) };
    const expanded = DESCRIPTORS[text];
    if (!expanded) throw new CronError(`unrecognized descriptor: ${text}`);
    return parseFields(expanded);
  }
  return parseFields(text);
}

function parseFields(text: string): CronSchedule {
  const fields = text.split(/\s+/);
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const sets = fields.map((f, i) => parseField(f, FIELDS[i]));
  const star = (f: string): boolean => f === '*' || f === '?';
  return { kind: 'fields', minute: sets[0], hour: sets[1], dom: sets[2], month: sets[3], dow: sets[4], domStar: star(fields[2]), dowStar: star(fields[4]) };
}

/** getField: a comma-separated list of ranges. */
function parseField(field: string, b: Bounds): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(',')) for (const v of parseRange(part, b)) out.add(v);
  return out;
}

/** getRange: `*`, `?`, `N`, `N-M`, each with an optional `/step`. */
function parseRange(expr: string, b: Bounds): number[] {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    start = parseIntOrName(lowAndHigh[0], b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means N through the maximum.
    if (singleDigit) end = b.max;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < b.min) throw new CronError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  const out: number[] = [];
  for (let v = start; v <= end; v += step) out.push(v);
  return out;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()];
  if (named !== undefined) return named;
  return mustParseInt(expr);
}

function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

/** time.ParseDuration for the units a schedule can use; robfig rounds @every to whole seconds, at least one. */
function everySeconds(text: string): number {
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|ns)/gy;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * unit[m[2]];
    consumed = re.lastIndex;
  }
  if (!text || consumed !== text.length) throw new CronError(`failed to parse duration ${text}: time: invalid duration ${JSON.stringify(text)}`);
  return Math.max(1, Math.floor(total));
}

/** time.LoadLocation's verdict on a zone name: undefined when known, else its error. */
export function timeZoneProblem(timeZone: string): string | undefined {
  if (timeZone.toLowerCase() === 'local') return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return undefined;
  } catch {
    return `unknown time zone ${timeZone}`;
  }
}

/** One problem of a CronJob's schedule or time zone, in the API server's words. */
export interface CronJobSpecError {
  field: 'schedule' | 'timeZone';
  /** Why, for a caller that explains: a missing schedule, one robfig cannot parse, a TZ prefix, an unknown zone. */
  reason: 'required' | 'parse' | 'tz' | 'zone';
  error: string;
}

/**
 * pkg/apis/batch/validation validateScheduleFormat and validateTimeZone: the
 * schedule must be there and parse (robfig/cron ParseStandard, with its
 * message), carry no TZ= / CRON_TZ= prefix, and timeZone must be a zone the
 * tz database knows. In upstream's order.
 */
export function cronJobSpecErrors(spec: Record<string, unknown>): CronJobSpecError[] {
  const errors: CronJobSpecError[] = [];
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  if (!schedule) errors.push({ field: 'schedule', reason: 'required', error: 'spec.schedule: Required value' });
  else {
    try {
      parseSchedule(schedule);
    } catch (e) {
      if (!(e instanceof CronError)) throw e;
      errors.push({ field: 'schedule', reason: 'parse', error: `spec.schedule: Invalid value: ${JSON.stringify(schedule)}: ${e.message}` });
    }
    if (schedule.includes('TZ')) errors.push({ field: 'schedule', reason: 'tz', error: `spec.schedule: Invalid value: ${JSON.stringify(schedule)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead` });
  }
  if (typeof spec.timeZone === 'string') {
    const problem = timeZoneProblem(spec.timeZone);
    if (problem) errors.push({ field: 'timeZone', reason: 'zone', error: `spec.timeZone: Invalid value: ${JSON.stringify(spec.timeZone)}: ${problem}` });
  }
  return errors;
}
