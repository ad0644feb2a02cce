package io.github.codeartifact.reliability;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;

import io.github.codeartifact.test.MutableClock;
import io.github.codeartifact.token.RefreshScheduler;

/**
 * A {@link RefreshScheduler} driven in virtual time, on the public {@link MutableClock} that the
 * emulator can share. Tasks run only on the thread that calls {@link #advance(Duration)}, in due
 * order, with the clock moved to each task's due time first. Virtual time is monotonic and kept
 * apart from the clock, so that a test can make the clock jump both ways with
 * {@link MutableClock#advance(Duration)} alone.
 */
final class VirtualScheduler implements RefreshScheduler {

	private final MutableClock clock;

	private final PriorityQueue<Task> tasks = new PriorityQueue<>();

	private long nowMillis;

	private long sequence;

	private long executed;

	private boolean closed;

	VirtualScheduler(MutableClock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized Cancellable schedule(Runnable task, Duration delay) {
		if (this.closed) {
			throw new RejectedExecutionException("closed");
		}
		Task scheduled = new Task(this.nowMillis + Math.max(delay.toMillis(), 0), this.sequence++, task);
		this.tasks.add(scheduled);
		return () -> cancel(scheduled);
	}

	private synchronized void cancel(Task task) {
		this.tasks.remove(task);
	}

	/** Moves virtual time (and the clock) forward, running the tasks that fall due on the way. */
	void advance(Duration duration) {
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
	 * @return the virtual time that passed
	 */
	Duration step(Duration limit) {
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
	void runDue() {
		advance(Duration.ZERO);
	}

	synchronized boolean hasDueTask() {
		Task next = this.tasks.peek();
		return next != null && next.dueMillis <= this.nowMillis;
	}

	synchronized long executedTasks() {
		return this.executed;
	}

	synchronized long virtualMillis() {
		return this.nowMillis;
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
