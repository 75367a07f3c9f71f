import { describe, expect, it } from 'vitest';
import {
  elapsedAt,
  fireScheduled,
  pauseClock,
  resumeClock,
  retargetClock,
  scheduleOf,
  startClock,
  stopClock,
  type ClockCalendar,
} from './clock-state.js';

/** Every instant is working time: business time is elapsed time. */
const allHours: ClockCalendar = {
  addMilliseconds: (from, ms) => from + ms,
  between: (a, b) => b.getTime() - a.getTime(),
};
const minutes = (m: number) => m * 60_000;
const at = (m: number) => new Date(Date.UTC(2030, 0, 7, 9) + minutes(m));

describe('an SLA clock', () => {
  it('schedules its warnings, then the breach', () => {
    let { state } = startClock(minutes(100), [0.75, 0.5], at(0), false);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const schedule = scheduleOf(state, allHours);
      if (!schedule.nextEventAt) break;
      seen.push(`${schedule.nextEvent}@${(schedule.nextEventAt.getTime() - at(0).getTime()) / 60_000}`);
      state = fireScheduled(state, schedule).state;
    }
    expect(seen).toEqual(['warning@50', 'warning@75', 'breached@100']);
    expect(state.status).toBe('breached');
  });

  it.each([
    [
      'a pause moves the due date by its length',
      [
        ['pause', 30],
        ['resume', 90],
      ],
      'running',
      30,
      160,
    ],
    [
      'a pause before any time elapsed',
      [
        ['pause', 0],
        ['resume', 10],
      ],
      'running',
      0,
      110,
    ],
    [
      'two pauses add up',
      [
        ['pause', 10],
        ['resume', 20],
        ['pause', 30],
        ['resume', 50],
      ],
      'running',
      20,
      130,
    ],
    ['paused: no due date', [['pause', 40]], 'paused', 40, null],
    ['a resume without a pause changes nothing', [['resume', 40]], 'running', 0, 100],
  ] as const)('%s', (_name, steps, status, elapsedMinutes, dueMinutes) => {
    let { state } = startClock(minutes(100), [], at(0), false);
    for (const [step, minute] of steps) {
      state =
        step === 'pause'
          ? pauseClock(state, at(minute), allHours).state
          : resumeClock(state, at(minute)).state;
    }
    expect(state.status).toBe(status);
    expect(state.elapsedMs).toBe(minutes(elapsedMinutes));
    const due = scheduleOf(state, allHours).dueAt;
    expect(due === null ? null : (due.getTime() - at(0).getTime()) / 60_000).toBe(dueMinutes);
  });

  it('stops as met with its elapsed business time, once', () => {
    const { state } = startClock(minutes(100), [0.5], at(0), false);
    const stopped = stopClock(state, at(42), allHours);
    expect(stopped.state).toMatchObject({ status: 'met', elapsedMs: minutes(42), resumedAt: null });
    expect(stopped.events).toEqual([{ event: 'met' }]);
    expect(stopClock(stopped.state, at(50), allHours).events).toEqual([]);
    expect(elapsedAt(stopped.state, at(99), allHours)).toBe(minutes(42));
  });

  it('stays breached when stopped after the breach, and keeps ticking until then', () => {
    let { state } = startClock(minutes(10), [], at(0), false);
    state = fireScheduled(state, scheduleOf(state, allHours)).state;
    expect(elapsedAt(state, at(25), allHours)).toBe(minutes(25));
    const stopped = stopClock(state, at(30), allHours);
    expect(stopped.state).toMatchObject({ status: 'breached', elapsedMs: minutes(30) });
    expect(stopped.events).toEqual([]);
  });

  it('re-targets keeping elapsed time and fired warnings; an overdue target is due at once', () => {
    let { state } = startClock(minutes(100), [0.5], at(0), false);
    state = fireScheduled(state, scheduleOf(state, allHours)).state;
    state = pauseClock(state, at(60), allHours).state;
    state = resumeClock(state, at(60)).state;
    const retargeted = retargetClock(state, minutes(40), { reason: 'priority' });
    expect(retargeted.events).toEqual([
      {
        event: 'retargeted',
        data: { reason: 'priority', fromTargetMs: minutes(100), toTargetMs: minutes(40) },
      },
    ]);
    const schedule = scheduleOf(retargeted.state, allHours);
    expect(schedule).toMatchObject({ nextEvent: 'breached', nextEventAt: at(60), dueAt: at(60) });
  });

  it('starts paused when the record already waits', () => {
    const started = startClock(minutes(100), [0.5], at(0), true);
    expect(started.events.map((e) => e.event)).toEqual(['started', 'paused']);
    expect(scheduleOf(started.state, allHours).nextEventAt).toBeNull();
  });
});
