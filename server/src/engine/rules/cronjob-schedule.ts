import { cronJobSpecErrors, type CronJobSpecError } from '../k8s/cron';
import { isObject } from '../k8s/podSpecs';
import type { ResourceRule } from './types';

const EXPLAIN: Record<CronJobSpecError['reason'], string> = {
  required: '',
  parse: ' A schedule has five fields: minute hour day-of-month month day-of-week (e.g. "*/5 * * * *"), or a descriptor such as @daily.',
  tz: '',
  zone: ' Use an IANA zone name such as "Etc/UTC" or "Europe/Berlin".',
};

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
    // A missing schedule is schema-required's to tell.
    for (const e of cronJobSpecErrors(spec)) if (e.reason !== 'required') ctx.report({ path: ['spec', e.field], message: `${e.error}.${EXPLAIN[e.reason]}` });
  },
};
