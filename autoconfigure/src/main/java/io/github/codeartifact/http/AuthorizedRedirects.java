package io.github.codeartifact.http;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The redirect rules of an authorized request, which {@link CodeArtifactAuthInterceptor} and
 * {@link CodeArtifactExchangeFilterFunction} follow themselves on a transport that never follows
 * one: which answers are followed, where to, with which method and body, and whether the token
 * goes along.
 * <ul>
 * <li>301, 302, 303, 307 and 308 with a {@code Location} are followed, relative locations resolved
 * against the request URI, at most {@value #MAX_REDIRECTS} times; any other answer, or all of them
 * when following is off, goes to the caller.</li>
 * <li>Methods as the JDK's {@code HttpClient} and RFC 9110 have them: 303 turns every method but
 * HEAD into GET, 301 and 302 turn POST into GET, without body or content headers; 307 and 308
 * keep the method and the body.</li>
 * <li>The token goes to a location only when {@link CodeArtifactRepositoryHosts} matches it and it
 * is no {@code https} to {@code http} downgrade. Elsewhere (an S3 download, another port, another
 * name of the same host) the request is sent without it: the redirect is followed, the token
 * stays.</li>
 * </ul>
 */
final class AuthorizedRedirects {

	/** The most redirects of one request, as many as the JDK's {@code HttpClient} allows twice over. */
	static final int MAX_REDIRECTS = 10;

	private static final List<String> CONTENT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
			HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CONTENT_LOCATION,
			HttpHeaders.TRANSFER_ENCODING);

	private final CodeArtifactRepositoryHosts hosts;

	private final boolean follow;

	/**
	 * Creates the rules.
	 * @param hosts the hosts that get the token
	 * @param follow whether redirects are followed at all; when not, every 3xx goes to the caller
	 */
	AuthorizedRedirects(CodeArtifactRepositoryHosts hosts, boolean follow) {
		this.hosts = Objects.requireNonNull(hosts, "hosts must not be null");
		this.follow = follow;
	}

	/**
	 * Returns the next hop after an answer, or {@code null} when the answer goes to the caller.
	 * @param from the hop that got the answer
	 * @param status the status of the answer
	 * @param location its {@code Location} header, if any
	 * @return the next hop, or {@code null}
	 */
	@Nullable Hop next(Hop from, int status, @Nullable String location) {
		if (!this.follow || !isRedirect(status) || location == null || location.isBlank()) {
			return null;
		}
		URI target;
		try {
			target = from.uri().resolve(URI.create(location.strip()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		String scheme = target.getScheme();
		if (target.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
			return null;
		}
		HttpMethod method = method(from.method(), status);
		boolean downgrade = "https".equalsIgnoreCase(from.uri().getScheme()) && "http".equalsIgnoreCase(scheme);
		boolean authorized = !downgrade && this.hosts.matches(target);
		return new Hop(target, method, from.keepsBody() && method.equals(from.method()), authorized);
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static HttpMethod method(HttpMethod method, int status) {
		if (status == 303 && !HttpMethod.HEAD.equals(method)) {
			return HttpMethod.GET;
		}
		if ((status == 301 || status == 302) && HttpMethod.POST.equals(method)) {
			return HttpMethod.GET;
		}
		return method;
	}

	/**
	 * Returns the headers of a hop: the caller's, without content headers when the body is
	 * dropped, and with the token's {@code Authorization} only when the hop is authorized.
	 * @param requested the headers of the caller's request (never with an {@code Authorization}:
	 * such a request is not authorized by the starter)
	 * @param hop the hop
	 * @param authorization the {@code Authorization} value of the token
	 * @return new headers
	 */
	static HttpHeaders headers(HttpHeaders requested, Hop hop, String authorization) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(requested);
		headers.remove(HttpHeaders.AUTHORIZATION);
		if (!hop.keepsBody()) {
			CONTENT_HEADERS.forEach(headers::remove);
		}
		if (hop.authorized()) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
		return headers;
	}

	/**
	 * Returns the failure of a request redirected too often. It names the origin only: a location
	 * may hold a presigned query.
	 */
	static IOException tooManyRedirects(Hop last) {
		return new IOException("More than " + MAX_REDIRECTS + " redirects, the last one to " + origin(last.uri()));
	}

	/**
	 * Returns the scheme, host and port of a URI, for log lines: never user information, a path or a
	 * query.
	 */
	static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
	}

	/**
	 * One request of a redirect chain.
	 *
	 * @param uri where it goes
	 * @param method its method
	 * @param keepsBody whether it sends the caller's body
	 * @param authorized whether it carries the token
	 */
	record Hop(URI uri, HttpMethod method, boolean keepsBody, boolean authorized) {

		/**
		 * Returns the caller's own request, authorized.
		 */
		static Hop first(URI uri, HttpMethod method) {
			return new Hop(uri, method, true, true);
		}

	}

}
