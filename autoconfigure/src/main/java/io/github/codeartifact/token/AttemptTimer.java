package io.github.codeartifact.token;

import java.time.Duration;
import java.util.function.ObjIntConsumer;

/**
 * Wakes the engine when an attempt is due. A long delay is slept in steps of at most
 * {@link #MAX_SLEEP}, so that a forward step of the wall clock (or a suspended machine) delays a due
 * fetch by at most one step: the scheduler's delays run on the monotonic clock, which a wall-clock
 * step does not move.
 */
final class AttemptTimer {

	/** Longest a timer sleeps before the engine looks at both clocks again. */
	static final Duration MAX_SLEEP = Duration.ofMinutes(1);

	private final RefreshScheduler scheduler;

	private final ObjIntConsumer<Attempt> onWake;

	/**
	 * @param scheduler runs the timers
	 * @param onWake called with the attempt and the timer's generation when a timer fires
	 */
	AttemptTimer(RefreshScheduler scheduler, ObjIntConsumer<Attempt> onWake) {
		this.scheduler = scheduler;
		this.onWake = onWake;
	}

	/** Arms the attempt's timer for when it is due (or one step), replacing its previous timer. */
	void arm(Attempt attempt, Moment now) {
		long delayNanos = Math.min(attempt.delayAt(now).toNanos(), MAX_SLEEP.toNanos());
		attempt.cancelTimer();
		attempt.wakeNanos = now.monoNanos() + delayNanos;
		int generation = ++attempt.generation;
		attempt.timer = this.scheduler.schedule(() -> this.onWake.accept(attempt, generation),
				Duration.ofNanos(delayNanos));
	}

	/** Arms the timer again if the attempt is now due before its timer wakes (brought forward). */
	void rearmIfLate(Attempt attempt, Moment now) {
		long delayNanos = attempt.delayAt(now).toNanos();
		if (attempt.timer == null || delayNanos < attempt.wakeNanos - now.monoNanos()) {
			arm(attempt, now);
		}
	}

}
