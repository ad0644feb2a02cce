package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP response to write back, at once or one byte at a time, or an instruction to reset
 * the connection instead.
 */
final class HttpReply {

	private static final HttpReply RESET = new HttpReply(0, Map.of(), new byte[0], null);

	private final int status;

	private final Map<String, String> headers;

	private final byte[] body;

	private final @Nullable Duration byteInterval;

	private HttpReply(int status, Map<String, String> headers, byte[] body, @Nullable Duration byteInterval) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.byteInterval = byteInterval;
	}

	static HttpReply of(int status, Map<String, String> headers, byte[] body) {
		return new HttpReply(status, new LinkedHashMap<>(headers), body, null);
	}

	static HttpReply json(int status, Map<String, String> headers, String json) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("Content-Type", "application/json");
		all.putAll(headers);
		return new HttpReply(status, all, json.getBytes(StandardCharsets.UTF_8), null);
	}

	/**
	 * Returns this reply, to be sent one byte every {@code interval}.
	 * @param interval the time between two bytes
	 * @return the changed copy
	 */
	HttpReply dripped(Duration interval) {
		if (isConnectionReset()) {
			throw new IllegalStateException("A connection reset has no bytes to drip");
		}
		return new HttpReply(this.status, this.headers, this.body, interval);
	}

	/**
	 * Returns the reply that makes the server drop the connection with a TCP reset.
	 * @return the reset reply
	 */
	static HttpReply connectionReset() {
		return RESET;
	}

	boolean isConnectionReset() {
		return this == RESET;
	}

	int status() {
		return this.status;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	byte[] body() {
		return this.body;
	}

	/**
	 * Returns the time between two bytes of a dripped reply.
	 * @return the interval, or {@code null} to send the reply at once
	 */
	@Nullable Duration byteInterval() {
		return this.byteInterval;
	}

}
