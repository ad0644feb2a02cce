package io.github.codeartifact.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JDK {@link HttpClient} for a single test thread that keeps every answer it received, for leak
 * scans (see {@link TokenLeaks}) to look in: its status, headers and body, under
 * {@code "<method> <uri> #<n>"}, {@code n} counting the answers from 0.
 */
public final class RecordingHttpClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, String> answers = new LinkedHashMap<>();

	/**
	 * Sends a {@code GET} request, with a timeout of 10 seconds.
	 * @param uri the URI
	 * @return the body of the answer
	 */
	public String get(URI uri) {
		return send(HttpRequest.newBuilder(uri).GET());
	}

	/**
	 * Sends a {@code POST} request without a body, with a timeout of 10 seconds.
	 * @param uri the URI
	 * @return the body of the answer
	 */
	public String post(URI uri) {
		return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Returns every answer so far, in the order received: {@code "<status> <headers>\n<body>"} under
	 * {@code "<method> <uri> #<n>"}.
	 * @return a read-only view of the answers
	 */
	public Map<String, String> answers() {
		return Collections.unmodifiableMap(this.answers);
	}

	private String send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			String key = response.request().method() + " " + response.uri() + " #" + this.answers.size();
			this.answers.put(key, response.statusCode() + " " + response.headers().map() + "\n" + response.body());
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
