package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body (RFC 7578), as {@code twine upload} sends it: text
 * fields, and file parts with their file names.
 *
 * @param fields the text fields by name, the first value of each
 * @param files the file parts by field name
 */
record MultipartForm(Map<String, String> fields, Map<String, FilePart> files) {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");

	private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

	/**
	 * Parses a body.
	 * @param contentType the request's {@code Content-Type}
	 * @param body the body
	 * @return the form
	 * @throws IllegalArgumentException when the body is not multipart form data
	 */
	static MultipartForm parse(@Nullable String contentType, byte[] body) {
		Matcher boundaryMatch = (contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) ? BOUNDARY.matcher(contentType)
						: null;
		if (boundaryMatch == null || !boundaryMatch.find()) {
			throw new IllegalArgumentException("Content-Type must be multipart/form-data with a boundary, not "
					+ contentType);
		}
		byte[] delimiter = ("--" + boundaryMatch.group(2)).getBytes(StandardCharsets.ISO_8859_1);
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, FilePart> files = new LinkedHashMap<>();
		int start = indexOf(body, delimiter, 0);
		while (start >= 0) {
			int partStart = start + delimiter.length;
			if (partStart + 2 <= body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
				return new MultipartForm(fields, files);
			}
			int next = indexOf(body, delimiter, partStart);
			if (next < 0) {
				break;
			}
			part(Arrays.copyOfRange(body, partStart, next), fields, files);
			start = next;
		}
		throw new IllegalArgumentException("The multipart body does not end with its closing boundary");
	}

	private static void part(byte[] part, Map<String, String> fields, Map<String, FilePart> files) {
		int headersEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		if (headersEnd < 0) {
			throw new IllegalArgumentException("A multipart part has no header end");
		}
		String headers = new String(part, 0, headersEnd, StandardCharsets.UTF_8);
		// The content ends before the CRLF that precedes the next delimiter.
		byte[] content = Arrays.copyOfRange(part, headersEnd + 4, Math.max(headersEnd + 4, part.length - 2));
		Matcher name = NAME.matcher(headers);
		if (!name.find()) {
			throw new IllegalArgumentException("A multipart part has no name");
		}
		Matcher filename = FILENAME.matcher(headers);
		if (filename.find()) {
			files.putIfAbsent(name.group(1), new FilePart(filename.group(1), content));
		}
		else {
			fields.putIfAbsent(name.group(1), new String(content, StandardCharsets.UTF_8));
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * An uploaded file.
	 *
	 * @param filename the file name the client sent
	 * @param content the bytes
	 */
	record FilePart(String filename, byte[] content) {

	}

}
