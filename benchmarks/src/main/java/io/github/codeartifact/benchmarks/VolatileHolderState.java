package io.github.codeartifact.benchmarks;

import java.time.Duration;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The baseline: the least a cache of an expiring value can do per call. One volatile read of an
 * immutable holder, one {@link System#currentTimeMillis()} compared with the holder's stale time,
 * and the value.
 */
@State(Scope.Benchmark)
public class VolatileHolderState {

	private volatile Holder holder;

	@Setup(Level.Trial)
	public void setUp() {
		this.holder = new Holder(Tokens.VALUE, System.currentTimeMillis() + Duration.ofHours(12).toMillis());
	}

	String get() {
		Holder current = this.holder;
		if (System.currentTimeMillis() < current.staleAtMillis) {
			return current.value;
		}
		throw new IllegalStateException("stale");
	}

	private static final class Holder {

		final String value;

		final long staleAtMillis;

		Holder(String value, long staleAtMillis) {
			this.value = value;
			this.staleAtMillis = staleAtMillis;
		}

	}

}
