package io.github.codeartifact.event;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenRefreshListener;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A {@link TokenRefreshListener} that publishes a {@link CodeArtifactTokenRefreshedEvent} or a
 * {@link CodeArtifactTokenRefreshFailedEvent} after each fetch.
 */
public class ApplicationEventTokenRefreshListener implements TokenRefreshListener {

	private final ApplicationEventPublisher publisher;

	private final String domain;

	private final Supplier<? extends CodeArtifactTokenProvider> provider;

	/**
	 * Creates a new listener.
	 * @param publisher where to publish the events
	 * @param domain the domain of the tokens
	 * @param provider the provider, the source of the events; looked up when an event is published
	 */
	public ApplicationEventTokenRefreshListener(ApplicationEventPublisher publisher, String domain,
			Supplier<? extends CodeArtifactTokenProvider> provider) {
		this.publisher = publisher;
		this.domain = domain;
		this.provider = provider;
	}

	@Override
	public void onRefreshed(AuthorizationToken token, long elapsedNanos) {
		this.publisher.publishEvent(new CodeArtifactTokenRefreshedEvent(this.provider.get(), this.domain, token,
				Duration.ofNanos(elapsedNanos)));
	}

	@Override
	public void onRefreshFailed(CodeArtifactTokenException failure, long elapsedNanos, Instant nextAttempt) {
		this.publisher.publishEvent(new CodeArtifactTokenRefreshFailedEvent(this.provider.get(), this.domain, failure,
				Duration.ofNanos(elapsedNanos), nextAttempt));
	}

}
