package io.github.codeartifact.test;

/**
 * Finds the end of a request head (request line and header section) in bytes as they
 * arrive, enforcing the limits of {@link HttpLimits} as it goes, so that a client cannot make
 * the server buffer more than one head's worth of bytes.
 */
final class RequestHeadScanner {

	private int position;

	private int lineStart;

	private boolean requestLineSeen;

	private int headerBytes;

	private int headerLines;

	private int headEnd = -1;

	/**
	 * Scans the bytes that arrived since the last call.
	 * @param bytes the connection's bytes from the start of the head
	 * @param length how many of them arrived
	 * @return the length of the head including its blank line, or {@code -1} while incomplete
	 * @throws HttpProtocolException when a limit is passed
	 */
	int scan(byte[] bytes, int length) throws HttpProtocolException {
		while (this.headEnd < 0 && this.position < length) {
			byte next = bytes[this.position++];
			if (next == '\n') {
				endLine(bytes);
			}
			else if (!this.requestLineSeen && this.position > HttpLimits.MAX_REQUEST_LINE + 2) {
				// Counted from the start of the head: empty lines before the request line count too.
				throw uriTooLong();
			}
			else if (this.requestLineSeen && this.headerBytes + (this.position - this.lineStart) > HttpLimits.MAX_HEADER_BYTES) {
				throw headersTooLarge();
			}
		}
		return this.headEnd;
	}

	private void endLine(byte[] bytes) throws HttpProtocolException {
		int end = this.position - 1;
		int contentLength = ((end > this.lineStart && bytes[end - 1] == '\r') ? end - 1 : end) - this.lineStart;
		int lineBytes = this.position - this.lineStart;
		this.lineStart = this.position;
		if (!this.requestLineSeen) {
			if (contentLength > HttpLimits.MAX_REQUEST_LINE) {
				throw uriTooLong();
			}
			// Empty lines before the request line are ignored, as RFC 9112 allows.
			this.requestLineSeen = contentLength > 0;
			return;
		}
		if (contentLength == 0) {
			this.headEnd = this.position;
			return;
		}
		this.headerBytes += lineBytes;
		this.headerLines++;
		if (this.headerLines > HttpLimits.MAX_HEADER_LINES) {
			throw new HttpProtocolException(431, "More than " + HttpLimits.MAX_HEADER_LINES + " header lines");
		}
		if (this.headerBytes > HttpLimits.MAX_HEADER_BYTES) {
			throw headersTooLarge();
		}
	}

	private static HttpProtocolException uriTooLong() {
		return new HttpProtocolException(414, "The request line is longer than " + HttpLimits.MAX_REQUEST_LINE + " bytes");
	}

	private static HttpProtocolException headersTooLarge() {
		return new HttpProtocolException(431, "The headers are larger than " + HttpLimits.MAX_HEADER_BYTES + " bytes");
	}

}
