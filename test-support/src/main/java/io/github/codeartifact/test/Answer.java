package io.github.codeartifact.test;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A reply together with what the call recording needs to know about it.
 *
 * @param reply the reply to send
 * @param errorType the error code sent, or {@code null}
 * @param fault the fault that shaped the reply, or {@code null}
 */
record Answer(HttpReply reply, @Nullable String errorType, @Nullable EmulatorFault fault) {

	static Answer of(ApiError error, @Nullable EmulatorFault fault) {
		return new Answer(error.toReply(), error.errorType(), fault);
	}

	static Answer of(HttpReply reply, @Nullable EmulatorFault fault) {
		return new Answer(reply, null, fault);
	}

	Answer dripped(Duration interval) {
		return new Answer(this.reply.dripped(interval), this.errorType, this.fault);
	}

}
