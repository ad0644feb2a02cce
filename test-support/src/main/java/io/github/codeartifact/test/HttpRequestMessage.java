package io.github.codeartifact.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as it arrived on the wire.
 *
 * @param method the request method
 * @param rawPath the path, still percent-encoded
 * @param rawQuery the query string, still percent-encoded
 * @param headers the headers in arrival order
 * @param body the body bytes (empty when there is none)
 */
record HttpRequestMessage(String method, String rawPath, @Nullable String rawQuery, List<Header> headers, byte[] body) {

	/**
	 * Returns the first value of the named header, ignoring case.
	 * @param name the header name
	 * @return the trimmed value or {@code null}
	 */
	@Nullable String header(String name) {
		for (Header header : this.headers) {
			if (header.name().equalsIgnoreCase(name)) {
				return header.value().trim();
			}
		}
		return null;
	}

	/**
	 * Returns all values of the named header, ignoring case.
	 * @param name the header name
	 * @return the values in arrival order
	 */
	List<String> headerValues(String name) {
		List<String> values = new ArrayList<>();
		for (Header header : this.headers) {
			if (header.name().equalsIgnoreCase(name)) {
				values.add(header.value());
			}
		}
		return values;
	}

	/**
	 * Returns the decoded query parameters in arrival order.
	 * @return the parameters, each with all its values
	 */
	Map<String, List<String>> queryParameters() {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (this.rawQuery == null || this.rawQuery.isEmpty()) {
			return parameters;
		}
		for (String pair : this.rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	/**
	 * Returns the first decoded value of a query parameter.
	 * @param name the parameter name
	 * @return the value or {@code null} when absent
	 */
	@Nullable String queryParameter(String name) {
		List<String> values = queryParameters().getOrDefault(name, Collections.emptyList());
		return values.isEmpty() ? null : values.get(0);
	}

	boolean wantsClose() {
		String connection = header("Connection");
		return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A garbled escape is kept verbatim so that validation can reject it.
			return value;
		}
	}

	/**
	 * A single header line.
	 *
	 * @param name the name as sent
	 * @param value the value as sent
	 */
	record Header(String name, String value) {

	}

}
