package io.github.codeartifact.test;

import java.util.Map;

/**
 * Reason phrases for the status codes the emulator sends.
 */
final class HttpStatusText {

	private static final Map<Integer, String> TEXTS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(400, "Bad Request"),
			Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
			Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"),
			Map.entry(414, "URI Too Long"), Map.entry(429, "Too Many Requests"),
			Map.entry(431, "Request Header Fields Too Large"),
			Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
			Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

	private HttpStatusText() {
	}

	static String of(int status) {
		return TEXTS.getOrDefault(status, "Status " + status);
	}

}
