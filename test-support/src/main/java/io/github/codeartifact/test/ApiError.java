package io.github.codeartifact.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An error answer in the rest-json form: a status, an {@code x-amzn-ErrorType} header
 * and a JSON body with a {@code message}.
 *
 * @param status the HTTP status
 * @param errorType the error code, or {@code null} for a bare status
 * @param message the message
 * @param extraFields further string members of the body
 * @param retryAfterSeconds the {@code Retry-After} header value, or {@code null}
 */
record ApiError(int status, @Nullable String errorType, String message, Map<String, String> extraFields,
		@Nullable Long retryAfterSeconds) {

	static ApiError of(int status, String errorType, String message) {
		return new ApiError(status, errorType, message, Map.of(), null);
	}

	static ApiError of(CodeArtifactError error, String message) {
		return of(error.status(), error.errorType(), message);
	}

	static ApiError validation(String message) {
		return new ApiError(400, CodeArtifactError.VALIDATION.errorType(), message,
				Map.of("reason", "FIELD_VALIDATION_FAILED"), null);
	}

	static ApiError notFound(String message, String resourceType, String resourceId) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("resourceId", resourceId);
		fields.put("resourceType", resourceType);
		return new ApiError(404, CodeArtifactError.RESOURCE_NOT_FOUND.errorType(), message, fields, null);
	}

	HttpReply toReply() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
		if (this.errorType != null) {
			headers.put("x-amzn-ErrorType", this.errorType);
		}
		if (this.retryAfterSeconds != null) {
			headers.put("Retry-After", Long.toString(this.retryAfterSeconds));
		}
		Map<String, String> body = new LinkedHashMap<>();
		body.put("message", this.message);
		body.putAll(this.extraFields);
		return HttpReply.json(this.status, headers, Json.object(body));
	}

}
