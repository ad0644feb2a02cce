package io.github.codeartifact.observation;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AuthorizationTokenFetcher} that makes each call of another one a
 * {@link CodeArtifactTokenObservation#TOKEN_REFRESH} observation: started before it, stopped after
 * it, with whatever it threw as the error, and in scope during it.
 */
public final class ObservedAuthorizationTokenFetcher implements AuthorizationTokenFetcher {

	private final AuthorizationTokenFetcher delegate;

	private final ObservationRegistry registry;

	private final @Nullable CodeArtifactTokenObservationConvention convention;

	private final String domain;

	private final @Nullable String owner;

	/**
	 * Creates an observed fetcher.
	 * @param delegate the fetcher that makes the call
	 * @param registry the observation registry
	 * @param convention the application's convention, or {@code null} for the default one
	 * @param domain the domain of the tokens
	 * @param owner the AWS account that owns the domain, or {@code null} when not set
	 */
	public ObservedAuthorizationTokenFetcher(AuthorizationTokenFetcher delegate, ObservationRegistry registry,
			@Nullable CodeArtifactTokenObservationConvention convention, String domain, @Nullable String owner) {
		this.delegate = delegate;
		this.registry = registry;
		this.convention = convention;
		this.domain = domain;
		this.owner = owner;
	}

	@Override
	public AuthorizationToken fetch() {
		CodeArtifactTokenObservationContext context = new CodeArtifactTokenObservationContext(this.domain, this.owner);
		Observation observation = CodeArtifactTokenObservation.TOKEN_REFRESH
			.observation(this.convention, DefaultCodeArtifactTokenObservationConvention.INSTANCE, () -> context,
					this.registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			AuthorizationToken token = this.delegate.fetch();
			if (token != null) {
				context.fetched();
			}
			return token;
		}
		catch (Throwable ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Returns the fetcher that makes the call.
	 * @return the observed fetcher
	 */
	public AuthorizationTokenFetcher getDelegate() {
		return this.delegate;
	}

}
