package io.github.codeartifact.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the most recent calls the emulator answered, in arrival order, and exact counts of
 * all of them: a long-running emulator must not hold every call forever.
 */
final class CallRecorder {

	static final int DEFAULT_MAX_CALLS = 10_000;

	private final int maxCalls;

	private final Deque<RecordedCall> calls = new ArrayDeque<>();

	private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);

	CallRecorder(int maxCalls) {
		this.maxCalls = maxCalls;
	}

	synchronized void record(RecordedCall call) {
		if (this.calls.size() == this.maxCalls) {
			this.calls.removeFirst();
		}
		this.calls.addLast(call);
		this.counts.merge(call.operation(), 1, Math::addExact);
	}

	synchronized List<RecordedCall> calls() {
		return List.copyOf(this.calls);
	}

	synchronized List<RecordedCall> calls(Operation operation) {
		return this.calls.stream().filter((call) -> call.operation() == operation).toList();
	}

	synchronized int count(Operation operation) {
		return this.counts.getOrDefault(operation, 0);
	}

	synchronized void reset() {
		this.calls.clear();
		this.counts.clear();
	}

}
