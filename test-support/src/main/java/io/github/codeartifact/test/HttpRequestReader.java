package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Parses a request head (request line and headers) and reads its body, by length or
 * chunked, within the limits of {@link HttpLimits}: every refusal is an
 * {@link HttpProtocolException} with the status to answer.
 */
final class HttpRequestReader {

	private static final int MAX_SIZE_DIGITS = 8;

	private HttpRequestReader() {
	}

	/**
	 * Parses a head and reads the body that follows it.
	 * @param head the complete head, as {@link RequestHeadScanner} delimited it
	 * @param input the bytes after the head
	 * @param output the connection's output, for an interim {@code 100 Continue}
	 * @return the request
	 * @throws HttpProtocolException when the request is malformed or too large
	 * @throws IOException when the connection broke
	 */
	static HttpRequestMessage read(String head, InputStream input, OutputStream output) throws IOException {
		List<String> lines = new ArrayList<>(head.lines().toList());
		while (!lines.isEmpty() && lines.get(0).isEmpty()) {
			lines.remove(0);
		}
		if (lines.isEmpty()) {
			throw HttpProtocolException.badRequest("No request line");
		}
		String[] parts = lines.get(0).split(" ");
		if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
			throw HttpProtocolException.badRequest("The request line is not 'METHOD TARGET HTTP/1.x'");
		}
		List<HttpRequestMessage.Header> headers = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isEmpty()) {
				headers.add(header(line));
			}
		}
		String target = parts[1];
		int question = target.indexOf('?');
		String rawPath = (question < 0) ? target : target.substring(0, question);
		String rawQuery = (question < 0) ? null : target.substring(question + 1);
		HttpRequestMessage withoutBody = new HttpRequestMessage(parts[0], rawPath, rawQuery, headers, new byte[0]);
		byte[] body = readBody(input, output, withoutBody);
		return new HttpRequestMessage(parts[0], rawPath, rawQuery, headers, body);
	}

	private static HttpRequestMessage.Header header(String line) throws HttpProtocolException {
		int colon = line.indexOf(':');
		if (colon <= 0 || line.substring(0, colon).chars().anyMatch(Character::isWhitespace)) {
			throw HttpProtocolException.badRequest("A header line is not 'Name: value'");
		}
		return new HttpRequestMessage.Header(line.substring(0, colon), line.substring(colon + 1).trim());
	}

	private static byte[] readBody(InputStream input, OutputStream output, HttpRequestMessage request)
			throws IOException {
		String transferEncoding = request.header("Transfer-Encoding");
		boolean chunked = transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
		long length = chunked ? 0 : contentLength(request.header("Content-Length"));
		// The client waits for this before it sends a body: only once the body is acceptable.
		String expect = request.header("Expect");
		if (expect != null && expect.equalsIgnoreCase("100-continue")) {
			output.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
		}
		return chunked ? readChunked(input) : readExactly(input, (int) length);
	}

	private static long contentLength(@Nullable String value) throws HttpProtocolException {
		if (value == null) {
			return 0;
		}
		if (value.isEmpty() || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw HttpProtocolException.badRequest("Content-Length is not a number of bytes: " + value);
		}
		return upToMaxBody(value, 10);
	}

	private static byte[] readChunked(InputStream input) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			int size = chunkSize(readLine(input));
			if (size == 0) {
				readTrailers(input);
				return body.toByteArray();
			}
			// Overflow-safe: neither side can wrap around, whatever size the client claims.
			if (size > HttpLimits.MAX_BODY - body.size()) {
				throw HttpProtocolException.bodyTooLarge();
			}
			body.write(readExactly(input, size));
			if (!readLine(input).isEmpty()) {
				throw HttpProtocolException.badRequest("A chunk is longer than its size");
			}
		}
	}

	private static int chunkSize(String line) throws HttpProtocolException {
		int semicolon = line.indexOf(';');
		String digits = ((semicolon < 0) ? line : line.substring(0, semicolon)).trim();
		if (digits.isEmpty() || !digits.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw HttpProtocolException.badRequest("A chunk size is not hexadecimal: " + digits);
		}
		return (int) upToMaxBody(digits, 16);
	}

	/**
	 * Parses a size whose digits were checked, without overflow however many digits it has.
	 * @throws HttpProtocolException (413) when the size is past the body limit
	 */
	private static long upToMaxBody(String digits, int radix) throws HttpProtocolException {
		String significant = digits.replaceFirst("^0+(?=.)", "");
		// Eight digits fit a long in either radix, and a larger number is past the limit anyway.
		if (significant.length() > MAX_SIZE_DIGITS || Long.parseLong(significant, radix) > HttpLimits.MAX_BODY) {
			throw HttpProtocolException.bodyTooLarge();
		}
		return Long.parseLong(significant, radix);
	}

	private static void readTrailers(InputStream input) throws IOException {
		for (int lines = 0; !readLine(input).isEmpty(); lines++) {
			if (lines >= HttpLimits.MAX_HEADER_LINES) {
				throw new HttpProtocolException(431, "More than " + HttpLimits.MAX_HEADER_LINES + " trailer lines");
			}
		}
	}

	private static byte[] readExactly(InputStream input, int length) throws IOException {
		byte[] bytes = input.readNBytes(length);
		if (bytes.length != length) {
			throw new EOFException("The body ended early");
		}
		return bytes;
	}

	/** Reads a chunk-size, chunk-end or trailer line: no longer than a header line may be. */
	private static String readLine(InputStream input) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int next = input.read(); next != '\n'; next = input.read()) {
			if (next == -1) {
				throw new EOFException("The body ended early");
			}
			if (line.size() >= HttpLimits.MAX_HEADER_BYTES) {
				throw new HttpProtocolException(431, "A chunk line is longer than " + HttpLimits.MAX_HEADER_BYTES + " bytes");
			}
			line.write(next);
		}
		byte[] bytes = line.toByteArray();
		int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
		return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
	}

}
