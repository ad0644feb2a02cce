package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Builds the SigV4 canonical request of a received request, as the documented algorithm
 * defines it for services other than S3: the path with its dot segments removed and
 * URI-encoded once more, the query parameters URI-encoded and sorted, the signed headers
 * lower-cased, sorted and with their values trimmed, and the hex SHA-256 of the payload.
 */
final class SigV4CanonicalRequest {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private SigV4CanonicalRequest() {
	}

	/**
	 * Returns the canonical request.
	 * @param request the request as received
	 * @param signedHeaders the {@code SignedHeaders} of its {@code Authorization} header
	 * @return the canonical request, or {@code null} when a signed header did not arrive
	 */
	static @Nullable String of(HttpRequestMessage request, String signedHeaders) {
		List<String> names = Arrays.stream(signedHeaders.split(";"))
			.map((name) -> name.trim().toLowerCase(Locale.ROOT))
			.sorted()
			.toList();
		StringBuilder canonical = new StringBuilder();
		canonical.append(request.method()).append('\n');
		canonical.append(path(request.rawPath())).append('\n');
		canonical.append(query(request.rawQuery())).append('\n');
		for (String name : names) {
			List<String> values = request.headerValues(name);
			if (values.isEmpty()) {
				return null;
			}
			canonical.append(name).append(':').append(values.stream()
				.map((value) -> value.trim().replaceAll("\\s+", " "))
				.collect(Collectors.joining(","))).append('\n');
		}
		canonical.append('\n').append(String.join(";", names)).append('\n');
		canonical.append(Digests.hex("SHA-256", request.body()));
		return canonical.toString();
	}

	/** The raw path, still percent-encoded, is encoded again: services other than S3 sign it so. */
	private static String path(String rawPath) {
		if (rawPath.isEmpty()) {
			return "/";
		}
		Deque<String> segments = new ArrayDeque<>();
		String[] parts = rawPath.split("/", -1);
		for (int i = 1; i < parts.length; i++) {
			String segment = parts[i];
			boolean last = i == parts.length - 1;
			if (segment.equals("..")) {
				segments.pollLast();
				if (last) {
					segments.add("");
				}
			}
			else if (segment.equals(".")) {
				if (last) {
					segments.add("");
				}
			}
			else {
				segments.add(segment);
			}
		}
		StringBuilder normalized = new StringBuilder();
		for (String segment : segments) {
			normalized.append('/').append(encode(segment));
		}
		return (normalized.length() == 0) ? "/" : normalized.toString();
	}

	private static String query(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<Map.Entry<String, String>> parameters = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				parameters.add(Map.entry(encode(decode(name)), encode(decode(value))));
			}
		}
		return parameters.stream()
			.sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
			.map((parameter) -> parameter.getKey() + "=" + parameter.getValue())
			.collect(Collectors.joining("&"));
	}

	/** URI-encodes every byte but the unreserved characters of RFC 3986, as SigV4 requires. */
	private static String encode(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~') {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(HEX.toHexDigits(b));
			}
		}
		return encoded.toString();
	}

	/** Percent-decodes only ({@code +} stays a plus); a garbled escape is kept verbatim. */
	private static String decode(String value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
				bytes.write(HexFormat.fromHexDigits(value, i + 1, i + 3));
				i += 2;
			}
			else if (c == '%') {
				return value;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

}
