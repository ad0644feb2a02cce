package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The replies the package endpoints share.
 */
final class RepositoryReplies {

	private RepositoryReplies() {
	}

	static HttpReply ok(String contentType, byte[] body) {
		return HttpReply.of(200, Map.of("Content-Type", contentType), body);
	}

	static HttpReply text(int status, String message) {
		return HttpReply.of(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
				(message + "\n").getBytes(StandardCharsets.UTF_8));
	}

	static HttpReply json(int status, Object document) {
		return HttpReply.json(status, Map.of(), Json.write(document));
	}

	static HttpReply notFound() {
		return text(404, "Not Found");
	}

	static HttpReply methodNotAllowed(String allow) {
		return HttpReply.of(405, Map.of("Allow", allow), new byte[0]);
	}

}
