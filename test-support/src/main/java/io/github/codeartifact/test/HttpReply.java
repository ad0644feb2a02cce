package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response to write back, or an instruction to reset the connection instead.
 */
final class HttpReply {

	private static final HttpReply RESET = new HttpReply(0, Map.of(), new byte[0]);

	private final int status;

	private final Map<String, String> headers;

	private final byte[] body;

	private HttpReply(int status, Map<String, String> headers, byte[] body) {
		this.status = status;
		this.headers = headers;
		this.body = body;
	}

	static HttpReply of(int status, Map<String, String> headers, byte[] body) {
		return new HttpReply(status, new LinkedHashMap<>(headers), body);
	}

	static HttpReply json(int status, Map<String, String> headers, String json) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("Content-Type", "application/json");
		all.putAll(headers);
		return new HttpReply(status, all, json.getBytes(StandardCharsets.UTF_8));
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

}
