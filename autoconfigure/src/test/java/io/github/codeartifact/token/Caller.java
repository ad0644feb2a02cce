package io.github.codeartifact.token;

import java.time.Duration;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

/**
 * A call made on its own thread, so that the test thread can drive the virtual-time scheduler while
 * the caller waits.
 */
final class Caller<T> {

	private final Thread thread;

	private volatile T result;

	private volatile Throwable failure;

	private volatile boolean interruptedAtEnd;

	private Caller(Supplier<T> call, boolean interruptFirst) {
		this.thread = new Thread(() -> {
			if (interruptFirst) {
				Thread.currentThread().interrupt();
			}
			try {
				this.result = call.get();
			}
			catch (Throwable ex) {
				this.failure = ex;
			}
			finally {
				this.interruptedAtEnd = Thread.currentThread().isInterrupted();
			}
		}, "test-caller");
		this.thread.setDaemon(true);
	}

	static <T> Caller<T> start(Supplier<T> call) {
		Caller<T> caller = new Caller<>(call, false);
		caller.thread.start();
		return caller;
	}

	static <T> Caller<T> startInterrupted(Supplier<T> call) {
		Caller<T> caller = new Caller<>(call, true);
		caller.thread.start();
		return caller;
	}

	/** Waits until the call is parked on a bounded wait, or has ended. */
	Caller<T> awaitWaiting() {
		Awaitility.await()
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(2))
			.until(() -> isDone() || this.thread.getState() == Thread.State.TIMED_WAITING);
		return this;
	}

	boolean isWaiting() {
		return this.thread.getState() == Thread.State.TIMED_WAITING;
	}

	boolean isDone() {
		return this.thread.getState() == Thread.State.TERMINATED;
	}

	void interrupt() {
		this.thread.interrupt();
	}

	/** Waits for the call to end and returns its result, or throws its failure. */
	T join() {
		awaitDone();
		if (this.failure != null) {
			throw new AssertionError("call failed", this.failure);
		}
		return this.result;
	}

	/** Waits for the call to end and returns the failure it threw. */
	Throwable failure() {
		awaitDone();
		if (this.failure == null) {
			throw new AssertionError("call did not fail");
		}
		return this.failure;
	}

	boolean interruptedAtEnd() {
		awaitDone();
		return this.interruptedAtEnd;
	}

	private void awaitDone() {
		try {
			this.thread.join(Duration.ofSeconds(15).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!isDone()) {
			throw new AssertionError("call did not end");
		}
	}

}
