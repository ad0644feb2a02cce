package io.github.codeartifact.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every call the emulator answered, in arrival order.
 */
final class CallRecorder {

	private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();

	void record(RecordedCall call) {
		this.calls.add(call);
	}

	List<RecordedCall> calls() {
		return List.copyOf(this.calls);
	}

	List<RecordedCall> calls(Operation operation) {
		return this.calls.stream().filter((call) -> call.operation() == operation).toList();
	}

	void reset() {
		this.calls.clear();
	}

}
