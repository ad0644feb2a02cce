package io.github.codeartifact.token;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link RefreshScheduler}: one daemon thread named {@value #THREAD_NAME}.
 * {@link #close()} stops it and waits for it to end, so no thread is left behind; an HTTP call in
 * flight through an {@link AbortableHttpClient} is aborted.
 */
public final class ExecutorRefreshScheduler implements RefreshScheduler {

	/** The name of the refresh thread. */
	public static final String THREAD_NAME = "codeartifact-token-refresh";

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(ExecutorRefreshScheduler.class);

	private final ScheduledThreadPoolExecutor executor;

	private final Duration closeTimeout;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile @Nullable Thread thread;

	/**
	 * Creates a scheduler; its thread starts with the first task.
	 */
	public ExecutorRefreshScheduler() {
		this(CLOSE_TIMEOUT);
	}

	ExecutorRefreshScheduler(Duration closeTimeout) {
		this.closeTimeout = closeTimeout;
		this.executor = new ScheduledThreadPoolExecutor(1, this::newThread);
		this.executor.setRemoveOnCancelPolicy(true);
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
	}

	@Override
	public Cancellable schedule(Runnable task, Duration delay) {
		long nanos = Math.max(saturatedNanos(delay), 0);
		ScheduledFuture<?> future = this.executor.schedule(() -> runGuarded(task), nanos, TimeUnit.NANOSECONDS);
		return () -> future.cancel(false);
	}

	/**
	 * Stops the thread and waits for it to end, once: the provider and the application context
	 * both close the scheduler, and a task stuck past the wait must not hold the second close too.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.executor.shutdownNow();
		Thread current = this.thread;
		if (Thread.currentThread() == current) {
			return; // closed from a task: the thread ends when the task returns
		}
		if (current != null) {
			// A blocking socket read ignores the interrupt: cut a GetAuthorizationToken call short
			AbortableHttpClient.abortCallsOf(current);
		}
		try {
			long deadline = System.nanoTime() + this.closeTimeout.toNanos();
			boolean terminated = this.executor.awaitTermination(this.closeTimeout.toNanos(), TimeUnit.NANOSECONDS);
			// The executor terminates just before its thread ends: wait for the thread too
			Thread thread = this.thread;
			if (thread != null) {
				thread.join(Math.max(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 1));
			}
			if (!terminated || (thread != null && thread.isAlive())) {
				logger.warn("Thread '" + THREAD_NAME + "' did not end within " + this.closeTimeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Thread newThread(Runnable runnable) {
		Thread thread = new Thread(runnable, THREAD_NAME);
		thread.setDaemon(true);
		this.thread = thread;
		return thread;
	}

	private static void runGuarded(Runnable task) {
		try {
			task.run();
		}
		catch (Throwable ex) {
			// The engine settles its own failures; this is the last line, so that nothing is lost silently
			logger.error("CodeArtifact token refresh task failed", ex);
		}
	}

	private static long saturatedNanos(Duration delay) {
		try {
			return delay.toNanos();
		}
		catch (ArithmeticException ex) {
			return delay.isNegative() ? 0 : Long.MAX_VALUE;
		}
	}

}
