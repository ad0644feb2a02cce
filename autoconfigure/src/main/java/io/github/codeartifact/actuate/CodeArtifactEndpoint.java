package io.github.codeartifact.actuate;

import java.time.Clock;
import java.util.function.Supplier;

import io.github.codeartifact.buildtools.BuildToolsDescriptor;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenState;
import io.github.codeartifact.token.TokenStateSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code codeartifact} actuator endpoint: reading it shows where the token refresh stands;
 * writing to it forces a refresh. Read-only by default: the write operation needs
 * {@code management.endpoint.codeartifact.access=unrestricted}. It never shows the token itself.
 */
@Endpoint(id = "codeartifact", defaultAccess = Access.READ_ONLY)
public class CodeArtifactEndpoint {

	private final Supplier<TokenState> state;

	private final CodeArtifactTokenProvider provider;

	private final CodeArtifactTarget target;

	private final Clock clock;

	private final Supplier<@Nullable BuildToolsDescriptor> buildTools;

	/**
	 * Creates the endpoint of a provider that shows its state, such as the starter's
	 * {@link io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider}.
	 * @param <P> the provider's type
	 * @param provider the provider, refreshed by the write operation
	 * @param target what the application asks CodeArtifact for
	 */
	public <P extends CodeArtifactTokenProvider & TokenStateSource> CodeArtifactEndpoint(P provider,
			CodeArtifactTarget target) {
		this(provider::state, provider, target, Clock.systemUTC());
	}

	CodeArtifactEndpoint(Supplier<TokenState> state, CodeArtifactTokenProvider provider, CodeArtifactTarget target,
			Clock clock) {
		this(state, provider, target, clock, () -> null);
	}

	CodeArtifactEndpoint(Supplier<TokenState> state, CodeArtifactTokenProvider provider, CodeArtifactTarget target,
			Clock clock, Supplier<@Nullable BuildToolsDescriptor> buildTools) {
		this.state = state;
		this.provider = provider;
		this.target = target;
		this.clock = clock;
		this.buildTools = buildTools;
	}

	/**
	 * Shows where the token refresh stands.
	 * @return the state, without the token
	 */
	@ReadOperation
	public CodeArtifactDescriptor state() {
		return CodeArtifactDescriptor.of(this.target, this.state.get(), this.clock, this.buildTools.get());
	}

	/**
	 * Fetches a new token now. A failure is not thrown: it shows in the returned state's
	 * {@code lastRefresh}, and the current fresh token, if any, stays in service.
	 * @return the state after the refresh, without the token
	 */
	@WriteOperation
	public CodeArtifactDescriptor refresh() {
		try {
			this.provider.refresh();
		}
		catch (CodeArtifactTokenException ex) {
			// Shown in the state: lastRefresh and failureCount.
		}
		return state();
	}

}
