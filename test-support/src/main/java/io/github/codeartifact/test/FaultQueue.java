package io.github.codeartifact.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Queued faults, each with how many more calls it applies to, consumed in order.
 */
final class FaultQueue {

	private final List<Entry> entries = new ArrayList<>();

	synchronized void add(EmulatorFault fault, int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1");
		}
		this.entries.add(new Entry(fault, times));
	}

	synchronized void clear() {
		this.entries.clear();
	}

	/**
	 * Takes one use of the first queued fault that applies to the operation.
	 * @param operation the operation being answered
	 * @return the fault or {@code null} when none applies
	 */
	synchronized @Nullable EmulatorFault poll(Operation operation) {
		Iterator<Entry> iterator = this.entries.iterator();
		while (iterator.hasNext()) {
			Entry entry = iterator.next();
			if (entry.fault.appliesTo(operation)) {
				entry.remaining--;
				if (entry.remaining == 0) {
					iterator.remove();
				}
				return entry.fault;
			}
		}
		return null;
	}

	synchronized int remaining() {
		return this.entries.stream().mapToInt((entry) -> entry.remaining).sum();
	}

	private static final class Entry {

		private final EmulatorFault fault;

		private int remaining;

		Entry(EmulatorFault fault, int remaining) {
			this.fault = fault;
			this.remaining = remaining;
		}

	}

}
