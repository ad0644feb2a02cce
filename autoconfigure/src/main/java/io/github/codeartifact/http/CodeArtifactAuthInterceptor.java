package io.github.codeartifact.http;

import java.io.IOException;
import java.util.Objects;

import io.github.codeartifact.http.AuthorizedRedirects.Hop;
import io.github.codeartifact.http.CodeArtifactAuthorization.Credential;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * Authenticates {@code RestClient} and {@code RestTemplate} requests to CodeArtifact repositories
 * with the fresh token: {@code Authorization: Basic} with the user {@code aws} (or {@code Bearer}),
 * only for the hosts of {@link CodeArtifactRepositoryHosts}, and never over an
 * {@code Authorization} header the caller set.
 * <p>
 * <strong>The token never follows a redirect to another host.</strong> Most transports follow
 * redirects inside themselves (the JDK's {@code HttpClient} at {@code NORMAL} or {@code ALWAYS},
 * {@code HttpURLConnection} for GET, Apache HttpClient, Jetty, Reactor Netty), before any
 * interceptor sees the 3xx, and some of them send the caller's headers along. An interceptor cannot
 * change the client's transport, so a request that gets the token is not handed to it: it is sent
 * on a transport of its own that never follows a redirect, and this interceptor follows the 3xx
 * itself with the rules of {@link AuthorizedRedirects} (the token only to repository hosts, never
 * on an https to http downgrade, methods as RFC 9110 has them, at most ten hops). Requests that do
 * not get the token go through the client untouched.
 * <p>
 * The trade-off: an authorized request does not use the client's own request factory nor the
 * interceptors after this one. The auto-configured interceptor builds its transport from Boot's
 * {@code ClientHttpRequestFactoryBuilder} and {@code HttpClientSettings} (the same client library,
 * builder customizers, timeouts, SSL bundle and {@code spring.http.clients.redirects} as Boot's
 * {@code RestClient.Builder}); one made with the public constructor uses the JDK's
 * {@code HttpClient} with the system's proxy selector and TLS defaults, and follows redirects.
 * <p>
 * On a 401 from a repository, the token is renewed once ({@link CodeArtifactTokenProvider#refresh()}
 * unless another caller already replaced it) and the request is sent once more. When the renewal
 * fails, or gives the rejected token again ({@code refresh()} makes at most one call per
 * {@code codeartifact.refresh.min-forced-interval}), the caller gets the 401: a repository that
 * rejects every token cannot multiply GetAuthorizationToken calls.
 * <p>
 * Add it to the clients that talk to CodeArtifact, for example
 * {@code RestClient.builder().requestInterceptor(interceptor)}: it is never applied to every client.
 */
public final class CodeArtifactAuthInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(CodeArtifactAuthInterceptor.class);

	private final CodeArtifactAuthorization authorization;

	private final AuthorizedRedirects redirects;

	private final LazyTransport<ClientHttpRequestFactory> transport;

	/**
	 * Creates an interceptor that sends authorized requests with the JDK's {@code HttpClient} and
	 * follows their redirects.
	 * @param provider the token provider
	 * @param hosts the repository hosts that get the token
	 * @param scheme how the token travels
	 */
	public CodeArtifactAuthInterceptor(CodeArtifactTokenProvider provider, CodeArtifactRepositoryHosts hosts,
			AuthScheme scheme) {
		this(new CodeArtifactAuthorization(provider, hosts, scheme), new AuthorizedRedirects(hosts, true),
				new LazyTransport<>(TokenTransports::requestFactory));
	}

	/**
	 * Creates an interceptor.
	 * @param authorization which requests get the token, and the token
	 * @param redirects the redirect rules
	 * @param transport the transport of authorized requests: it must never follow a redirect
	 */
	CodeArtifactAuthInterceptor(CodeArtifactAuthorization authorization, AuthorizedRedirects redirects,
			ClientHttpRequestFactory transport) {
		this(authorization, redirects, LazyTransport.of(Objects.requireNonNull(transport, "transport must not be null")));
	}

	/**
	 * Creates an interceptor whose transport is built on the first authorized request.
	 * @param authorization which requests get the token, and the token
	 * @param redirects the redirect rules
	 * @param transport builds the transport of authorized requests: it must never follow a redirect
	 */
	CodeArtifactAuthInterceptor(CodeArtifactAuthorization authorization, AuthorizedRedirects redirects,
			LazyTransport<ClientHttpRequestFactory> transport) {
		this.authorization = authorization;
		this.redirects = redirects;
		this.transport = transport;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.authorization.appliesTo(request.getURI(), request.getHeaders())) {
			return execution.execute(request, body);
		}
		Credential credential = this.authorization.current();
		boolean renewed = false;
		Hop hop = Hop.first(request.getURI(), request.getMethod());
		for (int redirect = 0;; redirect++) {
			ClientHttpResponse response = send(request, body, hop, credential);
			if (hop.authorized() && !renewed && response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
				Credential replacement = renewed(request, hop, credential);
				if (replacement == null) {
					return response;
				}
				response.close();
				credential = replacement;
				renewed = true;
				response = send(request, body, hop, credential);
			}
			Hop next = this.redirects.next(hop, response.getStatusCode().value(),
					response.getHeaders().getFirst(HttpHeaders.LOCATION));
			if (next == null) {
				return response;
			}
			response.close();
			if (redirect == AuthorizedRedirects.MAX_REDIRECTS) {
				throw AuthorizedRedirects.tooManyRedirects(next);
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Following a " + response.getStatusCode().value() + " from "
						+ AuthorizedRedirects.origin(hop.uri()) + " to " + AuthorizedRedirects.origin(next.uri())
						+ (next.authorized() ? " with" : " without") + " the CodeArtifact token");
			}
			hop = next;
		}
	}

	private @Nullable Credential renewed(HttpRequest request, Hop hop, Credential rejected) {
		try {
			Credential renewed = this.authorization.renewed(rejected);
			if (logger.isDebugEnabled()) {
				logger.debug("CodeArtifact rejected the token for " + request.getMethod() + " "
						+ AuthorizedRedirects.origin(hop.uri()) + ((renewed != null)
								? ": retrying once with a renewed token" : ": no newer token to retry with"));
			}
			return renewed;
		}
		catch (CodeArtifactTokenException ex) {
			logger.warn("CodeArtifact rejected the token for " + request.getMethod() + " "
					+ AuthorizedRedirects.origin(hop.uri()) + " and no new token could be had: " + ex.getMessage());
			return null;
		}
	}

	private ClientHttpResponse send(HttpRequest request, byte[] body, Hop hop, Credential credential)
			throws IOException {
		ClientHttpRequest outgoing = this.transport.get().createRequest(hop.uri(), hop.method());
		outgoing.getHeaders().putAll(AuthorizedRedirects.headers(request.getHeaders(), hop, credential.headerValue()));
		outgoing.getAttributes().putAll(request.getAttributes());
		if (hop.keepsBody() && body.length > 0) {
			if (outgoing instanceof StreamingHttpOutputMessage streaming) {
				streaming.setBody(body);
			}
			else {
				StreamUtils.copy(body, outgoing.getBody());
			}
		}
		return outgoing.execute();
	}

	/**
	 * Closes the transport, with the application context that built it.
	 */
	void closeTransport() {
		this.transport.close();
	}

}
