package io.github.codeartifact.token;

import java.time.Clock;
import java.time.Instant;

/**
 * A token in service with its stale time on both clocks, immutable, so that the hot path reads it
 * with one volatile read.
 * <p>
 * The hot path always compares the wall clock, which catches forward steps and a suspended
 * machine at once. Reading the monotonic clock as well costs a second clock read per call, so it
 * is done only once the token is {@link #guarded()}: from a few minutes before its refresh window
 * (see {@link RefreshTiming#guardFrom}), when the engine's timer swaps in the guarded copy. Until
 * then a backward step of the wall clock can only make the token look fresh longer while it is in
 * fact far from stale; from then on both clocks must agree.
 *
 * @param token the token
 * @param staleAt when the token stops being handed out, on the wall clock
 * @param staleAtMillis {@code staleAt} in epoch milliseconds
 * @param staleAtNanos the stale time on the monotonic clock
 * @param expiry the expiration on both clocks
 * @param guardFrom from when the hot path must read the monotonic clock too
 * @param guarded whether the hot path reads the monotonic clock too
 */
record ServedToken(AuthorizationToken token, Instant staleAt, long staleAtMillis, long staleAtNanos, Moment expiry,
		Moment guardFrom, boolean guarded) {

	/**
	 * Places a token received in an attempt that started at {@code anchor} on both clocks. The
	 * anchor is the start of the call, not its end, so that the time the call took is never
	 * counted as life left.
	 */
	static ServedToken of(AuthorizationToken token, Moment anchor, RefreshTiming timing) {
		Instant staleAt = timing.staleAt(token);
		Moment stale = Moment.at(staleAt, anchor);
		Moment guardFrom = Moment.at(timing.guardFrom(token), anchor);
		return new ServedToken(token, staleAt, stale.wallMillis(), stale.monoNanos(),
				Moment.at(token.expiration(), anchor), guardFrom, guardFrom.isReachedAt(anchor));
	}

	/** The hot path: whether the token may be handed out now, with one clock read unless guarded. */
	boolean isFreshNow(Clock clock, RefreshScheduler monotonic) {
		return clock.millis() < this.staleAtMillis && (!this.guarded || monotonic.nanoTime() - this.staleAtNanos < 0);
	}

	/** Whether the token may be handed out at a moment: neither clock has reached its stale time. */
	boolean isFreshAt(Moment now) {
		return now.wallMillis() < this.staleAtMillis && now.monoNanos() - this.staleAtNanos < 0;
	}

	/** Whether the token stays valid until an instant: it expires then or later. */
	boolean lastsUntil(Instant validUntil) {
		return !this.token.expiration().isBefore(validUntil);
	}

	/** Whether the token has expired at a moment, by either clock. */
	boolean isExpiredAt(Moment now) {
		return this.expiry.isReachedAt(now);
	}

	/** Returns the copy that the hot path checks on both clocks. */
	ServedToken guardedCopy() {
		return this.guarded ? this
				: new ServedToken(this.token, this.staleAt, this.staleAtMillis, this.staleAtNanos, this.expiry,
						this.guardFrom, true);
	}

	@Override
	public String toString() {
		return "ServedToken[" + this.token + ", staleAt=" + this.staleAt + ", guarded=" + this.guarded + "]";
	}

}
