package io.github.codeartifact.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request the server refuses before it reaches a handler: malformed (400), with too long
 * a request line (414), too many or too large headers (431) or too large a body (413).
 */
final class HttpProtocolException extends IOException {

	private final int status;

	HttpProtocolException(int status, String message) {
		super(message);
		this.status = status;
	}

	static HttpProtocolException badRequest(String message) {
		return new HttpProtocolException(400, message);
	}

	static HttpProtocolException bodyTooLarge() {
		return new HttpProtocolException(413, "The body is larger than " + HttpLimits.MAX_BODY + " bytes");
	}

	int status() {
		return this.status;
	}

	/**
	 * Returns the answer, which closes the connection.
	 * @return the reply
	 */
	HttpReply reply() {
		return HttpReply.of(this.status, Map.of("Content-Type", "text/plain; charset=utf-8", "Connection", "close"),
				(getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
