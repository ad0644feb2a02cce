package io.github.codeartifact.http;

import io.github.codeartifact.http.CodeArtifactAuthorization.Credential;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The {@code WebClient} counterpart of {@link CodeArtifactAuthInterceptor}: the token only for the
 * hosts of {@link CodeArtifactRepositoryHosts}, never over the caller's {@code Authorization}
 * header, and on a 401 one renewal and one retry. Token calls may wait for a refresh, so they run
 * on the bounded elastic scheduler, never on an event loop.
 * <p>
 * A retry sends the request's body again: bodies from a one-shot publisher cannot be retried and
 * should not be sent where a 401 is likely.
 * <p>
 * Add it to the clients that talk to CodeArtifact: {@code WebClient.builder().filter(filter)}.
 */
public final class CodeArtifactExchangeFilterFunction implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(CodeArtifactExchangeFilterFunction.class);

	private final CodeArtifactAuthorization authorization;

	/**
	 * Creates a filter.
	 * @param provider the token provider
	 * @param hosts the repository hosts that get the token
	 * @param scheme how the token travels
	 */
	public CodeArtifactExchangeFilterFunction(CodeArtifactTokenProvider provider, CodeArtifactRepositoryHosts hosts,
			AuthScheme scheme) {
		this.authorization = new CodeArtifactAuthorization(provider, hosts, scheme);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!this.authorization.appliesTo(request.url(), request.headers())) {
			return next.exchange(request);
		}
		return Mono.fromCallable(this.authorization::current)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((credential) -> next.exchange(authorized(request, credential))
				.flatMap((response) -> retryOnUnauthorized(request, credential, response, next)));
	}

	private Mono<ClientResponse> retryOnUnauthorized(ClientRequest request, Credential credential,
			ClientResponse response, ExchangeFunction next) {
		if (response.statusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
			return Mono.just(response);
		}
		return Mono.fromCallable(() -> this.authorization.renewed(credential))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((renewed) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("CodeArtifact rejected the token for " + request.method() + " " + request.url()
							+ ": retrying once with a renewed token");
				}
				return response.releaseBody().then(Mono.defer(() -> next.exchange(authorized(request, renewed))));
			})
			.onErrorResume(CodeArtifactTokenException.class, (ex) -> {
				logger.warn("CodeArtifact rejected the token for " + request.method() + " " + request.url()
						+ " and no new token could be had: " + ex.getMessage());
				return Mono.just(response);
			});
	}

	private static ClientRequest authorized(ClientRequest request, Credential credential) {
		return ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, credential.headerValue()))
			.build();
	}

}
