package io.github.codeartifact.test;

import java.time.Duration;

/**
 * What the emulator's HTTP server accepts from a client, and how long it waits for one.
 *
 * @param readTimeout how long a connection may take to send a request head (from being
 * accepted or answered) and, once the head is in, its body; a connection that is slower,
 * or idle that long, is closed
 * @param workerThreads how many requests are answered at once: a connection takes a worker
 * only once its request head is complete, so slow clients hold none
 * @param maxConnections how many connections may be open at once; more are closed when
 * accepted
 */
record HttpLimits(Duration readTimeout, int workerThreads, int maxConnections) {

	/** Longer request lines are answered 414. */
	static final int MAX_REQUEST_LINE = 8 * 1024;

	/** More header bytes (all lines of the header section together) are answered 431. */
	static final int MAX_HEADER_BYTES = 16 * 1024;

	/** More header lines are answered 431. */
	static final int MAX_HEADER_LINES = 100;

	/** Larger bodies, by {@code Content-Length} or by their chunks, are answered 413. */
	static final int MAX_BODY = 16 * 1024 * 1024;

	static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	static final int DEFAULT_WORKER_THREADS = 32;

	static final int DEFAULT_MAX_CONNECTIONS = 4096;

	static HttpLimits defaults() {
		return withReadTimeout(DEFAULT_READ_TIMEOUT);
	}

	static HttpLimits withReadTimeout(Duration readTimeout) {
		return new HttpLimits(readTimeout, DEFAULT_WORKER_THREADS, DEFAULT_MAX_CONNECTIONS);
	}

}
