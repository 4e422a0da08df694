import { CronError, parseSchedule, timeZoneProblem } from '../k8s/cron';
import { isObject } from '../k8s/podSpecs';
import type { ResourceRule } from './types';

export const rule: ResourceRule = {
  kind: 'resource',
  meta: {
    id: 'cronjob-schedule',
    defaultSeverity: 'error',
    description: 'A CronJob schedule or time zone the API server rejects.',
    rationale:
      'The API server parses `spec.schedule` as the CronJob controller will (robfig/cron ParseStandard): five fields, minute hour day-of-month month day-of-week, each `*`, a number, a list, a range or a step (`*/15`), with month and weekday names, or a descriptor such as `@daily` or `@every 1h`. A time zone goes in `spec.timeZone` (an IANA name such as `Europe/Berlin`), not as a `TZ=` or `CRON_TZ=` prefix of the schedule.',
    example: 'spec:\n  schedule: "*/5 * * *"   # four fields',
  },
  check(ctx) {
    if (ctx.res.group !== 'batch' || ctx.res.kind !== 'CronJob') return;
    const spec = ctx.res.value.spec;
    if (!isObject(spec)) return;
    const schedule = spec.schedule;
    if (typeof schedule === 'string' && schedule) {
      try {
        parseSchedule(schedule);
      } catch (e) {
        if (!(e instanceof CronError)) throw e;
        ctx.report({ path: ['spec', 'schedule'], message: `spec.schedule: Invalid value: ${JSON.stringify(schedule)}: ${e.message}. A schedule has five fields: minute hour day-of-month month day-of-week (e.g. "*/5 * * * *"), or a descriptor such as @daily.` });
      }
      if (schedule.includes('TZ')) ctx.report({ path: ['spec', 'schedule'], message: `spec.schedule: Invalid value: ${JSON.stringify(schedule)}: cannot use TZ or CRON_TZ in schedule, use timeZone field instead.` });
    }
    if (typeof spec.timeZone === 'string') {
      const problem = timeZoneProblem(spec.timeZone);
      if (problem) ctx.report({ path: ['spec', 'timeZone'], message: `spec.timeZone: Invalid value: ${JSON.stringify(spec.timeZone)}: ${problem}. Use an IANA zone name such as "Etc/UTC" or "Europe/Berlin".` });
    }
  },
};
