package io.github.codeartifact.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when a test moves it, to be shared between the
 * emulator and the code under test.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> instant;

	private final ZoneId zone;

	private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
		this.instant = instant;
		this.zone = zone;
	}

	/**
	 * Creates a clock that starts at the given instant, in UTC.
	 * @param start the initial instant
	 * @return the clock
	 */
	public static MutableClock startingAt(Instant start) {
		return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
	}

	/**
	 * Moves the clock forward (or backward, for a negative amount).
	 * @param amount how far to move
	 * @return the new instant
	 */
	public Instant advance(Duration amount) {
		return this.instant.updateAndGet((current) -> current.plus(amount));
	}

	/**
	 * Sets the clock to an instant.
	 * @param newInstant the new instant
	 */
	public void set(Instant newInstant) {
		this.instant.set(newInstant);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId newZone) {
		// The zone view shares the same moving instant.
		return new MutableClock(this.instant, newZone);
	}

	@Override
	public Instant instant() {
		return this.instant.get();
	}

}
