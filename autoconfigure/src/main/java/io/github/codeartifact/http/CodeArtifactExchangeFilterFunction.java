package io.github.codeartifact.http;

import java.util.Objects;

import io.github.codeartifact.http.AuthorizedRedirects.Hop;
import io.github.codeartifact.http.CodeArtifactAuthorization.Credential;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeFunctions;
import org.springframework.web.reactive.function.client.ExchangeStrategies;

/**
 * The {@code WebClient} counterpart of {@link CodeArtifactAuthInterceptor}: the token only for the
 * hosts of {@link CodeArtifactRepositoryHosts}, never over the caller's {@code Authorization}
 * header, and on a 401 one renewal and one retry. Token calls may wait for a refresh, so they run
 * on the bounded elastic scheduler, never on an event loop.
 * <p>
 * As with the interceptor, <strong>the token never follows a redirect to another host</strong>: an
 * exchange that gets the token is not handed to the client's connector, which may follow redirects
 * inside itself (Reactor Netty, Jetty, Apache HttpClient and the JDK's {@code HttpClient} can), but
 * sent on a connector of its own that never follows one, and its 3xx are followed here with the
 * rules of {@link AuthorizedRedirects}. Other exchanges go through the client untouched.
 * <p>
 * The trade-off: an authorized exchange does not use the client's connector, the filters after this
 * one, nor the client's own codecs. The auto-configured filter builds its connector from Boot's
 * {@code ClientHttpConnectorBuilder} and {@code HttpClientSettings} and its codecs with Boot's
 * {@code CodecCustomizer}s ({@code spring.codec.*}), as Boot's {@code WebClient.Builder} does; one
 * made with the public constructor uses the JDK's {@code HttpClient} and the default codecs, and
 * follows redirects.
 * <p>
 * A retry or a 307/308 sends the request's body again: bodies from a one-shot publisher cannot be
 * sent twice and should not be sent where a 401 or a redirect is likely.
 * <p>
 * Add it to the clients that talk to CodeArtifact: {@code WebClient.builder().filter(filter)}.
 */
public final class CodeArtifactExchangeFilterFunction implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(CodeArtifactExchangeFilterFunction.class);

	private final CodeArtifactAuthorization authorization;

	private final AuthorizedRedirects redirects;

	private final LazyTransport<ClientHttpConnector> connector;

	private final LazyTransport<ExchangeFunction> transport;

	/**
	 * Creates a filter that sends authorized exchanges with the JDK's {@code HttpClient} and the
	 * default codecs, and follows their redirects.
	 * @param provider the token provider
	 * @param hosts the repository hosts that get the token
	 * @param scheme how the token travels
	 */
	public CodeArtifactExchangeFilterFunction(CodeArtifactTokenProvider provider, CodeArtifactRepositoryHosts hosts,
			AuthScheme scheme) {
		this(new CodeArtifactAuthorization(provider, hosts, scheme), new AuthorizedRedirects(hosts, true),
				new LazyTransport<>(() -> new JdkClientHttpConnector(TokenTransports.neverFollowingHttpClient())),
				ExchangeStrategies.withDefaults());
	}

	/**
	 * Creates a filter.
	 * @param authorization which exchanges get the token, and the token
	 * @param redirects the redirect rules
	 * @param connector the connector of authorized exchanges: it must never follow a redirect
	 * @param strategies the codecs of their responses
	 */
	CodeArtifactExchangeFilterFunction(CodeArtifactAuthorization authorization, AuthorizedRedirects redirects,
			ClientHttpConnector connector, ExchangeStrategies strategies) {
		this(authorization, redirects, LazyTransport.of(Objects.requireNonNull(connector, "connector must not be null")),
				strategies);
	}

	/**
	 * Creates a filter whose connector is built on the first authorized exchange.
	 * @param authorization which exchanges get the token, and the token
	 * @param redirects the redirect rules
	 * @param connector builds the connector of authorized exchanges: it must never follow a redirect
	 * @param strategies the codecs of their responses
	 */
	CodeArtifactExchangeFilterFunction(CodeArtifactAuthorization authorization, AuthorizedRedirects redirects,
			LazyTransport<ClientHttpConnector> connector, ExchangeStrategies strategies) {
		this.authorization = authorization;
		this.redirects = redirects;
		this.connector = connector;
		this.transport = new LazyTransport<>(() -> ExchangeFunctions.create(connector.get(), strategies));
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!this.authorization.appliesTo(request.url(), request.headers())) {
			return next.exchange(request);
		}
		return Mono.fromCallable(this.authorization::current)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((credential) -> exchange(request, Hop.first(request.url(), request.method()), credential, false,
					0));
	}

	private Mono<ClientResponse> exchange(ClientRequest request, Hop hop, Credential credential, boolean renewed,
			int redirect) {
		return this.transport.get().exchange(outgoing(request, hop, credential)).flatMap((response) -> {
			int status = response.statusCode().value();
			if (hop.authorized() && !renewed && status == HttpStatus.UNAUTHORIZED.value()) {
				return retryOnUnauthorized(request, hop, credential, response, redirect);
			}
			Hop next = this.redirects.next(hop, status, response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION));
			if (next == null) {
				return Mono.just(response);
			}
			if (redirect == AuthorizedRedirects.MAX_REDIRECTS) {
				return response.releaseBody().then(Mono.error(AuthorizedRedirects.tooManyRedirects(next)));
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Following a " + status + " from " + AuthorizedRedirects.origin(hop.uri()) + " to "
						+ AuthorizedRedirects.origin(next.uri()) + (next.authorized() ? " with" : " without")
						+ " the CodeArtifact token");
			}
			return response.releaseBody()
				.then(Mono.defer(() -> exchange(request, next, credential, renewed, redirect + 1)));
		});
	}

	private Mono<ClientResponse> retryOnUnauthorized(ClientRequest request, Hop hop, Credential credential,
			ClientResponse response, int redirect) {
		return Mono.fromCallable(() -> this.authorization.renewed(credential))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((renewed) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("CodeArtifact rejected the token for " + request.method() + " "
							+ AuthorizedRedirects.origin(hop.uri()) + ": retrying once with a renewed token");
				}
				return response.releaseBody().then(Mono.defer(() -> exchange(request, hop, renewed, true, redirect)));
			})
			// No newer token than the rejected one: the caller gets the 401
			.switchIfEmpty(Mono.defer(() -> Mono.just(response)))
			.onErrorResume(CodeArtifactTokenException.class, (ex) -> {
				logger.warn("CodeArtifact rejected the token for " + request.method() + " "
						+ AuthorizedRedirects.origin(hop.uri()) + " and no new token could be had: " + ex.getMessage());
				return Mono.just(response);
			});
	}

	private static ClientRequest outgoing(ClientRequest request, Hop hop, Credential credential) {
		HttpHeaders headers = AuthorizedRedirects.headers(request.headers(), hop, credential.headerValue());
		ClientRequest.Builder outgoing = ClientRequest.from(request)
			.method(hop.method())
			.url(hop.uri())
			.headers((target) -> {
				target.clear();
				target.addAll(headers);
			});
		if (!hop.keepsBody()) {
			outgoing.body(BodyInserters.empty());
		}
		return outgoing.build();
	}

	/**
	 * Closes the connector, with the application context that built it.
	 */
	void closeTransport() {
		this.connector.close();
	}

}
