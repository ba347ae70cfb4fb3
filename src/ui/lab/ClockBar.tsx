/** The scenario clock: simulated time, ticking at the chosen speed, and its controls. */
import { useEffect, useState } from 'react';
import type { ClockView } from '../worker/protocol';
import { formatSimTime, simNow } from './lab-text';

const SPEEDS = [
  { speed: 0, label: 'Pause' },
  { speed: 1, label: 'x1' },
  { speed: 10, label: 'x10' },
  { speed: 60, label: 'x60' },
] as const;

export function ClockBar({ clock, onSpeed }: { clock: ClockView; onSpeed: (speed: number) => void }) {
  const [wall, setWall] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setWall(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="clock" role="group" aria-label="Scenario clock">
      <span className="clock-time" data-testid="clock-time" aria-label="Simulated time">
        {formatSimTime(simNow(clock, wall))}
      </span>
      {SPEEDS.map(({ speed, label }) => (
        <button
          type="button"
          key={speed}
          aria-pressed={clock.speed === speed}
          aria-label={speed === 0 ? 'Pause the clock' : `Clock speed ${label}`}
          onClick={() => onSpeed(speed)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
