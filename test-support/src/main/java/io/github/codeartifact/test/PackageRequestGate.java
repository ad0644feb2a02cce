package io.github.codeartifact.test;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the first package request for a file until the test releases it, so that a test can act
 * in the middle of a real build tool's run (a token refresh between two downloads) without
 * sleeping: {@link #awaitArrival(Duration)}, act, {@link #release()}. The token of the held request
 * is checked when it is answered, after the release. A request is never held longer than the
 * bound given to {@link CodeArtifactEmulator#holdPackageRequest(String, Duration)}, nor past the
 * emulator's {@link CodeArtifactEmulator#close()}.
 */
public final class PackageRequestGate {

	private final String pathSuffix;

	private final Duration maxHold;

	private final AtomicBoolean taken = new AtomicBoolean();

	private final CountDownLatch arrived = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	PackageRequestGate(String pathSuffix, Duration maxHold) {
		this.pathSuffix = Objects.requireNonNull(pathSuffix, "pathSuffix");
		this.maxHold = Objects.requireNonNull(maxHold, "maxHold");
	}

	/** Holds the request when it is the first for a matching file; called by the emulator's worker. */
	void pass(String filePath) {
		if (filePath.endsWith(this.pathSuffix) && this.taken.compareAndSet(false, true)) {
			this.arrived.countDown();
			try {
				this.released.await(this.maxHold.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Waits until the request has arrived and is held.
	 * @param timeout how long to wait
	 * @return whether it arrived in time
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	public boolean awaitArrival(Duration timeout) throws InterruptedException {
		return this.arrived.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Returns whether the request has arrived.
	 * @return whether a matching request came
	 */
	public boolean hasArrived() {
		return this.arrived.getCount() == 0;
	}

	/** Lets the held request (and any later one) through. */
	public void release() {
		this.released.countDown();
	}

	@Override
	public String toString() {
		return "PackageRequestGate[*" + this.pathSuffix + ", arrived=" + hasArrived() + "]";
	}

}
