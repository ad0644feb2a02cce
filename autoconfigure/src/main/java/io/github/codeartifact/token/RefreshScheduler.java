package io.github.codeartifact.token;

import java.time.Duration;

/**
 * Runs the refresh engine's work after a delay. The default runs it on one daemon thread named
 * {@code codeartifact-token-refresh}; tests use one they drive in virtual time.
 */
public interface RefreshScheduler extends AutoCloseable {

	/**
	 * Runs a task once after a delay.
	 * @param task the task
	 * @param delay the delay, zero or negative to run as soon as possible
	 * @return a handle that cancels the task if it has not started
	 */
	Cancellable schedule(Runnable task, Duration delay);

	/**
	 * Returns the monotonic clock that the delays are measured on: it moves forward at the pace of
	 * real time and never steps, whatever the wall clock does. The engine checks every token
	 * against it as well as against the wall clock.
	 * @return the current reading, in nanoseconds from an arbitrary origin; only differences count
	 */
	default long nanoTime() {
		return System.nanoTime();
	}

	/**
	 * Stops running tasks. A task that is running is interrupted; no thread is left behind.
	 */
	@Override
	void close();

	/**
	 * A scheduled task that may be cancelled.
	 */
	@FunctionalInterface
	interface Cancellable {

		/**
		 * Cancels the task if it has not started.
		 */
		void cancel();

	}

}
