package io.github.codeartifact.token;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;

import io.github.codeartifact.test.MutableClock;
import org.awaitility.Awaitility;

/**
 * A {@link RefreshScheduler} driven in virtual time. Tasks run only on the thread that calls
 * {@link #advance(Duration)} or {@link #runDue()}, in due order, with the clock moved to each task's
 * due time first. Virtual time is monotonic and kept apart from the wall clock, so that tests can
 * make the clock jump: {@link MutableClock#advance(Duration)} on the clock itself moves it alone, as
 * a clock correction would, without running any task.
 */
public final class VirtualTimeScheduler implements RefreshScheduler {

	private final MutableClock clock;

	private final PriorityQueue<Task> tasks = new PriorityQueue<>();

	private long nowMillis;

	private long sequence;

	private long executed;

	private boolean closed;

	public VirtualTimeScheduler(MutableClock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized Cancellable schedule(Runnable task, Duration delay) {
		if (this.closed) {
			throw new RejectedExecutionException("closed");
		}
		// Rounded up: a task never runs before its delay has passed on the monotonic clock
		long delayMillis = Math.max((delay.toNanos() + 999_999) / 1_000_000, 0);
		Task scheduled = new Task(this.nowMillis + delayMillis, this.sequence++, task);
		this.tasks.add(scheduled);
		return () -> cancel(scheduled);
	}

	private synchronized void cancel(Task task) {
		this.tasks.remove(task);
	}

	/** Moves virtual time (and the clock) forward, running the tasks that fall due on the way. */
	public void advance(Duration duration) {
		long target;
		synchronized (this) {
			target = this.nowMillis + duration.toMillis();
		}
		while (true) {
			Task next;
			synchronized (this) {
				next = this.tasks.peek();
				if (next == null || next.dueMillis > target) {
					moveTo(target);
					return;
				}
				this.tasks.poll();
				moveTo(next.dueMillis);
				this.executed++;
			}
			next.runnable.run();
		}
	}

	/**
	 * Runs the next task, moving virtual time to its due time, if it falls due within the limit;
	 * else moves virtual time by the limit.
	 * @param limit the most virtual time to let pass
	 * @return the virtual time that passed
	 */
	public Duration step(Duration limit) {
		long before;
		long target;
		synchronized (this) {
			before = this.nowMillis;
			Task next = this.tasks.peek();
			long limitMillis = before + limit.toMillis();
			target = (next != null && next.dueMillis <= limitMillis) ? next.dueMillis : limitMillis;
		}
		advance(Duration.ofMillis(target - before));
		return Duration.ofMillis(target - before);
	}

	/** Runs the tasks due now, such as a fetch a caller asked for. */
	public void runDue() {
		advance(Duration.ZERO);
	}

	/** Waits (in real time) until another thread has scheduled a task due now, then runs it. */
	void awaitAndRunDue() {
		Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).until(this::hasDueTask);
		runDue();
	}

	synchronized boolean hasDueTask() {
		Task next = this.tasks.peek();
		return next != null && next.dueMillis <= this.nowMillis;
	}

	/** The monotonic clock: virtual time, which the clock's own jumps do not move. */
	@Override
	public synchronized long nanoTime() {
		return this.nowMillis * 1_000_000;
	}

	/** Returns how many tasks are waiting to run. */
	synchronized int queuedTasks() {
		return this.tasks.size();
	}

	synchronized long executedTasks() {
		return this.executed;
	}

	/**
	 * Returns how much virtual time has passed, apart from the jumps of the clock.
	 * @return the virtual time in milliseconds
	 */
	public synchronized long virtualMillis() {
		return this.nowMillis;
	}

	synchronized boolean isClosed() {
		return this.closed;
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		this.tasks.clear();
	}

	private void moveTo(long millis) {
		if (millis > this.nowMillis) {
			this.clock.advance(Duration.ofMillis(millis - this.nowMillis));
			this.nowMillis = millis;
		}
	}

	private record Task(long dueMillis, long sequence, Runnable runnable) implements Comparable<Task> {

		@Override
		public int compareTo(Task other) {
			int byDue = Long.compare(this.dueMillis, other.dueMillis);
			return (byDue != 0) ? byDue : Long.compare(this.sequence, other.sequence);
		}

	}

}
