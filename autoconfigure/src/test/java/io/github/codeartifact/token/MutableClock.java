package io.github.codeartifact.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A wall clock that tests move by hand. {@link #jump(Duration)} moves it alone, as a clock
 * correction would; {@link VirtualTimeScheduler#advance(Duration)} moves it with virtual time.
 */
final class MutableClock extends Clock {

	private final AtomicLong millis;

	MutableClock(Instant start) {
		this.millis = new AtomicLong(start.toEpochMilli());
	}

	/** Moves the clock forward (or back, when negative) without running any task. */
	void jump(Duration offset) {
		this.millis.addAndGet(offset.toMillis());
	}

	@Override
	public long millis() {
		return this.millis.get();
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(this.millis.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
