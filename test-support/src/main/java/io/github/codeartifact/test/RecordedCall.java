package io.github.codeartifact.test;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One call the emulator received and how it answered.
 *
 * @param time when the call arrived, from the emulator's clock
 * @param operation what the call asked for
 * @param parameters the decoded query parameters of an API call, or the method, path and
 * repository coordinates of a package request (never credentials or tokens)
 * @param status the HTTP status sent, or {@code 0} when the connection was reset
 * @param errorType the {@code x-amzn-ErrorType} sent, or {@code null}
 * @param fault the injected fault that shaped the answer, or {@code null}
 */
public record RecordedCall(Instant time, Operation operation, Map<String, String> parameters, int status,
		@Nullable String errorType, @Nullable EmulatorFault fault) {

	/**
	 * Returns whether the emulator reset the connection instead of answering.
	 * @return {@code true} for a connection reset
	 */
	public boolean connectionReset() {
		return this.status == 0;
	}

	/**
	 * Returns whether the call was answered with a 2xx status.
	 * @return {@code true} on success
	 */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

}
