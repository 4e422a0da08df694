import type { CronSchedule, Schedule } from '../../engine/k8s/cron';

/**
 * The first activation strictly after `after`, in `timeZone` (an IANA name;
 * UTC when absent, the kube-controller-manager's zone in the simulated
 * cluster), as robfig's SpecSchedule.Next computes it: whole minutes, fields
 * in the zone's wall-clock time, the day matching per the star rule. Undefined
 * when nothing matches within five years (robfig's own search limit).
 */
export function nextActivation(schedule: Schedule, after: Date, timeZone?: string): Date | undefined {
  if (schedule.kind === 'every') return new Date((Math.floor(after.getTime() / 1000) + schedule.seconds) * 1000);
  const wall = wallClock(timeZone);
  // Start at the next whole minute.
  let t = Math.floor(after.getTime() / 60000) * 60000 + 60000;
  const limit = after.getTime() + 5 * 366 * 86400000;
  while (t <= limit) {
    const f = wall(t);
    if (!schedule.month.has(f.month) || !dayMatches(schedule, f)) {
      // Towards the next wall-clock midnight, stopping an hour short so a daylight-saving day cannot skip it.
      t += Math.max(60, 23 * 60 - f.hour * 60 - f.minute) * 60000;
      continue;
    }
    if (!schedule.hour.has(f.hour)) {
      t += (60 - f.minute) * 60000;
      continue;
    }
    if (!schedule.minute.has(f.minute)) {
      t += 60000;
      continue;
    }
    return new Date(t);
  }
  return undefined;
}

interface Wall {
  month: number;
  dom: number;
  dow: number;
  hour: number;
  minute: number;
}

function dayMatches(s: CronSchedule, f: Wall): boolean {
  const dom = s.dom.has(f.dom);
  const dow = s.dow.has(f.dow);
  return s.domStar || s.dowStar ? dom && dow : dom || dow;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Wall-clock fields of an instant in a zone, through Intl (the ICU time zone database Node ships). */
function wallClock(timeZone?: string): (t: number) => Wall {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return (t) => {
      const d = new Date(t);
      return { month: d.getUTCMonth() + 1, dom: d.getUTCDate(), dow: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
    };
  }
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric' });
  return (t) => {
    const parts: Record<string, string> = {};
    for (const p of fmt.formatToParts(new Date(t))) parts[p.type] = p.value;
    return { month: Number(parts.month), dom: Number(parts.day), dow: WEEKDAYS[parts.weekday] ?? 0, hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
  };
}
