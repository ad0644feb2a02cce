package io.github.codeartifact.token;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which token is served: the one in service while it is fresh, else an older one that is still
 * fresh (a successor can live shorter than its predecessor, as {@code duration=0} gives near the
 * end of a role session), else none. Guarded by the engine's monitor, except that the hot path
 * reads {@link #current()} without it.
 */
final class ServedTokens {

	private volatile @Nullable ServedToken current;

	/** An older token that goes stale after the one in service; the hot path never reads it. */
	private @Nullable ServedToken outliving;

	/** Returns the token in service, fresh or not; one volatile read. */
	@Nullable ServedToken current() {
		return this.current;
	}

	/** Returns whether a token was ever received. */
	boolean isEmpty() {
		return this.current == null;
	}

	/**
	 * Returns the token a caller gets at a moment: the one in service while it is fresh, else an
	 * older one that is still fresh, else the one in service, stale (for the state), or
	 * {@code null} before the first.
	 */
	@Nullable ServedToken servedAt(Moment now) {
		ServedToken served = this.current;
		ServedToken older = this.outliving;
		if ((served == null || !served.isFreshAt(now)) && older != null && older.isFreshAt(now)) {
			return older;
		}
		return served;
	}

	/**
	 * Puts a new token in service. The older token that goes stale last is kept in reserve if it
	 * outlives the new one, unless the new one was forced: a caller forces a refresh because its
	 * token was rejected, so older ones are not served again.
	 */
	void accept(ServedToken next, boolean forced) {
		ServedToken first = this.current;
		ServedToken second = this.outliving;
		ServedToken later = (first == null || (second != null && second.staleAtMillis() > first.staleAtMillis()))
				? second : first;
		this.outliving = (!forced && later != null && later.staleAtMillis() > next.staleAtMillis()) ? later : null;
		this.current = next;
	}

	/** Swaps in the guarded copy of the token in service once its guard time has come. */
	void guardAt(Moment now) {
		ServedToken served = this.current;
		if (served != null && !served.guarded() && served.guardFrom().isReachedAt(now)) {
			this.current = served.guardedCopy();
		}
	}

	/**
	 * Returns a fresh token that stays valid until an instant: the one in service, else the older
	 * one in reserve, or {@code null} when neither does.
	 */
	@Nullable ServedToken lastingUntil(Instant validUntil, Moment now) {
		for (ServedToken candidate : new ServedToken[] { this.current, this.outliving }) {
			if (candidate != null && candidate.isFreshAt(now) && candidate.lastsUntil(validUntil)) {
				return candidate;
			}
		}
		return null;
	}

}
