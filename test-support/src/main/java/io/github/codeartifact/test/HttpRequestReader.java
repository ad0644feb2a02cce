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
 * Reads one HTTP/1.1 request (request line, headers, body by length or chunked).
 */
final class HttpRequestReader {

	private static final int MAX_LINE = 64 * 1024;

	private static final int MAX_BODY = 16 * 1024 * 1024;

	private HttpRequestReader() {
	}

	/**
	 * Reads the next request from a connection.
	 * @param input the connection's input
	 * @param output the connection's output, for an interim {@code 100 Continue}
	 * @return the request or {@code null} when the client closed the connection
	 * @throws IOException on a broken request
	 */
	static @Nullable HttpRequestMessage read(InputStream input, OutputStream output) throws IOException {
		String requestLine = readLine(input);
		while (requestLine != null && requestLine.isEmpty()) {
			requestLine = readLine(input);
		}
		if (requestLine == null) {
			return null;
		}
		String[] parts = requestLine.split(" ");
		if (parts.length != 3) {
			throw new IOException("Bad request line");
		}
		List<HttpRequestMessage.Header> headers = new ArrayList<>();
		for (String line = readLine(input); line != null && !line.isEmpty(); line = readLine(input)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.add(new HttpRequestMessage.Header(line.substring(0, colon).trim(),
						line.substring(colon + 1).trim()));
			}
		}
		String target = parts[1];
		int question = target.indexOf('?');
		String rawPath = (question < 0) ? target : target.substring(0, question);
		String rawQuery = (question < 0) ? null : target.substring(question + 1);
		HttpRequestMessage withoutBody = new HttpRequestMessage(parts[0], rawPath, rawQuery, headers, new byte[0]);
		String expect = withoutBody.header("Expect");
		if (expect != null && expect.equalsIgnoreCase("100-continue")) {
			output.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
		}
		byte[] body = readBody(input, withoutBody);
		return new HttpRequestMessage(parts[0], rawPath, rawQuery, headers, body);
	}

	private static byte[] readBody(InputStream input, HttpRequestMessage request) throws IOException {
		String transferEncoding = request.header("Transfer-Encoding");
		if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
			return readChunked(input);
		}
		String contentLength = request.header("Content-Length");
		if (contentLength == null) {
			return new byte[0];
		}
		int length;
		try {
			length = Integer.parseInt(contentLength);
		}
		catch (NumberFormatException ex) {
			throw new IOException("Bad Content-Length", ex);
		}
		if (length < 0 || length > MAX_BODY) {
			throw new IOException("Unsupported Content-Length");
		}
		return readExactly(input, length);
	}

	private static byte[] readChunked(InputStream input) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(input);
			if (sizeLine == null) {
				throw new EOFException();
			}
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt(((semicolon < 0) ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
			if (size == 0) {
				for (String trailer = readLine(input); trailer != null && !trailer.isEmpty(); trailer = readLine(input)) {
					// Trailers are not needed.
				}
				return body.toByteArray();
			}
			if (body.size() + size > MAX_BODY) {
				throw new IOException("Body too large");
			}
			body.write(readExactly(input, size));
			readLine(input);
		}
	}

	private static byte[] readExactly(InputStream input, int length) throws IOException {
		byte[] bytes = input.readNBytes(length);
		if (bytes.length != length) {
			throw new EOFException();
		}
		return bytes;
	}

	private static @Nullable String readLine(InputStream input) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		while (true) {
			int next = input.read();
			if (next == -1) {
				return (line.size() == 0) ? null : line.toString(StandardCharsets.ISO_8859_1);
			}
			if (next == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (previous == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			if (line.size() >= MAX_LINE) {
				throw new IOException("Line too long");
			}
			line.write(next);
			previous = next;
		}
	}

}
